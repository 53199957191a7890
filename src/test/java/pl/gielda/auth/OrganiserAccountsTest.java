package pl.gielda.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/** The organisers' team from the console, password rules, and "forgot password" without e-mail. */
@QuarkusTest
class OrganiserAccountsTest {

  private static final String STRONG = "rower-kawa-Pelplin-7";

  private static Map<String, Object> organiser(String email, String password) {
    return Map.of("email", email, "displayName", "Zofia Wrona", "password", password);
  }

  @Test
  void setupIsNoLongerNeededOnceAnOrganiserExists() {
    given().get("/api/auth/setup").then().statusCode(200).body("needed", equalTo(false));
  }

  @Test
  void aWeakPasswordIsRefusedWithTheReasonOnThePasswordField() {
    for (String weak : List.of("aaaaaaaaaaaa", "password1234", "qwertyuiop12")) {
      as(Fixtures.organiser())
          .body(organiser("weak" + Fixtures.unique() + "@test.gielda", weak))
          .post("/api/organisers")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("password"));
    }
  }

  @Test
  void anOrganiserAddsASecondOrganiserWhoSignsInAndIsListed() {
    String email = "zofia" + Fixtures.unique() + "@test.gielda";
    as(Fixtures.organiser())
        .body(organiser(email, STRONG))
        .post("/api/organisers")
        .then()
        .statusCode(201);
    String token = Fixtures.login(email, STRONG);
    as(token).get("/api/organisers").then().statusCode(200).body("email", hasItem(email));
  }

  @Test
  void onlyOrganisersSeeTheTeamOrIssueResetLinks() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token()).get("/api/organisers").then().statusCode(403);
    as(person.token()).post("/api/organisers/1/password-reset").then().statusCode(403);
    given().get("/api/organisers").then().statusCode(401);
    given().post("/api/organisers/1/password-reset").then().statusCode(401);
  }

  @Test
  void aResetLinkFromAFellowOrganiserSetsANewPasswordOnce() {
    String email = "forgot" + Fixtures.unique() + "@test.gielda";
    long id =
        as(Fixtures.organiser())
            .body(organiser(email, STRONG))
            .post("/api/organisers")
            .then()
            .statusCode(201)
            .extract()
            .<Number>path("id")
            .longValue();
    String url =
        as(Fixtures.organiser())
            .post("/api/organisers/" + id + "/password-reset")
            .then()
            .statusCode(201)
            .body("url", startsWith("http"))
            .extract()
            .path("url");
    String resetToken = url.substring(url.indexOf("token=") + "token=".length());

    reset(resetToken, "aaaaaaaaaaaaaaaa")
        .statusCode(400)
        .body("errors[0].field", equalTo("password"));
    String fresh = "tczewskie targi 2026 wiosna";
    reset(resetToken, fresh).statusCode(200);

    assertThat(Fixtures.login(email, fresh)).isNotBlank();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("email", email, "password", STRONG))
        .post("/api/auth/login")
        .then()
        .statusCode(401);
    reset(resetToken, "another fresh passphrase 9").statusCode(401);
  }

  @Test
  void forgotPasswordOnTheLoginPageAnswersTheSameForAnyEmail() {
    for (String email : List.of(Fixtures.ORGANISER_EMAIL, "nobody@test.gielda")) {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("email", email))
          .post("/api/auth/password-reset/request")
          .then()
          .statusCode(202);
    }
  }

  @Test
  void anUnknownResetTokenIsRefused() {
    reset("not-a-token", STRONG).statusCode(401).contentType("application/problem+json");
  }

  private static io.restassured.response.ValidatableResponse reset(String token, String password) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("token", token, "password", password))
        .post("/api/auth/password-reset")
        .then();
  }
}
