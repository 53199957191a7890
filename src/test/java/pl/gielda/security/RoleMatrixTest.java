package pl.gielda.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import pl.gielda.security.Hall.Who;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

/**
 * Every operation of the OpenAPI document, called by every kind of caller in the hall (issue 21,
 * F1). The expected answer of each cell is written below by hand from the role rules (README,
 * "Roles"), not read from the code under test; an operation that has no row fails the test, so a
 * new endpoint cannot ship without a decision on who may call it.
 *
 * <p>Each call acts on its own fresh thing where the operation changes it (a post, a contract, a
 * help request), so every cell is answered as if it were the only call.
 */
@QuarkusTest
class RoleMatrixTest {

  /**
   * A cell: {@code 2xx} the caller is served; {@code 401} no valid token; {@code 403} refused;
   * {@code 404} not shown to this caller; {@code pass} past the guard, then refused for what was
   * asked (4xx other than 401/403: the request was judged on its merits, e.g. a setup token that
   * does not exist); {@code 4xx} refused, whether for the secret sent or the caller.
   */
  private static final String COLUMNS =
      "anon forged otherFairP otherFairOrg screen otherEntity newcomer helpDesk notary"
          + " participant organiser";

  private static final Map<String, String> TABLE = new LinkedHashMap<>();

  private static void row(String operation, String cells) {
    assertThat(cells.trim().split("\\s+")).as(operation).hasSize(Who.values().length);
    assertThat(TABLE.put(operation, cells.trim())).as("two rows for " + operation).isNull();
  }

