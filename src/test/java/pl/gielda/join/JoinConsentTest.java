package pl.gielda.join;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.Fixtures.FairRef;
import pl.gielda.support.Fixtures.PersonRef;
import pl.gielda.support.TestDatabase;

/** Joining an existing entity needs its consent; a self-created entity needs confirmation. */
@QuarkusTest
class JoinConsentTest {

  private static ExtractableResponse<Response> join(FairRef fair, Map<String, Object> extra) {
    Map<String, Object> body = new HashMap<>(extra);
    body.put("joinCode", fair.joinCode());
    body.putIfAbsent("displayName", "Anna Nowak");
    return given()
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .body(body)
        .post("/api/join")
        .then()
        .extract();
  }

  /** A newcomer asking to join the entity: their read-only token and their request's id. */
  private record Waiting(String token, long requestId) {}

  private static Waiting ask(FairRef fair, long entityId) {
    var r = join(fair, Map.of("entityId", entityId));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.<String>path("standing")).isEqualTo("WAITING");
    assertThat(r.<Object>path("personId")).isNull();
    return new Waiting(r.path("token"), ((Number) r.path("requestId")).longValue());
  }

  private static ExtractableResponse<Response> decide(
      FairRef fair, String token, long requestId, String decision) {
    return as(token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .post("/api/fairs/" + fair.id() + "/join-requests/" + requestId + "/" + decision)
        .then()
        .extract();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  @Test
  void aMemberLetsTheNewcomerInAndOnlyThenTheyActForTheEntity() {
    FairRef fair = Fixtures.fair("LIVE");
    PersonRef member = Fixtures.person(fair.id(), null);
    Waiting anna = ask(fair, member.entityId());

    as(anna.token())
        .get("/api/join/mine")
        .then()
        .statusCode(200)
        .body("status", equalTo("PENDING"))
        .body("displayName", equalTo("Anna Nowak"))
        .body("entityId", equalTo((int) member.entityId()));
    // The newcomer sees the fair and its boards...
    as(anna.token()).get("/api/fairs/" + fair.id()).then().statusCode(200);
    as(anna.token()).get("/api/fairs/" + fair.id() + "/posts").then().statusCode(200);
    // ...and cannot post yet.
    as(anna.token())
        .header("Idempotency-Key", key())
        .body(Fixtures.offer("Sala"))
        .post("/api/fairs/" + fair.id() + "/posts")
        .then()
        .statusCode(403);
    as(anna.token()).post("/api/join/mine/token").then().statusCode(409);

    as(member.token())
        .get("/api/fairs/" + fair.id() + "/join-requests")
        .then()
        .statusCode(200)
        .body("displayName", hasItem("Anna Nowak"));
    var approved = decide(fair, member.token(), anna.requestId(), "approve");
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.<String>path("status")).isEqualTo("APPROVED");
    // A second member deciding the same way changes nothing.
    assertThat(decide(fair, member.token(), anna.requestId(), "approve").statusCode())
        .isEqualTo(200);
    // The approval is on the organiser's audit trail, once.
    assertThat(
            as(Fixtures.organiser())
                .get("/api/fairs/" + fair.id() + "/audit?size=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.action", String.class))
        .containsOnlyOnce("join.approved");

    as(anna.token()).get("/api/join/mine").then().body("status", equalTo("APPROVED"));
    String memberToken =
        as(anna.token())
            .post("/api/join/mine/token")
            .then()
            .statusCode(200)
            .body("standing", equalTo("MEMBER"))
            .extract()
            .path("token");
    as(memberToken)
        .get("/api/me")
        .then()
        .body("entity.id", equalTo((int) member.entityId()))
        .body("roles", hasItem("participant"));
    long post = Fixtures.createPost(fair.id(), memberToken, Fixtures.offer("Sala na próby"));
    assertThat(post).isPositive();
    as(member.token())
        .get("/api/fairs/" + fair.id() + "/join-requests")
        .then()
        .body("id", not(hasItem((int) anna.requestId())));
  }

  @Test
  void aRejectedNewcomerStaysOutside() {
    FairRef fair = Fixtures.fair("LIVE");
    PersonRef member = Fixtures.person(fair.id(), null);
    Waiting stranger = ask(fair, member.entityId());

    assertThat(decide(fair, member.token(), stranger.requestId(), "reject").<String>path("status"))
        .isEqualTo("REJECTED");
    as(stranger.token()).get("/api/join/mine").then().body("status", equalTo("REJECTED"));
    as(stranger.token())
        .post("/api/join/mine/token")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:gielda:problem:join-rejected"));
    // Rejected stays rejected: nobody approves it afterwards.
    assertThat(decide(fair, member.token(), stranger.requestId(), "approve").statusCode())
        .isEqualTo(409);
  }

  @Test
  void anExpiredRequestCanNoLongerBeApproved() throws Exception {
    FairRef fair = Fixtures.fair("LIVE");
    PersonRef desk = Fixtures.person(fair.id(), null, "animator");
    long entity = Fixtures.entity(fair.id(), "Stowarzyszenie", "NGO");
    Waiting late = ask(fair, entity);
    as(desk.token())
        .get("/api/fairs/" + fair.id() + "/join-requests")
        .then()
        .body("id", hasItem((int) late.requestId()));
    // Thirty real minutes are not a cheap wait: the request's deadline is moved into the past.
    try (var db = TestDatabase.connect();
        var st =
            db.prepareStatement(
                "update join_request set expires_at = now() - interval '1 second' where id = ?")) {
      st.setLong(1, late.requestId());
      assertThat(st.executeUpdate()).isEqualTo(1);
    }

    as(late.token()).get("/api/join/mine").then().body("status", equalTo("EXPIRED"));
    var answer = decide(fair, desk.token(), late.requestId(), "approve");
    assertThat(answer.statusCode()).isEqualTo(409);
    assertThat(answer.<String>path("type")).isEqualTo("urn:gielda:problem:join-expired");
    as(desk.token())
        .get("/api/fairs/" + fair.id() + "/join-requests")
        .then()
        .body("id", not(hasItem((int) late.requestId())));
  }

  @Test
  void aWaitingNewcomerCannotActForTheEntityInAnyWay() {
    FairRef fair = Fixtures.fair("LIVE");
    PersonRef member = Fixtures.person(fair.id(), null);
    PersonRef partner = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Firma", "BUSINESS"));
    long post = Fixtures.createPost(fair.id(), member.token(), Fixtures.offer("Rzutnik"));
    long contract = Contracts.proposed(fair.id(), partner.token(), Contracts.swap(partner, member));
    Waiting other = ask(fair, Fixtures.entity(fair.id(), "Inny", "NGO"));
    String t = ask(fair, member.entityId()).token();
    String f = "/api/fairs/" + fair.id();

    Map<String, Integer> answers = new HashMap<>();
    answers.put(
        "post",
        as(t)
            .header("Idempotency-Key", key())
            .body(Fixtures.offer("Sala"))
            .post(f + "/posts")
            .statusCode());
    answers.put(
        "withdraw",
        as(t)
            .header("Idempotency-Key", key())
            .post(f + "/posts/" + post + "/withdraw")
            .statusCode());
    answers.put(
        "propose",
        as(t)
            .header("Idempotency-Key", key())
            .body(Contracts.swap(member, partner))
            .post(f + "/contracts")
            .statusCode());
    answers.put(
        "sign",
        as(t)
            .header("Idempotency-Key", key())
            .body(Map.of("version", Contracts.version(fair.id(), contract, partner.token())))
            .post(f + "/contracts/" + contract + "/sign")
            .statusCode());
    answers.put(
        "help",
        as(t)
            .header("Idempotency-Key", key())
            .body(Map.of("note", "pomocy"))
            .post(f + "/help-requests")
            .statusCode());
    answers.put("approve", decide(fair, t, other.requestId(), "approve").statusCode());
    answers.put("contracts", as(t).get(f + "/contracts/" + contract).statusCode());
    answers.put("matches", as(t).get(f + "/matches/mine").statusCode());
    assertThat(answers).allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(403));
    as(member.token())
        .get(f + "/contracts/" + contract)
        .then()
        .body("parties.find { it.entityId == " + member.entityId() + " }.signed", equalTo(false));
  }

  @Test
  void nobodyJoinsAResidentsEntity() {
    FairRef fair = Fixtures.fair("LIVE");
    String resident = join(fair, Map.of("displayName", "Jan Kowalski")).path("token").toString();
    int residentEntity = as(resident).get("/api/me").then().extract().path("entity.id");

    var stranger = join(fair, Map.of("displayName", "Obcy", "entityId", residentEntity));
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(stranger.contentType()).startsWith("application/problem+json");
    assertThat(stranger.<List<String>>path("errors.field")).contains("entityId");
  }

  @Test
  void anExistingNameIsNotJoinedSilently() {
    FairRef fair = Fixtures.fair("LIVE");
    String name = "Fundacja Istniejąca " + Fixtures.unique();
    as(Fixtures.organiser())
        .body(Map.of("name", name, "sector", "NGO"))
        .header("Idempotency-Key", key())
        .post("/api/fairs/" + fair.id() + "/entities")
        .then()
        .statusCode(201);

    var again =
        join(fair, Map.of("newEntity", Map.of("name", name.toUpperCase(), "sector", "NGO")));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.<String>path("type")).isEqualTo("urn:gielda:problem:entity-exists");
  }

  @Test
  void eightNewcomersFoundingOneOrganisationAtOnceCreateItOnce() throws Exception {
    FairRef fair = Fixtures.fair("LIVE");
    String name = "Koło Gospodyń " + Fixtures.unique();
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String person = "Osoba " + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return join(
                      fair,
                      Map.of(
                          "displayName",
                          person,
                          "newEntity",
                          Map.of("name", name, "sector", "INFORMAL_GROUP")));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var a : answers) {
        var r = a.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 409) {
          assertThat(r.<String>path("type")).isEqualTo("urn:gielda:problem:entity-exists");
        }
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    List<String> names =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/entities")
            .then()
            .extract()
            .path("name");
    assertThat(names.stream().filter(name::equals)).hasSize(1);
  }

  @Test
  void anUnconfirmedEntitysContractIsRegisteredOnlyAfterConfirmation() {
    FairRef fair = Fixtures.fair("LIVE");
    var founded =
        join(
            fair,
            Map.of(
                "newEntity", Map.of("name", "Nowa Grupa " + Fixtures.unique(), "sector", "NGO")));
    assertThat(founded.<String>path("standing")).isEqualTo("MEMBER");
    String token = founded.path("token");
    int entity = as(token).get("/api/me").then().extract().path("entity.id");
    PersonRef founder =
        new PersonRef(
            ((Number) founded.path("personId")).longValue(),
            entity,
            founded.path("badgeToken"),
            null,
            token);
    PersonRef partner = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Urząd", "PUBLIC"));
    PersonRef notary = Fixtures.person(fair.id(), null, "notary");
    PersonRef desk = Fixtures.person(fair.id(), null, "animator");
    long contract =
        Contracts.signedBy(fair.id(), Contracts.swap(founder, partner), founder, partner);

    Contracts.register(fair.id(), contract, notary.token())
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:gielda:problem:entity-unconfirmed"));
    as(notary.token())
        .get("/api/fairs/" + fair.id() + "/contracts/queue")
        .then()
        .statusCode(200)
        .body("find { it.id == " + contract + " }.warnings.code", hasItem("entity-unconfirmed"));

    as(desk.token())
        .header("Idempotency-Key", key())
        .post("/api/fairs/" + fair.id() + "/entities/" + entity + "/confirm")
        .then()
        .statusCode(200)
        .body("confirmed", equalTo(true));
    Contracts.register(fair.id(), contract, notary.token()).statusCode(200);
  }

  @Test
  void onlyMembersTheHelpDeskAndTheOrganiserDecide() {
    FairRef fair = Fixtures.fair("LIVE");
    PersonRef member = Fixtures.person(fair.id(), null);
    PersonRef outsider = Fixtures.person(fair.id(), null);
    PersonRef notary = Fixtures.person(fair.id(), null, "notary");
    Waiting w = ask(fair, member.entityId());
    String otherOrganiser = Fixtures.anotherOrganiser();
    String screen = Fixtures.screen(fair.id());

    assertThat(decide(fair, outsider.token(), w.requestId(), "approve").statusCode())
        .isEqualTo(403);
    assertThat(decide(fair, notary.token(), w.requestId(), "approve").statusCode()).isEqualTo(403);
    assertThat(decide(fair, otherOrganiser, w.requestId(), "approve").statusCode()).isEqualTo(403);
    assertThat(decide(fair, screen, w.requestId(), "reject").statusCode()).isEqualTo(403);
    // An outsider's list shows only their own entity's requests.
    as(outsider.token())
        .get("/api/fairs/" + fair.id() + "/join-requests")
        .then()
        .statusCode(200)
        .body("id", not(hasItem((int) w.requestId())));
    as(notary.token()).get("/api/fairs/" + fair.id() + "/join-requests").then().statusCode(403);
    as(w.token()).get("/api/fairs/" + fair.id() + "/join-requests").then().statusCode(403);

    String confirm = "/api/fairs/" + fair.id() + "/entities/" + member.entityId() + "/confirm";
    for (String who : List.of(member.token(), notary.token(), otherOrganiser, screen, w.token())) {
      as(who).header("Idempotency-Key", key()).post(confirm).then().statusCode(403);
    }
    assertThat(decide(fair, Fixtures.organiser(), w.requestId(), "approve").statusCode())
        .isEqualTo(200);
  }
}
