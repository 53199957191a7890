package pl.gielda.fair;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class FairPhaseTest {

  @Test
  void newFairStartsAsDraftInWarsawTimeWithTheSourceDocumentsCategories() {
    var fair = Fixtures.fair("DRAFT");
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id())
        .then()
        .statusCode(200)
        .body("phase", equalTo("DRAFT"))
        .body("timeZone", equalTo("Europe/Warsaw"))
        .body("categories", hasSize(13))
        .body(
            "categories.code",
            hasItems("ROOMS", "VOLUNTEERS", "CATERING", "PROMOTION", "IT_SERVICES", "OTHER"))
        .body("categories.find { it.code == 'ROOMS' }.namePl", equalTo("Sale i lokale"));
  }

  @Test
  void fairMovesForwardOneStepAtATime() {
    var fair = Fixtures.fair("DRAFT");
    String path = "/api/fairs/" + fair.id() + "/phase";
    as(Fixtures.organiser())
        .body(Map.of("phase", "LIVE"))
        .post(path)
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:phase-order"));
    as(Fixtures.organiser())
        .body(Map.of("phase", "REGISTRATION"))
        .post(path)
        .then()
        .statusCode(200)
        .body("phase", equalTo("REGISTRATION"));
    as(Fixtures.organiser()).body(Map.of("phase", "DRAFT")).post(path).then().statusCode(409);
  }

  @Test
  void endBeforeStartIsAFieldError() {
    as(Fixtures.organiser())
        .body(
            Map.of(
                "name",
                "Zła",
                "venue",
                "Tczew",
                "startsAt",
                "2026-12-01T12:00:00Z",
                "endsAt",
                "2026-12-01T10:00:00Z"))
        .post("/api/fairs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("endsAt"));
  }

  @Test
  void missingFieldsAreListed() {
    as(Fixtures.organiser())
        .body(Map.of("venue", "x".repeat(301)))
        .post("/api/fairs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("name", "venue", "startsAt", "endsAt"));
  }

  @Test
  void participantCannotChangeThePhase() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .body(Map.of("phase", "LIVE"))
        .post("/api/fairs/" + fair.id() + "/phase")
        .then()
        .statusCode(403);
  }

  @Test
  void organiserCannotTouchAnotherOrganisersFair() {
    var fair = Fixtures.fair("DRAFT");
    String other = Fixtures.anotherOrganiser();
    as(other).get("/api/fairs/" + fair.id()).then().statusCode(403);
    as(other)
        .body(Map.of("phase", "REGISTRATION"))
        .post("/api/fairs/" + fair.id() + "/phase")
        .then()
        .statusCode(403);
    as(other).get("/api/fairs").then().statusCode(200).body("$", hasSize(0));
  }

  @Test
  void participantCannotCreateAFair() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .body(
            Map.of(
                "name",
                "Moja",
                "venue",
                "Tczew",
                "startsAt",
                "2026-12-01T10:00:00Z",
                "endsAt",
                "2026-12-01T12:00:00Z"))
        .post("/api/fairs")
        .then()
        .statusCode(403);
  }

  @Test
  void joinCodeShowsThePublicFairCard() {
    var fair = Fixtures.fair("REGISTRATION");
    io.restassured.RestAssured.given()
        .get("/api/public/fairs/" + fair.joinCode())
        .then()
        .statusCode(200)
        .body("fairId", equalTo((int) fair.id()))
        .body("phase", equalTo("REGISTRATION"));
    io.restassured.RestAssured.given().get("/api/public/fairs/NOPE99").then().statusCode(404);
  }

  @Test
  void unknownJsonIsAProblemNotACrash() {
    as(Fixtures.organiser())
        .body("{\"name\": [1,2], ")
        .post("/api/fairs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void oversizedBodyIsRefused() {
    as(Fixtures.organiser())
        // The server refuses on the announced length, before the body: with "100-continue" the
        // client waits for that answer instead of racing to write 3 MB into a closed socket.
        .header("Expect", "100-continue")
        .body("{\"name\":\"" + "a".repeat(3_000_000) + "\"}")
        .post("/api/fairs")
        .then()
        .statusCode(413);
  }
}
