package pl.gielda.common.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A printed link opened by curl, a link checker or a scanner app gets the page, as browsers do. */
@QuarkusTest
class SpaRoutesTest {

  private static final List<String> PAGES =
      List.of("/b/some-badge", "/join/ABC123", "/screen/some-screen", "/organiser", "/setup");

  @Test
  void anyAcceptGetsThePage() {
    for (String path : PAGES) {
      given()
          .header("Accept", "*/*")
          .get(path)
          .then()
          .statusCode(200)
          .contentType(startsWith("text/html"))
          .body(containsString("<div id=\"app\""));
    }
  }

  @Test
  void onlyACallerAskingForJsonGetsAProblem() {
    given()
        .header("Accept", "application/json")
        .get("/b/some-badge")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void whoWantsThePage() {
    assertThat(SpaRoutes.wantsPage(null)).isTrue();
    assertThat(SpaRoutes.wantsPage("*/*")).isTrue();
    assertThat(SpaRoutes.wantsPage("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
    assertThat(SpaRoutes.wantsPage("application/json")).isFalse();
    assertThat(SpaRoutes.wantsPage("application/problem+json, application/json")).isFalse();
  }
}
