package pl.gielda.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class ParticipantTest {

  @Test
  void residentJoinsWithTheCodeAndANewEntity() {
    var fair = Fixtures.fair("REGISTRATION");
    var joined =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "joinCode",
                    fair.joinCode().toLowerCase(),
                    "displayName",
                    "Ala Nowak",
                    "newEntity",
                    Map.of("name", "Mamy z Gniewu", "sector", "INFORMAL_GROUP", "town", "Gniew")))
            .post("/api/join")
            .then()
            .statusCode(201)
            .body("badgeToken", notNullValue())
            .extract();
    as(joined.path("token"))
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("entity.name", equalTo("Mamy z Gniewu"))
        .body("entity.sector", equalTo("INFORMAL_GROUP"));
  }

  @Test
  void newcomerSeesEntitiesToJoinButNotResidents() {
    var fair = Fixtures.fair("REGISTRATION");
    long ngo = Fixtures.entity(fair.id(), "Stowarzyszenie", "NGO");
    Fixtures.entity(fair.id(), "Pan Prywatny", "INDIVIDUAL");
    given()
        .get("/api/public/fairs/" + fair.joinCode() + "/entities")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.contains((int) ngo))
        .body("[0].sector", equalTo("NGO"));
  }

  @Test
  void joiningADraftFairIsRefused() {
    var fair = Fixtures.fair("DRAFT");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("joinCode", fair.joinCode(), "displayName", "Ala"))
        .post("/api/join")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:fair-not-open"));
  }

  @Test
  void joiningWithoutAnEntityMakesTheResidentAnIndividual() {
    var fair = Fixtures.fair("LIVE");
    String token =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("joinCode", fair.joinCode(), "displayName", "Jan Kowalski"))
            .post("/api/join")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    as(token).get("/api/me").then().body("entity.sector", equalTo("INDIVIDUAL"));
  }

  @Test
  void joiningTwiceWithTheSameKeyCreatesOnePerson() {
    var fair = Fixtures.fair("REGISTRATION");
    Map<String, Object> body = Map.of("joinCode", fair.joinCode(), "displayName", "Ewa Retry");
    Object first =
        given()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "join-" + fair.id())
            .body(body)
            .post("/api/join")
            .then()
            .statusCode(201)
            .extract()
            .path("personId");
    Object second =
        given()
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", "join-" + fair.id())
            .body(body)
            .post("/api/join")
            .then()
            .statusCode(201)
            .extract()
            .path("personId");
    org.assertj.core.api.Assertions.assertThat(second).isEqualTo(first);
    List<String> names =
        as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/people")
            .then()
            .extract()
            .path("displayName");
    org.assertj.core.api.Assertions.assertThat(names).filteredOn("Ewa Retry"::equals).hasSize(1);
  }

  @Test
  void helpDeskChecksAPersonIn() {
    var fair = Fixtures.fair("LIVE");
    var animator = Fixtures.person(fair.id(), null, "animator");
    long entity = Fixtures.entity(fair.id(), "Koło", "NGO");
    long personId =
        ((Number)
                as(animator.token())
                    .body(Map.of("displayName", "Bez telefonu", "entityId", entity))
                    .post("/api/fairs/" + fair.id() + "/people")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"))
            .longValue();
    as(animator.token())
        .post("/api/fairs/" + fair.id() + "/people/" + personId + "/check-in")
        .then()
        .statusCode(200)
        .body("checkedInAt", notNullValue());
  }

  @Test
  void helpDeskScansABadgeToCheckSomeoneIn() {
    var fair = Fixtures.fair("REGISTRATION");
    var animator = Fixtures.person(fair.id(), null, "animator");
    var guest =
        as(Fixtures.organiser())
            .body(
                Map.of(
                    "displayName", "Gość", "entityId", Fixtures.entity(fair.id(), "Klub", "NGO")))
            .post("/api/fairs/" + fair.id() + "/people")
            .then()
            .statusCode(201)
            .extract();
    as(animator.token())
        .body(Map.of("partnerCode", guest.path("partnerCode")))
        .post("/api/fairs/" + fair.id() + "/check-in")
        .then()
        .statusCode(200)
        .body("checkedInAt", notNullValue())
        .body("signInSecret", nullValue());
    as(animator.token())
        .body(Map.of("partnerCode", "nope"))
        .post("/api/fairs/" + fair.id() + "/check-in")
        .then()
        .statusCode(400);
  }

  @Test
  void helpDeskDoesNotSeeBadgeTokens() {
    var fair = Fixtures.fair("LIVE");
    var animator = Fixtures.person(fair.id(), null, "animator");
    as(animator.token())
        .get("/api/fairs/" + fair.id() + "/people")
        .then()
        .statusCode(200)
        .body("signInSecret", org.hamcrest.Matchers.everyItem(nullValue()));
  }

  @Test
  void animatorCannotMakeSomeoneANotary() {
    var fair = Fixtures.fair("LIVE");
    var animator = Fixtures.person(fair.id(), null, "animator");
    as(animator.token())
        .body(Map.of("displayName", "Ktoś", "roles", List.of("notary")))
        .post("/api/fairs/" + fair.id() + "/people")
        .then()
        .statusCode(403);
  }

  @Test
  void participantCannotListPeopleOrSeeBadges() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(person.token()).get("/api/fairs/" + fair.id() + "/people").then().statusCode(403);
  }

  @Test
  void notarySeesPeopleButNotTheirBadges() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    as(notary.token())
        .get("/api/fairs/" + fair.id() + "/people")
        .then()
        .statusCode(200)
        .body("[0].signInSecret", nullValue());
  }

  @Test
  void organiserAssignsRolesAndTheOldTokenStopsWorking() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(Fixtures.organiser())
        .body(Map.of("roles", List.of("participant", "notary")))
        .put("/api/fairs/" + fair.id() + "/people/" + person.id() + "/roles")
        .then()
        .statusCode(200)
        .body("roles", hasItem("notary"));
    as(person.token()).get("/api/fairs/" + fair.id()).then().statusCode(401);
  }

  @Test
  void screenLinkIsReadOnly() {
    var fair = Fixtures.fair("LIVE");
    String screen = Fixtures.screen(fair.id());
    as(screen).get("/api/fairs/" + fair.id() + "/posts").then().statusCode(200);
    as(screen)
        .body(Fixtures.offer("Sala"))
        .post("/api/fairs/" + fair.id() + "/posts")
        .then()
        .statusCode(403);
    as(screen).get("/api/fairs/" + fair.id() + "/entities").then().statusCode(403);
  }

  @Test
  void participantCannotCreateScreenLinks() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(person.token()).post("/api/fairs/" + fair.id() + "/screens").then().statusCode(403);
  }
}
