package pl.gielda.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.support.Fixtures.as;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

/** Phones refetch the tallies after every event; their badge check is cached by the log. */
@QuarkusTest
class BadgeCacheTest {

  @TestHTTPResource("/")
  URI base;

  @Inject MeterRegistry metrics;

  private double cachedChecks() {
    return metrics.counter("gielda.auth.badge.cached").count();
  }

  private static int tallies(long fairId, String token) {
    return as(token).get("/api/fairs/" + fairId + "/tallies").then().extract().statusCode();
  }

  @Test
  void aPhoneRefetchingTalliesIsCheckedInTheDatabaseOnceWhileThisInstanceFollowsTheFair() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      board.resume(null, 0).awaitType("snapshot");
      double before = cachedChecks();
      for (int i = 0; i < 5; i++) {
        assertThat(tallies(fair.id(), person.token())).isEqualTo(200);
      }
      // The first read asked the database; the four after it trusted what it said.
      assertThat(cachedChecks() - before).isEqualTo(4);
    }
  }

  @Test
  void withoutABoardOfTheFairOnThisInstanceEveryReadAsksTheDatabase() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    double before = cachedChecks();
    for (int i = 0; i < 3; i++) {
      assertThat(tallies(fair.id(), person.token())).isEqualTo(200);
    }
    assertThat(cachedChecks() - before).isZero();
  }

  @Test
  void aReissuedBadgeStopsReadingTalliesAlthoughItWasCached() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      board.resume(null, 0).awaitType("snapshot");
      assertThat(tallies(fair.id(), person.token())).isEqualTo(200);
      assertThat(tallies(fair.id(), person.token())).isEqualTo(200);

      as(Fixtures.organiser())
          .post("/api/fairs/" + fair.id() + "/people/" + person.id() + "/badge")
          .then()
          .statusCode(200);
      // The reissue reaches this instance through the log, as it would reach any instance.
      board.await(m -> "person.badgeChanged".equals(m.at("/event/kind").asText()));
      assertThat(tallies(fair.id(), person.token())).isEqualTo(401);
    }
  }

  @Test
  void newRolesStopTheOldTokenFromReadingTallies() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      board.resume(null, 0).awaitType("snapshot");
      assertThat(tallies(fair.id(), person.token())).isEqualTo(200);
      as(Fixtures.organiser())
          .body(java.util.Map.of("roles", java.util.List.of("participant", "animator")))
          .put("/api/fairs/" + fair.id() + "/people/" + person.id() + "/roles")
          .then()
          .statusCode(200);
      board.await(m -> "person.badgeChanged".equals(m.at("/event/kind").asText()));
      assertThat(tallies(fair.id(), person.token())).isEqualTo(401);
    }
  }
}
