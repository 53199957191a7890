package pl.gielda.report;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.support.Fixtures.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

/**
 * Phones refetch the tallies after every event: the figures are computed once per log number and
 * shared, so the database's cost does not grow with the number of phones.
 */
@QuarkusTest
class TallyCacheTest {

  @TestHTTPResource("/")
  URI base;

  @Inject TallyCache cache;

  private static long seqOf(String fairPath, String token, String query) {
    return ((Number)
            as(token)
                .get(fairPath + "/tallies" + query)
                .then()
                .statusCode(200)
                .extract()
                .path("seq"))
        .longValue();
  }

  @Test
  void fiftyPhonesRefetchingAfterAnEventCostOneComputation() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    String path = "/api/fairs/" + fair.id();
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      board.resume(null, 0).awaitType("snapshot");
      board.awaitType("caughtUp");
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala dla wszystkich"));
      long seq = board.awaitType("event").get("seq").asLong();

      double before = cache.computations();
      List<CompletableFuture<Long>> phones =
          IntStream.range(0, 50)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> seqOf(path, person.token(), "?after=" + seq)))
              .toList();
      assertThat(phones.stream().map(CompletableFuture::join))
          .as("every phone gets figures at least as recent as its board")
          .allMatch(s -> s >= seq);
      assertThat(cache.computations() - before)
          .as("one computation for fifty refetches of the same event")
          .isEqualTo(1);

      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Druga sala"));
      long next = board.awaitType("event").get("seq").asLong();
      assertThat(seqOf(path, person.token(), "?after=" + next)).isEqualTo(next);
      assertThat(cache.computations() - before).as("a new event, one more").isEqualTo(2);
    }
  }

  @Test
  void aCallerThatDoesNotSayWhatItHoldsStillSeesItsOwnWrite() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    String path = "/api/fairs/" + fair.id();
    long first = seqOf(path, person.token(), "");
    Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Nowa sala"));
    long second = seqOf(path, person.token(), "");
    assertThat(second).isGreaterThan(first);
    as(person.token())
        .get(path + "/tallies")
        .then()
        .statusCode(200)
        .body("headline.offers", org.hamcrest.Matchers.equalTo(1));
  }

  @Test
  void aNegativePositionIsRefusedWithAFieldError() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    as(person.token())
        .get("/api/fairs/" + fair.id() + "/tallies?after=-1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