  static {
    // spotless:off
    //                                                           anon forged oFairP oFairO screen oEntity newcomer helpDesk notary partic organiser
    // Signing in and joining: public, judged on the secret sent; a token sent along (forged or not)
    // is ignored. A wrong setup token is a wrong secret: 401. verify: no such contract, 404.
    row("POST /api/auth/badge",                                 "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("POST /api/auth/login",                                 "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("POST /api/auth/screen",                                "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("POST /api/auth/setup",                                 "401  401    401    401    401    401     401      401      401    401    401");
    row("POST /api/join",                                       "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("GET /api/public/fairs/{joinCode}",                     "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("GET /api/public/fairs/{joinCode}/entities",            "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("GET /api/public/contracts/verify",                     "404  404    404    404    404    404     404      404      404    404    404");
    row("GET /api/me",                                          "401  401    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    // Organiser accounts and fairs.
    row("GET /api/fairs",                                       "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("POST /api/fairs",                                      "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("POST /api/organisers",                                 "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}",                              "401  401    403    403    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    // Asking a LIVE fair for LIVE changes nothing; closing figures exist once the fair is CLOSED.
    row("POST /api/fairs/{fairId}/phase",                       "401  401    403    403    403    403     403      403      403    403    2xx");
    row("POST /api/fairs/{fairId}/screens",                     "401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("GET /api/fairs/{fairId}/badges.pdf",                   "401  401    403    403    403    403     403      403      403    403    pass");
    row("GET /api/fairs/{fairId}/balance",                      "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/closing",                      "401  401    403    403    403    403     403      403      pass   403    pass");
    row("GET /api/fairs/{fairId}/exports/csv",                  "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/exports/json",                 "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/exports/pdf",                  "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/exports/xlsx",                 "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/follow-ups/stale",             "401  401    403    403    403    403     403      403      403    403    2xx");
    row("POST /api/fairs/{fairId}/import",                      "401  401    403    403    403    403     403      403      403    403    2xx");
    // Entities and people: the help desk adds and reissues; only the organiser grants roles.
    row("GET /api/fairs/{fairId}/entities",                     "401  401    403    403    403    2xx     403      2xx      2xx    2xx    2xx");
    row("POST /api/fairs/{fairId}/entities",                    "401  401    403    403    403    403     403      2xx      403    403    2xx");
    row("GET /api/fairs/{fairId}/people",                       "401  401    403    403    403    403     403      2xx      2xx    403    2xx");
    row("POST /api/fairs/{fairId}/people",                      "401  401    403    403    403    403     403      2xx      403    403    2xx");
    row("POST /api/fairs/{fairId}/people/{personId}/badge",     "401  401    403    403    403    403     403      2xx      403    403    2xx");
    row("POST /api/fairs/{fairId}/people/{personId}/check-in",  "401  401    403    403    403    403     403      2xx      403    403    2xx");
    row("POST /api/fairs/{fairId}/check-in",                    "401  401    403    403    403    403     403      2xx      403    403    2xx");
    row("PUT /api/fairs/{fairId}/people/{personId}/roles",      "401  401    403    403    403    403     403      403      403    403    2xx");
    // The newcomer (issue 21, A) waits for its entity's consent: it reads the fair and the boards
    // (the post list and the board socket) and whom it waits for, and writes nothing for any
    // entity; it is no party and no member, so contracts, deals, matches of its own, help and the
    // entity list are refused. The app is narrower than the big screen for it: a single post,
    // "still looking", the tallies and a post's matches are the screen's and the members' views,
    // not the board a phone shows (the phone opens posts from the list), so refusing them loses
    // the newcomer nothing; noted for the lead as a choice, not a leak.
    // Boards: everyone of the fair reads (the big screen too: posts and their matches are public in
    // the hall); participants write for their own entity. The help desk writes only on behalf of a
    // person (onBehalfOf): without it the request is refused on its merits (400), past the guard.
    row("GET /api/fairs/{fairId}/posts",                        "401  401    403    403    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("POST /api/fairs/{fairId}/posts",                       "401  401    403    403    403    2xx     403      pass     403    2xx    403");
    row("PUT /api/fairs/{fairId}/posts/{postId}",               "401  401    403    403    403    403     403      403      403    2xx    403");
    row("POST /api/fairs/{fairId}/posts/{postId}/withdraw",     "401  401    403    403    403    403     403      403      403    2xx    403");
    row("POST /api/fairs/{fairId}/posts/{postId}/hide",         "401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("POST /api/fairs/{fairId}/posts/{postId}/unhide",       "401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("GET /api/fairs/{fairId}/still-looking",                "401  401    403    403    2xx    2xx     403      2xx      2xx    2xx    2xx");
    row("GET /api/fairs/{fairId}/tallies",                      "401  401    403    403    2xx    2xx     403      2xx      2xx    2xx    2xx");
    row("GET /api/fairs/{fairId}/matches/for/{postId}",         "401  401    403    403    2xx    2xx     403      2xx      2xx    2xx    2xx");
    row("GET /api/fairs/{fairId}/matches/mine",                 "401  401    403    403    403    2xx     403      403      403    2xx    403");
    row("GET /api/fairs/{fairId}/deals",                        "401  401    403    403    403    2xx     403      2xx      2xx    2xx    2xx");
    // Contracts: parties act for their entity; the notary and the organiser register. The help desk
    // reads a contract to help with it and acts on behalf of a party, but the PDF and the follow-ups
    // (what was delivered) belong to the parties and the staff.
    row("POST /api/fairs/{fairId}/contracts",                   "401  401    403    403    403    2xx     403      pass     403    2xx    403");
    row("GET /api/fairs/{fairId}/contracts",                    "401  401    403    403    403    2xx     403      2xx      2xx    2xx    2xx");
    row("GET /api/fairs/{fairId}/contracts/{contractId}",       "401  401    403    403    403    403     403      2xx      2xx    2xx    2xx");
    row("GET /api/fairs/{fairId}/contracts/{contractId}/pdf",   "401  401    403    403    403    403     403      403      2xx    2xx    2xx");
    row("PUT /api/fairs/{fairId}/contracts/{contractId}",       "401  401    403    403    403    403     403      pass     403    2xx    403");
    row("POST /api/fairs/{fairId}/contracts/{contractId}/sign", "401  401    403    403    403    403     403      pass     403    2xx    403");
    row("POST /api/fairs/{fairId}/contracts/{contractId}/withdraw","401  401    403    403    403    403     403      pass     403    2xx    403");
    row("POST /api/fairs/{fairId}/contracts/{contractId}/register","401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("POST /api/fairs/{fairId}/contracts/{contractId}/return","401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("GET /api/fairs/{fairId}/contracts/{contractId}/follow-ups","401  401    403    403    403    403     403      403      2xx    2xx    2xx");
    row("POST /api/fairs/{fairId}/contracts/{contractId}/follow-ups","401  401    403    403    403    403     403      403      403    2xx    2xx");
    row("POST /api/fairs/{fairId}/contracts/paper",             "401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("POST /api/fairs/{fairId}/contracts/partner-lookup",    "401  401    403    403    403    2xx     403      2xx      2xx    2xx    403");
    row("GET /api/fairs/{fairId}/contracts/queue",              "401  401    403    403    403    403     403      403      2xx    403    2xx");
    row("GET /api/fairs/{fairId}/contracts/chain/verify",       "401  401    403    403    403    403     403      403      2xx    403    2xx");
    // Help desk queue: participants ask, the help desk and the notary take.
    row("POST /api/fairs/{fairId}/help-requests",               "401  401    403    403    403    2xx     403      403      403    2xx    403");
    row("GET /api/fairs/{fairId}/help-requests/mine",           "401  401    403    403    403    2xx     403      403      403    2xx    403");
    row("GET /api/fairs/{fairId}/help-requests",                "401  401    403    403    403    403     403      2xx      2xx    403    2xx");
    row("POST /api/fairs/{fairId}/help-requests/{helpId}/take", "401  401    403    403    403    403     403      2xx      2xx    403    403");
    row("POST /api/fairs/{fairId}/help-requests/{helpId}/done", "401  401    403    403    403    403     403      2xx      2xx    403    403");
    // Organiser accounts (issue 23): a wrong reset token is a wrong secret; "forgot password" answers
    // the same for every e-mail. Organisers are one team: any organiser may add organisers and hand
    // a fellow organiser a reset link, so an organiser of another fair may too (the instance's
    // organisers trust each other; see SECURITY.md). The public URL is the instance's, not a fair's.
    row("POST /api/auth/password-reset",                        "4xx  4xx    4xx    4xx    4xx    4xx     4xx      4xx      4xx    4xx    4xx");
    row("POST /api/auth/password-reset/request",                "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("GET /api/auth/setup",                                  "2xx  2xx    2xx    2xx    2xx    2xx     2xx      2xx      2xx    2xx    2xx");
    row("GET /api/organisers",                                  "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("POST /api/organisers/{organiserId}/password-reset",    "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("GET /api/settings/public-url",                         "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("PUT /api/settings/public-url",                         "401  401    403    2xx    403    403     403      403      403    403    2xx");
    row("DELETE /api/settings/public-url",                      "401  401    403    2xx    403    403     403      403      403    403    2xx");
    // The fair's outbox is the organiser's (mail 1 may not exist: judged after the guard). Badge
    // sheets are printed only once the public address is not localhost (409 here, past the guard);
    // the big screen reads boards, not a single post.
    row("GET /api/fairs/{fairId}/mail",                         "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/mail/{mailId}",                "401  401    403    403    403    403     403      403      403    403    pass");
    row("POST /api/fairs/{fairId}/mail/{mailId}/retry",         "401  401    403    403    403    403     403      403      403    403    pass");
    row("GET /api/fairs/{fairId}/posts/{postId}",               "401  401    403    403    403    2xx     403      2xx      2xx    2xx    2xx");
    // Only the person who asked for help may cancel it; to other participants it does not exist.
    row("POST /api/fairs/{fairId}/help-requests/{helpId}/cancel","401  401    403    403    403    404     403      403      403    2xx    403");
    // Identity: a signed-in phone binds itself (people only: the screen, a newcomer and an
    // organiser have no badge); releasing a phone follows RoleRules (the help desk for
    // participants, the organiser for everyone). The audit trail is the fair's organiser's.
    row("POST /api/auth/phone",                                 "401  401    2xx    403    403    2xx     403      2xx      2xx    2xx    403");
    row("POST /api/fairs/{fairId}/people/{personId}/phone/release","401  401  403    403    403    403     403      2xx      403    403    2xx");
    row("GET /api/fairs/{fairId}/audit",                        "401  401    403    403    403    403     403      403      403    403    2xx");
    row("GET /api/fairs/{fairId}/audit/csv",                    "401  401    403    403    403    403     403      403      403    403    2xx");
    // Consent: only a waiting newcomer has a request of its own (its member token is not ready
    // while it waits: 409, past the guard). Members see their entity's requests (the other entity
    // an empty list) and decide for their own entity only; the help desk and the organiser see and
    // decide for all. Only the help desk and the organiser vouch for a self-made entity.
    row("GET /api/join/mine",                                   "401  401    403    403    403    403     2xx      403      403    403    403");
    row("POST /api/join/mine/token",                            "401  401    403    403    403    403     pass     403      403    403    403");
    row("GET /api/fairs/{fairId}/join-requests",                "401  401    403    403    403    2xx     403      2xx      403    2xx    2xx");
    row("POST /api/fairs/{fairId}/join-requests/{requestId}/approve","401  401  403    403    403    403     403      2xx      403    2xx    2xx");
    row("POST /api/fairs/{fairId}/join-requests/{requestId}/reject","401  401   403    403    403    403     403      2xx      403    2xx    2xx");
    row("POST /api/fairs/{fairId}/entities/{entityId}/confirm", "401  401    403    403    403    403     403      2xx      403    403    2xx");
    // The fair's settings are its organiser's: an edit that keeps every value, a category of its
    // own per call; the hall's fair has contracts, so deleting it is refused on its merits (409).
    row("PUT /api/fairs/{fairId}",                              "401  401    403    403    403    403     403      403      403    403    2xx");
    row("DELETE /api/fairs/{fairId}",                           "401  401    403    403    403    403     403      403      403    403    pass");
    row("POST /api/fairs/{fairId}/categories",                  "401  401    403    403    403    403     403      403      403    403    2xx");
    // spotless:on
  }

  /** A request, built per call so that each call acts on its own fresh thing where it matters. */
  private record Call(String path, Object body, String contentType, Map<String, Object> query) {
    static Call of(String path) {
      return new Call(path, null, null, Map.of());
    }

    static Call json(String path, Object body) {
      return new Call(path, body, "application/json", Map.of());
    }

    Call query(String name, Object value) {
      Map<String, Object> q = new HashMap<>(query);
      q.put(name, value);
      return new Call(path, body, contentType, q);
    }
  }

  /** How each operation is called; the table says what it must answer. */
  private static Map<String, Function<Hall, Call>> requests() {
    Map<String, Function<Hall, Call>> r = new HashMap<>();
    r.put(
        "POST /api/auth/badge",
        h ->
            Call.json(
                "/api/auth/badge",
                Map.of("signInSecret", h.partner.signInSecret(), "deviceKey", Fixtures.PHONE)));
    r.put(
        "POST /api/auth/login",
        h ->
            Call.json(
                "/api/auth/login",
                Map.of(
                    "email", Fixtures.ORGANISER_EMAIL, "password", Fixtures.ORGANISER_PASSWORD)));
    r.put(
        "POST /api/auth/screen",
        h -> Call.json("/api/auth/screen", Map.of("screenToken", h.screenToken)));
    r.put(
        "POST /api/auth/setup",
        h ->
            Call.json(
                "/api/auth/setup",
                Map.of(
                    "setupToken",
                    "not-the-setup-token-" + UUID.randomUUID(),
                    "email",
                    "setup" + Fixtures.unique() + "@test.gielda",
                    "displayName",
                    "Ktoś",
                    "password",
                    "a-long-enough-password-1")));
    r.put(
        "POST /api/join",
        h ->
            Call.json(
                "/api/join",
                Map.of(
                    "joinCode",
                    h.fair.joinCode(),
                    "displayName",
                    "Gość " + Fixtures.unique(),
                    "newEntity",
                    Map.of("name", "Nowy podmiot " + Fixtures.unique(), "sector", "NGO"))));
    r.put(
        "GET /api/public/fairs/{joinCode}", h -> Call.of("/api/public/fairs/" + h.fair.joinCode()));
    r.put(
        "GET /api/public/fairs/{joinCode}/entities",
        h -> Call.of("/api/public/fairs/" + h.fair.joinCode() + "/entities"));
    r.put(
        "GET /api/public/contracts/verify",
        h ->
            Call.of("/api/public/contracts/verify")
                .query("fair", h.fair.id())
                .query("number", "GT-0-0000")
                .query("hash", "0".repeat(64)));
    r.put("GET /api/me", h -> Call.of("/api/me"));
    r.put("GET /api/fairs", h -> Call.of("/api/fairs"));
    r.put(
        "POST /api/fairs",
        h -> Call.json("/api/fairs", Hall.fairInput("Giełda " + Fixtures.unique())));
    r.put(
        "POST /api/organisers",
        h ->
            Call.json(
                "/api/organisers",
                Map.of(
                    "email", "org" + Fixtures.unique() + "@test.gielda",
                    "displayName", "Organizator",
                    "password", "Zx9-" + UUID.randomUUID())));
    String f = "/api/fairs/{fair}";
    r.put("GET /api/fairs/{fairId}", h -> Call.of(f));
    // The fair is LIVE; asking for LIVE again is judged after the guard.
    r.put("POST /api/fairs/{fairId}/phase", h -> Call.json(f + "/phase", Map.of("phase", "LIVE")));
    r.put("POST /api/fairs/{fairId}/screens", h -> Call.of(f + "/screens"));
    r.put("GET /api/fairs/{fairId}/badges.pdf", h -> Call.of(f + "/badges.pdf"));
    r.put("GET /api/fairs/{fairId}/balance", h -> Call.of(f + "/balance"));
    r.put("GET /api/fairs/{fairId}/closing", h -> Call.of(f + "/closing"));
    r.put(
        "GET /api/fairs/{fairId}/exports/csv",
        h -> Call.of(f + "/exports/csv").query("table", "contracts"));
    r.put("GET /api/fairs/{fairId}/exports/json", h -> Call.of(f + "/exports/json"));
    r.put("GET /api/fairs/{fairId}/exports/pdf", h -> Call.of(f + "/exports/pdf"));
    r.put("GET /api/fairs/{fairId}/exports/xlsx", h -> Call.of(f + "/exports/xlsx"));
    r.put("GET /api/fairs/{fairId}/follow-ups/stale", h -> Call.of(f + "/follow-ups/stale"));
    r.put(
        "POST /api/fairs/{fairId}/import",
        h ->
            new Call(
                    f + "/import",
                    ("podmiot;sektor;miejscowość;kontakt;osoba;rola\n"
                            + "Fundacja Próbna;pozarządowy;Tczew;;Jan Próbny;uczestnik\n")
                        .getBytes(StandardCharsets.UTF_8),
                    "text/csv",
                    Map.of())
                .query("dryRun", true));
    r.put("GET /api/fairs/{fairId}/entities", h -> Call.of(f + "/entities"));
    r.put(
        "POST /api/fairs/{fairId}/entities",
        h ->
            Call.json(
                f + "/entities",
                Map.of("name", "Stowarzyszenie " + Fixtures.unique(), "sector", "NGO")));
    r.put("GET /api/fairs/{fairId}/people", h -> Call.of(f + "/people"));
    r.put(
        "POST /api/fairs/{fairId}/people",
        h ->
            Call.json(
                f + "/people",
                Map.of(
                    "displayName", "Osoba " + Fixtures.unique(), "entityId", h.target.entityId())));
    r.put(
        "POST /api/fairs/{fairId}/people/{personId}/badge",
        h -> Call.of(f + "/people/" + h.target.id() + "/badge"));
    r.put(
        "POST /api/fairs/{fairId}/people/{personId}/check-in",
        h -> Call.of(f + "/people/" + h.target.id() + "/check-in"));
    r.put(
        "POST /api/fairs/{fairId}/check-in",
        h -> Call.json(f + "/check-in", Map.of("partnerCode", h.partner.partnerCode())));
    r.put(
        "PUT /api/fairs/{fairId}/people/{personId}/roles",
        h ->
            Call.json(
                f + "/people/" + h.target.id() + "/roles",
                Map.of("roles", List.of("participant"))));
    r.put("GET /api/fairs/{fairId}/posts", h -> Call.of(f + "/posts"));
    r.put(
        "POST /api/fairs/{fairId}/posts",
        h -> Call.json(f + "/posts", Fixtures.offer("Rzutnik " + Fixtures.unique())));
    r.put(
        "PUT /api/fairs/{fairId}/posts/{postId}",
        h -> {
          long post = h.freshPost();
          return Call.json(
              f + "/posts/" + post,
              Map.of("category", "ROOMS", "title", "Sala większa", "version", h.postVersion(post)));
        });
    r.put(
        "POST /api/fairs/{fairId}/posts/{postId}/withdraw",
        h -> Call.of(f + "/posts/" + h.freshPost() + "/withdraw"));
    r.put(
        "POST /api/fairs/{fairId}/posts/{postId}/hide",
        h ->
            Call.json(
                f + "/posts/" + h.freshPost() + "/hide",
                Map.of("reason", "Ogłoszenie do sprawdzenia")));
    r.put(
        "POST /api/fairs/{fairId}/posts/{postId}/unhide",
        h -> Call.of(f + "/posts/" + h.hiddenPost() + "/unhide"));
    r.put("GET /api/fairs/{fairId}/still-looking", h -> Call.of(f + "/still-looking"));
    r.put("GET /api/fairs/{fairId}/tallies", h -> Call.of(f + "/tallies"));
    r.put(
        "GET /api/fairs/{fairId}/matches/for/{postId}", h -> Call.of(f + "/matches/for/" + h.post));
    r.put("GET /api/fairs/{fairId}/matches/mine", h -> Call.of(f + "/matches/mine"));
    r.put("GET /api/fairs/{fairId}/deals", h -> Call.of(f + "/deals"));
    String c = f + "/contracts";
    r.put("POST /api/fairs/{fairId}/contracts", h -> Call.json(c, h.proposal()));
    r.put("GET /api/fairs/{fairId}/contracts", h -> Call.of(c));
    r.put("GET /api/fairs/{fairId}/contracts/{contractId}", h -> Call.of(c + "/" + h.registered));
    r.put(
        "GET /api/fairs/{fairId}/contracts/{contractId}/pdf",
        h -> Call.of(c + "/" + h.registered + "/pdf"));
    r.put(
        "PUT /api/fairs/{fairId}/contracts/{contractId}",
        h -> {
          long id = h.draftContract();
          Map<String, Object> body = new HashMap<>(h.proposal());
          body.remove("partners");
          body.put("version", h.contractVersion(id));
          body.put("title", "Zmieniona umowa");
          return Call.json(c + "/" + id, body);
        });
    r.put(
        "POST /api/fairs/{fairId}/contracts/{contractId}/sign",
        h -> {
          long id = h.draftContract();
          return Call.json(c + "/" + id + "/sign", Map.of("version", h.contractVersion(id)));
        });
    r.put(
        "POST /api/fairs/{fairId}/contracts/{contractId}/withdraw",
        h ->
            Call.json(
                c + "/" + h.draftContract() + "/withdraw", Map.of("reason", "Zmiana planów")));
    r.put(
        "POST /api/fairs/{fairId}/contracts/{contractId}/register",
        h -> Call.json(c + "/" + h.signedContract() + "/register", Map.of()));
    r.put(
        "POST /api/fairs/{fairId}/contracts/{contractId}/return",
        h ->
            Call.json(
                c + "/" + h.signedContract() + "/return",
                Map.of("reason", "Brakuje opisu świadczenia")));
    r.put(
        "GET /api/fairs/{fairId}/contracts/{contractId}/follow-ups",
        h -> Call.of(c + "/" + h.registered + "/follow-ups"));
    r.put(
        "POST /api/fairs/{fairId}/contracts/{contractId}/follow-ups",
        h ->
            Call.json(
                c + "/" + h.registered + "/follow-ups",
                Map.of("status", "IN_PROGRESS", "note", "Umówione na maj")));
    r.put(
        "POST /api/fairs/{fairId}/contracts/paper",
        h -> {
          Map<String, Object> item = new HashMap<>();
          item.put("fromParty", 0);
          item.put("toParty", 1);
          item.put("category", "ROOMS");
          item.put("description", "sala na zebranie");
          return Call.json(
              c + "/paper",
              Map.of(
                  "parties",
                  List.of(
                      Map.of("entityId", h.participant.entityId()),
                      Map.of("entityId", h.partner.entityId())),
                  "items",
                  List.of(item),
                  "signatories",
                  List.of(h.participant.id(), h.partner.id())));
        });
    r.put(
        "POST /api/fairs/{fairId}/contracts/partner-lookup",
        h -> Call.json(c + "/partner-lookup", Map.of("partnerCode", h.partner.partnerCode())));
    r.put("GET /api/fairs/{fairId}/contracts/queue", h -> Call.of(c + "/queue"));
    r.put("GET /api/fairs/{fairId}/contracts/chain/verify", h -> Call.of(c + "/chain/verify"));
    String help = f + "/help-requests";
    r.put(
        "POST /api/fairs/{fairId}/help-requests",
        h -> Call.json(help, Map.of("note", "Proszę o pomoc")));
    r.put("GET /api/fairs/{fairId}/help-requests/mine", h -> Call.of(help + "/mine"));
    r.put("GET /api/fairs/{fairId}/help-requests", h -> Call.of(help));
    r.put(
        "POST /api/fairs/{fairId}/help-requests/{helpId}/take",
        h -> Call.of(help + "/" + h.helpRequest() + "/take"));
    r.put(
        "POST /api/fairs/{fairId}/help-requests/{helpId}/done",
        h -> {
          long id = h.helpRequest();
          as(h.helpDesk.token())
              .post(help.replace("{fair}", "" + h.fair.id()) + "/" + id + "/take")
              .then()
              .statusCode(200);
          return Call.of(help + "/" + id + "/done");
        });
    r.put(
        "POST /api/auth/password-reset",
        h ->
            Call.json(
                "/api/auth/password-reset",
                Map.of(
                    "token",
                    "not-a-reset-token-" + UUID.randomUUID(),
                    "password",
                    "a-long-enough-pass-4")));
    r.put(
        "POST /api/auth/password-reset/request",
        h -> Call.json("/api/auth/password-reset/request", Map.of("email", "nobody@test.gielda")));
    r.put("GET /api/auth/setup", h -> Call.of("/api/auth/setup"));
    r.put("GET /api/organisers", h -> Call.of("/api/organisers"));
    r.put(
        "POST /api/organisers/{organiserId}/password-reset",
        h -> Call.of("/api/organisers/" + h.freshOrganiser() + "/password-reset"));
    r.put("GET /api/settings/public-url", h -> Call.of("/api/settings/public-url"));
    r.put(
        "PUT /api/settings/public-url",
        h -> Call.json("/api/settings/public-url", Map.of("url", "http://localhost:8081")));
    r.put("DELETE /api/settings/public-url", h -> Call.of("/api/settings/public-url"));
    r.put("GET /api/fairs/{fairId}/mail", h -> Call.of(f + "/mail"));
    r.put("GET /api/fairs/{fairId}/mail/{mailId}", h -> Call.of(f + "/mail/1"));
    r.put("POST /api/fairs/{fairId}/mail/{mailId}/retry", h -> Call.of(f + "/mail/1/retry"));
    r.put("GET /api/fairs/{fairId}/posts/{postId}", h -> Call.of(f + "/posts/" + h.post));
    r.put(
        "POST /api/fairs/{fairId}/help-requests/{helpId}/cancel",
        h -> Call.of(f + "/help-requests/" + h.helpRequest() + "/cancel"));
    r.put(
        "POST /api/auth/phone",
        h -> Call.json("/api/auth/phone", Map.of("deviceKey", Fixtures.PHONE)));
    r.put(
        "POST /api/fairs/{fairId}/people/{personId}/phone/release",
        h -> Call.of(f + "/people/" + Fixtures.person(h.fair.id(), null).id() + "/phone/release"));
    r.put("GET /api/fairs/{fairId}/audit", h -> Call.of(f + "/audit"));
    r.put("GET /api/fairs/{fairId}/audit/csv", h -> Call.of(f + "/audit/csv"));
    r.put("GET /api/join/mine", h -> Call.of("/api/join/mine"));
    r.put("POST /api/join/mine/token", h -> Call.of("/api/join/mine/token"));
    r.put("GET /api/fairs/{fairId}/join-requests", h -> Call.of(f + "/join-requests"));
    r.put(
        "POST /api/fairs/{fairId}/join-requests/{requestId}/approve",
        h -> Call.of(f + "/join-requests/" + h.joinRequest() + "/approve"));
    r.put(
        "POST /api/fairs/{fairId}/join-requests/{requestId}/reject",
        h -> Call.of(f + "/join-requests/" + h.joinRequest() + "/reject"));
    r.put(
        "POST /api/fairs/{fairId}/entities/{entityId}/confirm",
        h -> Call.of(f + "/entities/" + h.unconfirmedEntity() + "/confirm"));
    r.put(
        "PUT /api/fairs/{fairId}",
        h -> {
          var now =
              as(h.organiser)
                  .get("/api/fairs/" + h.fair.id())
                  .then()
                  .statusCode(200)
                  .extract()
                  .jsonPath();
          return Call.json(
              f,
              Map.of(
                  "name", now.getString("name"),
                  "venue", now.getString("venue"),
                  "startsAt", now.getString("startsAt"),
                  "endsAt", now.getString("endsAt")));
        });
    r.put("DELETE /api/fairs/{fairId}", h -> Call.of(f));
    r.put(
        "POST /api/fairs/{fairId}/categories",
        h ->
            Call.json(
                f + "/categories",
                Map.of("namePl", "Kategoria " + Fixtures.unique(), "code", "K_" + letters())));
    return r;
  }

  /** Eight random capitals: a category code of its own (codes take A-Z and _ only). */
  private static String letters() {
    StringBuilder b = new StringBuilder();
    var random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 8; i++) {
      b.append((char) ('A' + random.nextInt(26)));
    }
    return b.toString();
  }

  private static Hall hall;

  private static synchronized Hall hall() {
    if (hall == null) {
      hall = new Hall();
    }
    return hall;
  }

  @TestHTTPResource("/")
  URI base;

  /**
   * The board socket, per caller: {@code open} the caller is let in and its messages are answered
   * (resume, ping, an unknown type as a typed error); {@code 401} the upgrade is refused; {@code
   * 403} refused as not of this fair — today a FORBIDDEN error and close 1008 after the upgrade, an
   * upgrade answered 403 once "hardening" refuses before it; both count.
   */
  private static final String BOARD = "401 401 403 403 open open open open open open open";

  @Test
  void theBoardSocketLetsInTheFairOnly() throws Exception {
    Hall hall = hall();
    String[] expected = BOARD.split(" ");
    List<String> wrong = new ArrayList<>();
    int sockets = 0;
    for (Who who : Who.values()) {
      List<Map.Entry<String, String>> tokens =
          who == Who.FORGED
              ? new ArrayList<>(hall.forged.entrySet())
              : who == Who.ANONYMOUS
                  ? List.of(Map.entry("none", ""))
                  : List.of(Map.entry(who.name(), hall.token(who)));
      for (var t : tokens) {
        String token = t.getValue().isEmpty() ? null : t.getValue();
        String seen = boardOutcome(hall.fair.id(), token);
        sockets++;
        if (!seen.equals(expected[who.ordinal()])) {
          wrong.add(
              who + " (" + t.getKey() + "): expected " + expected[who.ordinal()] + ", got " + seen);
        }
      }
    }
    assertThat(sockets).isEqualTo(17);
    assertThat(wrong).as("board socket callers that differ from the table").isEmpty();
  }

  private String boardOutcome(long fairId, String token) throws Exception {
    BoardClient board;
    try {
      board = BoardClient.connect(base, fairId, token);
    } catch (java.util.concurrent.CompletionException e) {
      String trace = String.valueOf(e.getCause());
      if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
        return String.valueOf(h.getResponse().statusCode());
      }
      return "failed: " + trace;
    }
    try (board) {
      board.resume(null, 0);
      JsonNode first = board.await(m -> !m.path("type").asText().equals("event"));
      if (first.path("type").asText().equals("error")) {
        String code = first.path("code").asText();
        int close = board.closeCode.get(10, TimeUnit.SECONDS);
        return code.equals("FORBIDDEN") && close == 1008 ? "403" : code + "/" + close;
      }
      board.send("{\"type\":\"ping\"}");
      board.awaitType("pong");
      board.send("{\"type\":\"no-such-type\"}");
      JsonNode error = board.awaitType("error");
      return error.path("code").asText().equals("UNKNOWN_TYPE") ? "open" : error.toString();
    }
  }

  private static RequestSpecification as(String token) {
    return Fixtures.as(token);
  }

  static List<String> operations() throws Exception {
    String json =
        given()
            .accept(ContentType.JSON)
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode paths = new ObjectMapper().readTree(json).get("paths");
    List<String> ops = new ArrayList<>();
    paths
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> ops.add(m.toUpperCase() + " " + p.getKey())));
    return ops;
  }

  private static int call(Hall hall, String method, Call c, String token) {
    RequestSpecification spec = given().header("Idempotency-Key", UUID.randomUUID().toString());
    if (token != null) {
      spec.header("Authorization", "Bearer " + token);
    }
    if (c.body() != null) {
      spec.contentType(c.contentType());
      if (c.body() instanceof byte[] bytes) {
        spec.body(bytes);
      } else {
        spec.body(c.body());
      }
    }
    c.query().forEach(spec::queryParam);
    String path = c.path().replace("{fair}", String.valueOf(hall.fair.id()));
    return spec.request(method, path).statusCode();
  }

  private static boolean matches(String expected, int status) {
    return switch (expected) {
      case "2xx" -> status >= 200 && status < 300;
      case "pass" -> status >= 400 && status < 500 && status != 401 && status != 403;
      case "4xx" -> status >= 400 && status < 500;
      default -> status == Integer.parseInt(expected);
    };
  }

  @Test
  void everyOperationAnswersEveryCallerAsTheTableSays() throws Exception {
    List<String> operations = operations();
    assertThat(operations).hasSizeGreaterThan(50);
    var missing = new TreeSet<>(operations);
    missing.removeAll(TABLE.keySet());
    assertThat(missing).as("operations without a row in the role matrix").isEmpty();
    var stale = new TreeSet<>(TABLE.keySet());
    stale.removeAll(operations);
    assertThat(stale).as("rows for operations that no longer exist").isEmpty();

    Map<String, Function<Hall, Call>> requests = requests();
    assertThat(requests.keySet()).containsExactlyInAnyOrderElementsOf(TABLE.keySet());
    Hall hall = hall();
    List<String> wrong = new ArrayList<>();
    StringBuilder observed = new StringBuilder();
    int calls = 0;
    for (var row : TABLE.entrySet()) {
      String op = row.getKey();
      String method = op.substring(0, op.indexOf(' '));
      String[] expected = row.getValue().split("\\s+");
      StringBuilder line = new StringBuilder(String.format("%-66s", op));
      Call request = null;
      for (Who who : Who.values()) {
        String cell = expected[who.ordinal()];
        List<Map.Entry<String, String>> tokens =
            who == Who.FORGED
                ? new ArrayList<>(hall.forged.entrySet())
                : List.of(Map.entry(who.name(), String.valueOf(hall.token(who))));
        String seen = null;
        for (var t : tokens) {
          String token = "null".equals(t.getValue()) ? null : t.getValue();
          String caller = who + (who == Who.FORGED ? " (" + t.getKey() + ")" : "");
          int status;
          try {
            if (request == null) {
              request = requests.get(op).apply(hall);
            }
            status = call(hall, method, request, token);
          } catch (RuntimeException | AssertionError e) {
            wrong.add(op + " as " + caller + ": " + e);
            seen = "ERR";
            continue;
          }
          calls++;
          // A refused call changed nothing: the next caller may ask about the same thing.
          if (status != 401 && status != 403) {
            request = null;
          }
          seen = seen == null ? String.valueOf(status) : seen;
          if (!matches(cell, status)) {
            wrong.add(op + " as " + caller + ": expected " + cell + ", got " + status);
            seen = status + "!";
          }
        }
        line.append(String.format(" %-5s", seen));
      }
      observed.append(line).append('\n');
    }
    System.out.println("Role matrix, " + calls + " calls (columns: " + COLUMNS + ")\n" + observed);
    assertThat(wrong).as("cells that differ from the table").isEmpty();
  }
}
