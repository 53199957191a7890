package pl.gielda.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

  @Test
  void healthReportsTheDatabaseUp() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void prometheusMetricsIncludeBoardConnections() {
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("gielda_board_connections"));
  }

  @Test
  void openApiDescribesTheApi() {
    given()
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(containsString("/api/fairs/{fairId}/posts"));
  }

  @Test
  void openApiSaysThatCreatingAnswers201() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/fairs/{fairId}/posts'.post.responses", org.hamcrest.Matchers.hasKey("201"))
        .body(
            "paths.'/api/fairs/{fairId}/contracts'.post.responses",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("200")));
  }

  @Test
  void pagesForbidForeignScriptsAndNeverLeakBadgeLinksAsReferrer() {
    given()
        .get("/api/public/fairs/NOPE00")
        .then()
        .header("Content-Security-Policy", containsString("default-src 'self'"))
        .header("Referrer-Policy", equalTo("no-referrer"));
  }

  @Test
  void unknownApiPathIsAProblemNotAnHtmlPage() {
    given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
  }
}
