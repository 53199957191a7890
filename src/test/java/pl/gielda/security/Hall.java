package pl.gielda.security;

import static io.restassured.RestAssured.given;
import static pl.gielda.support.Fixtures.as;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.Fixtures.PersonRef;
import pl.gielda.support.TestTokens;

/**
 * A live fair as a hostile hall sees it: the people who call (each caller of the role matrix), the
 * things they act on, and fresh things for operations that change them. Built through the public
 * API only.
 */
final class Hall {

  /** The callers of the role matrix, in the order they call (the allowed ones come last). */
  enum Who {
    ANONYMOUS,
    FORGED,
    OTHER_FAIR_PARTICIPANT,
    OTHER_FAIR_ORGANISER,
    SCREEN,
    OTHER_ENTITY,
    NEWCOMER,
    HELP_DESK,
    NOTARY,
    PARTICIPANT,
    ORGANISER
  }

  final Fixtures.FairRef fair;
  final PersonRef participant;
  final PersonRef otherEntity;
  final PersonRef partner;
  final PersonRef helpDesk;
  final PersonRef notary;
  final PersonRef newcomer;
  final PersonRef otherFairParticipant;
  final String otherFairOrganiser;
  final String organiser;
  final String screenToken;
  final String screen;

  /** A participant whose badge, roles and check-in the privileged operations act on. */
  final PersonRef target;

  final long post;
  final long registered;

  /** Seven tokens, each forged or broken in one way; every one must count as no token at all. */
  final Map<String, String> forged = new LinkedHashMap<>();

