package pl.gielda.common.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FairManifestTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aFairsManifestStartsAtThatFairAndIsTheGenericOneOtherwise() throws Exception {
    String body =
        given()
            .get("/f/7/manifest.webmanifest")
            .then()
            .statusCode(200)
            .contentType("application/manifest+json")
            .header("Content-Security-Policy", containsString("default-src 'self'"))
            .extract()
            .asString();
    ObjectNode fair = (ObjectNode) json.readTree(body);
    assertThat(fair.get("start_url").asText()).isEqualTo("/f/7");
    assertThat(fair.get("id").asText()).isEqualTo("/f/7");
    assertThat(fair.get("scope").asText()).isEqualTo("/");

    // Everything else is the generic manifest of the web client.
    ObjectNode generic =
        (ObjectNode)
            json.readTree(Files.readString(Path.of("web-client/public/manifest.webmanifest")));
    fair.remove("id");
    fair.remove("start_url");
    generic.remove("id");
    generic.remove("start_url");
    assertThat(fair).isEqualTo(generic);
  }

  @Test
  void anotherFairGetsItsOwnStartUrl() {
    given()
        .get("/f/12/manifest.webmanifest")
        .then()
        .statusCode(200)
        .body("start_url", org.hamcrest.Matchers.equalTo("/f/12"));
  }

  @Test
  void aPathThatIsNoFairNumberIsNotFound() {
    given().get("/f/abc/manifest.webmanifest").then().statusCode(404);
    given().get("/f/0/manifest.webmanifest").then().statusCode(404);
  }
}
