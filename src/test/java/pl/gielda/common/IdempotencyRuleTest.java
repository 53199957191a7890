package pl.gielda.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/**
 * The idempotency rule in one place: the key's size is checked once before any resource, and the
 * Hibernate path (here: hiding a post) claims and replays through the same SQL function ({@code
 * claim_idempotency_key}) as the pipelined paths and the batch functions.
 */
@QuarkusTest
class IdempotencyRuleTest {

  @Test
  void aKeyOverAHundredCharactersIsRefusedOnceForEveryOperation() {
    var fair = Fixtures.fair("LIVE");
    var participant = Fixtures.person(fair.id(), null);
    // Each caller may call its operation: the key is what is refused.
    Map<String, String> calls =
        Map.of(
            "/api/fairs/" + fair.id() + "/posts",
            participant.token(),
            "/api/fairs",
            Fixtures.organiser());
    for (var call : calls.entrySet()) {
      String path = call.getKey();
      Fixtures.as(call.getValue())
          .header("Idempotency-Key", "k".repeat(101))
          .body(Map.of())
          .post(path)
          .then()
          .statusCode(400)
          .contentType(startsWith("application/problem+json"))
          .body("errors[0].field", equalTo("Idempotency-Key"));
    }
  }

  @Test
  void aRetriedHideAnswersTheFirstAnswerAndAnotherBodyIsRefused() {
    var fair = Fixtures.fair("LIVE");
    var author = Fixtures.person(fair.id(), null);
    long post = Fixtures.createPost(fair.id(), author.token(), Fixtures.offer("Sala"));
    String key = UUID.randomUUID().toString();
    String path = "/api/fairs/" + fair.id() + "/posts/" + post + "/hide";
    String first =
        Fixtures.as(Fixtures.organiser())
            .header("Idempotency-Key", key)
            .body(Map.of("reason", "Do sprawdzenia"))
            .post(path)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String again =
        Fixtures.as(Fixtures.organiser())
            .header("Idempotency-Key", key)
            .body(Map.of("reason", "Do sprawdzenia"))
            .post(path)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(again).isEqualTo(first);
    Fixtures.as(Fixtures.organiser())
        .header("Idempotency-Key", key)
        .body(Map.of("reason", "Inny powód ukrycia"))
        .post(path)
        .then()
        .statusCode(422);
  }
}