  Hall() {
    organiser = Fixtures.organiser();
    fair = Fixtures.fair("LIVE");
    participant = Fixtures.person(fair.id(), null);
    otherEntity = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Inny podmiot", "NGO"));
    partner = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Partner", "BUSINESS"));
    helpDesk = Fixtures.person(fair.id(), null, "animator");
    notary = Fixtures.person(fair.id(), null, "notary");
    target = Fixtures.person(fair.id(), null);
    newcomer = newcomer(fair, participant.entityId());
    otherFairParticipant = Fixtures.person(Fixtures.fair("LIVE").id(), null);
    otherFairOrganiser = Fixtures.anotherOrganiser();
    as(otherFairOrganiser)
        .body(fairInput("Giełda innego organizatora " + Fixtures.unique()))
        .post("/api/fairs")
        .then()
        .statusCode(201);
    screenToken =
        as(organiser)
            .post("/api/fairs/" + fair.id() + "/screens")
            .then()
            .statusCode(201)
            .extract()
            .path("screenToken");
    screen =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("screenToken", screenToken))
            .post("/api/auth/screen")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    post = freshPost();
    registered = signedContract();
    Contracts.register(fair.id(), registered, notary.token()).statusCode(200);
    forgeTokens();
  }

  /**
   * The newcomer awaiting approval: joining an existing entity with the public join code gives a
   * read-only newcomer token until a member, the help desk or the organiser says yes (issue 21, A).
   * There is no person yet: the id is -1 and the sign-in secret null.
   */
  static PersonRef newcomer(Fixtures.FairRef fair, long entityId) {
    var joined =
        given()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .body(
                Map.of(
                    "joinCode",
                    fair.joinCode(),
                    "displayName",
                    "Nowa osoba " + Fixtures.unique(),
                    "entityId",
                    entityId))
            .post("/api/join")
            .then()
            .statusCode(
                org.hamcrest.Matchers.allOf(
                    org.hamcrest.Matchers.greaterThanOrEqualTo(200),
                    org.hamcrest.Matchers.lessThan(300)))
            .extract();
    // A waiting newcomer may have no person yet: -1 stands for "none".
    Number personId = joined.path("personId");
    return new PersonRef(
        personId == null ? -1 : personId.longValue(),
        entityId,
        joined.path("badgeToken"),
        null,
        joined.path("token"));
  }

  String token(Who who) {
    return switch (who) {
      case ANONYMOUS, FORGED -> null;
      case OTHER_FAIR_PARTICIPANT -> otherFairParticipant.token();
      case OTHER_FAIR_ORGANISER -> otherFairOrganiser;
      case SCREEN -> screen;
      case OTHER_ENTITY -> otherEntity.token();
      case NEWCOMER -> newcomer.token();
      case HELP_DESK -> helpDesk.token();
      case NOTARY -> notary.token();
      case PARTICIPANT -> participant.token();
      case ORGANISER -> organiser;
    };
  }

  static Map<String, Object> fairInput(String name) {
    Instant start = Instant.now().plusSeconds(86_400);
    return Map.of(
        "name",
        name,
        "venue",
        "Tczew",
        "startsAt",
        start.toString(),
        "endsAt",
        start.plusSeconds(7200).toString());
  }

  /** Another organiser account, only to be acted on (a reset link for it). */
  long freshOrganiser() {
    return ((Number)
            as(organiser)
                .body(
                    Map.of(
                        "email", "reset" + Fixtures.unique() + "@test.gielda",
                        "displayName", "Organizator do resetu",
                        "password", "Zx9-" + UUID.randomUUID()))
                .post("/api/organisers")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }

  /** A fresh request to join the participant's entity, still waiting. */
  long joinRequest() {
    return ((Number) join(Map.of("entityId", participant.entityId())).path("requestId"))
        .longValue();
  }

  /** A fresh entity founded by self-join: unconfirmed until the help desk vouches for it. */
  long unconfirmedEntity() {
    String token =
        join(Map.of(
                "newEntity", Map.of("name", "Nowa fundacja " + Fixtures.unique(), "sector", "NGO")))
            .path("token");
    return ((Number) as(token).get("/api/me").then().statusCode(200).extract().path("entity.id"))
        .longValue();
  }

  private io.restassured.response.ExtractableResponse<io.restassured.response.Response> join(
      Map<String, Object> what) {
    Map<String, Object> body = new HashMap<>(what);
    body.put("joinCode", fair.joinCode());
    body.put("displayName", "Nowa osoba " + Fixtures.unique());
    return given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body)
        .post("/api/join")
        .then()
        .statusCode(
            org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200))
                .or(org.hamcrest.Matchers.is(201)))
        .extract();
  }

  long freshPost() {
    return Fixtures.createPost(fair.id(), participant.token(), Fixtures.offer("Sala szkoleniowa"));
  }

  long hiddenPost() {
    long id = freshPost();
    as(notary.token())
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(Map.of("reason", "Ogłoszenie do sprawdzenia"))
        .post("/api/fairs/" + fair.id() + "/posts/" + id + "/hide")
        .then()
        .statusCode(200);
    return id;
  }

  /** A proposal from the participant's entity to the partner's (the other entity is no party). */
  long draftContract() {
    return Contracts.proposed(fair.id(), participant.token(), proposal());
  }

  long signedContract() {
    long id = draftContract();
    Contracts.sign(fair.id(), id, participant.token()).statusCode(200);
    Contracts.sign(fair.id(), id, partner.token()).statusCode(200);
    return id;
  }

  /** A proposal valid for any proposer: parties by position, so each caller proposes for itself. */
  Map<String, Object> proposal() {
    Map<String, Object> item = new HashMap<>();
    item.put("fromParty", 0);
    item.put("toParty", 1);
    item.put("category", "ROOMS");
    item.put("description", "sala na warsztaty");
    Map<String, Object> body = new HashMap<>();
    body.put("partners", List.of(Map.of("personId", partner.id())));
    body.put("items", List.of(item));
    return body;
  }

  long helpRequest() {
    return ((Number)
            as(participant.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("note", "Potrzebuję pomocy z umową"))
                .post("/api/fairs/" + fair.id() + "/help-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }

  int contractVersion(long id) {
    return Contracts.version(fair.id(), id, participant.token());
  }

  int postVersion(long id) {
    return as(organiser)
        .get("/api/fairs/" + fair.id() + "/posts")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getInt("find { it.id == " + id + " }.version");
  }

  private void forgeTokens() {
    String valid = participant.token();
    String[] parts = valid.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    forged.put("alg=none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    forged.put("tampered claims", TestTokens.tampered(valid));
    forged.put("HS256 with the public key as secret", hs256WithPublicKey(payload));
    forged.put("garbage", "not-a-token." + UUID.randomUUID());
    forged.put("expired", TestTokens.expiredPerson(participant.id(), fair.id()));
    forged.put("wrong issuer", TestTokens.wrongIssuerPerson(participant.id(), fair.id()));
    forged.put("no exp", rs256(payload.replaceAll(",?\"exp\":\\d+", "")));
  }

  private static String hs256WithPublicKey(String payload) {
    try {
      String signingInput = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(resource("test-keys/jwt-public.pem"), "HmacSHA256"));
      return signingInput
          + "."
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed properly with the test key, so only the payload is wrong. */
  private static String rs256(String payload) {
    try {
      String pem =
          new String(resource("test-keys/jwt-private.pem"), StandardCharsets.US_ASCII)
              .replaceAll("-----[A-Z ]+-----", "")
              .replaceAll("\\s", "");
      var key =
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
      String signingInput = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput
          + "."
          + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] resource(String name) throws java.io.IOException {
    try (var in = Hall.class.getClassLoader().getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
