package pl.gielda.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;
import pl.gielda.support.TestTokens;

@QuarkusTest
class AuthenticationTest {

  @Test
  void organiserSignsInWithPassword() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", Fixtures.ORGANISER_EMAIL, "password", Fixtures.ORGANISER_PASSWORD))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .body("token", notNullValue());
  }

  @Test
  void wrongPasswordIsRefusedWithAProblem() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", Fixtures.ORGANISER_EMAIL, "password", "not-the-password"))
        .post("/api/auth/login")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("title", equalTo("Unauthorized"));
  }

  @Test
  void setupTokenCannotCreateASecondFirstOrganiser() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "setupToken",
                "guessed",
                "email",
                "x@test.gielda",
                "displayName",
                "X",
                "password",
                "long-enough-password"))
        .post("/api/auth/setup")
        .then()
        .statusCode(401);
  }

  @Test
  void badgeLinkSignsThePersonInAndMeShowsTheirEntity() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("kind", equalTo("PERSON"))
        .body("fairId", equalTo((int) fair.id()))
        .body("roles", hasItem("participant"))
        .body("entity.sector", equalTo("NGO"));
  }

  @Test
  void openingABadgeAtALiveFairChecksThePersonIn() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(Fixtures.organiser())
        .get("/api/fairs/" + fair.id() + "/people")
        .then()
        .statusCode(200)
        .body("find { it.id == " + person.id() + " }.checkedInAt", notNullValue());
  }

  @Test
  void missingTokenIs401() {
    given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
  }

  @Test
  void expiredTokenIs401() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(TestTokens.expiredPerson(person.id(), fair.id()))
        .get("/api/fairs/" + fair.id())
        .then()
        .statusCode(401);
  }

  @Test
  void tamperedTokenIs401() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(TestTokens.tampered(person.token())).get("/api/fairs/" + fair.id()).then().statusCode(401);
  }

  @Test
  void tokenFromAnotherIssuerIs401() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(TestTokens.wrongIssuerPerson(person.id(), fair.id()))
        .get("/api/fairs/" + fair.id())
        .then()
        .statusCode(401);
  }

  @Test
  void tokenOfAnotherFairIs403() {
    var mine = Fixtures.fair("REGISTRATION");
    var other = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(mine.id(), null);
    as(person.token())
        .get("/api/fairs/" + other.id())
        .then()
        .statusCode(403)
        .body("detail", containsString("another fair"));
  }

  @Test
  void revokedBadgeAndItsTokensAreRefused() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    String newBadge =
        as(Fixtures.organiser())
            .post("/api/fairs/" + fair.id() + "/people/" + person.id() + "/badge")
            .then()
            .statusCode(200)
            .extract()
            .path("signInSecret");

    Fixtures.badgeLogin(person.signInSecret(), Fixtures.PHONE).then().statusCode(401);
    as(person.token())
        .get("/api/fairs/" + fair.id())
        .then()
        .statusCode(401)
        .body("detail", containsString("revoked"));
    as(Fixtures.badgeLogin(newBadge)).get("/api/fairs/" + fair.id()).then().statusCode(200);
  }

  @Test
  void onlyOrganisersAddOrganisers() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .body(
            Map.of(
                "email", "y@test.gielda", "displayName", "Y", "password", "long-enough-password"))
        .post("/api/organisers")
        .then()
        .statusCode(403);
  }
}
