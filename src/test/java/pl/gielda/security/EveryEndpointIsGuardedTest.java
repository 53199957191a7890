package pl.gielda.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/**
 * Walks the OpenAPI document, so an endpoint added later without a role rule fails here: every
 * operation outside the public list refuses a caller without a token (401), and every fair-scoped
 * read refuses a participant of another fair (403).
 */
@QuarkusTest
class EveryEndpointIsGuardedTest {

  private static final Set<String> PUBLIC =
      Set.of(
          "POST /api/auth/login",
          "POST /api/auth/setup",
          "GET /api/auth/setup",
          "POST /api/auth/password-reset",
          "POST /api/auth/password-reset/request",
          "POST /api/auth/badge",
          "POST /api/auth/screen",
          "POST /api/join",
          "GET /api/public/fairs/{joinCode}",
          "GET /api/public/fairs/{joinCode}/entities",
          "GET /api/public/contracts/verify");

  private record Operation(String method, String path, String contentType) {
    String key() {
      return method + " " + path;
    }
  }

  private static List<Operation> operations() throws Exception {
    String json =
        given()
            .accept(ContentType.JSON)
            .get("/q/openapi?format=json")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    JsonNode paths = new ObjectMapper().readTree(json).get("paths");
    List<Operation> ops = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      var entry = it.next();
      entry
          .getValue()
          .fields()
          .forEachRemaining(
              m -> {
                var content = m.getValue().path("requestBody").path("content").fieldNames();
                String type = content.hasNext() ? content.next() : "application/json";
                ops.add(new Operation(m.getKey().toUpperCase(), entry.getKey(), type));
              });
    }
    return ops;
  }

  private static String concrete(String path, long fairId) {
    return path.replace("{fairId}", String.valueOf(fairId)).replaceAll("\\{[^}]+}", "1");
  }

  @Test
  void everyNonPublicOperationRefusesACallerWithoutAToken() throws Exception {
    var fair = Fixtures.fair("LIVE");
    List<String> unguarded = new ArrayList<>();
    List<Operation> ops = operations();
    assertThat(ops).hasSizeGreaterThan(20);
    for (Operation op : ops) {
      if (PUBLIC.contains(op.key())) {
        continue;
      }
      int status =
          given()
              .contentType(op.contentType())
              .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .request(op.method(), concrete(op.path(), fair.id()))
              .statusCode();
      if (status != 401) {
        unguarded.add(op.key() + " (" + op.contentType() + ") -> " + status);
      }
    }
    assertThat(unguarded).isEmpty();
  }

  @Test
  void everyFairScopedReadRefusesAParticipantOfAnotherFair() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var outsider = Fixtures.person(Fixtures.fair("LIVE").id(), null);
    List<String> leaking = new ArrayList<>();
    for (Operation op : operations()) {
      if (!op.method().equals("GET") || !op.path().contains("{fairId}")) {
        continue;
      }
      int status = Fixtures.as(outsider.token()).get(concrete(op.path(), fair.id())).statusCode();
      if (status != 403) {
        leaking.add(op.key() + " -> " + status);
      }
    }
    assertThat(leaking).isEmpty();
  }
}
