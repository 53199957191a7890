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

  @Test
  void aPhoneReconnectingToTheBoardIsLetInFromTheCacheWithItsEntity() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    // The big screen is open: this instance follows the fair's log.
    BoardClient screen = BoardClient.connect(base, fair.id(), Fixtures.screen(fair.id()));
    screen.resume(null, 0).awaitType("caughtUp");
    try (BoardClient first = BoardClient.connect(base, fair.id(), person.token())) {
      first.resume(null, 0).awaitType("caughtUp");
    }
    double before = cachedChecks();
    try (screen;
        BoardClient again = BoardClient.connect(base, fair.id(), person.token())) {
      again.resume(null, 0).awaitType("caughtUp");
      assertThat(cachedChecks() - before).isEqualTo(1);
      // Its entity came from the cache too: a match for its entity's request still reaches it.
      long request =
          Fixtures.createPost(
              fair.id(),
              person.token(),
              post("REQUEST", "Rzutnik na spotkanie", "Potrzebujemy rzutnika i ekranu"));
      var owner = Fixtures.person(fair.id(), null);
      Fixtures.createPost(
          fair.id(),
          owner.token(),
          post("OFFER", "Projektor multimedialny", "Pożyczymy projektor z ekranem"));
      assertThat(again.awaitType("match").get("postId").asLong()).isEqualTo(request);
    }
  }

  private static java.util.Map<String, Object> post(String kind, String title, String text) {
    return java.util.Map.of(
        "kind",
        kind,
        "category",
        "EQUIPMENT",
        "title",
        title,
        "description",
        text,
        "town",
        "Tczew");
  }

  @Test
  void aReissuedBadgeCannotOpenTheBoardAgainAlthoughItWasCached() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    var watcher = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), watcher.token())) {
      board.resume(null, 0).awaitType("caughtUp");
      try (BoardClient first = BoardClient.connect(base, fair.id(), person.token())) {
        first.resume(null, 0).awaitType("caughtUp");
      }
      as(Fixtures.organiser())
          .post("/api/fairs/" + fair.id() + "/people/" + person.id() + "/badge")
          .then()
          .statusCode(200);
      board.await(m -> "person.badgeChanged".equals(m.at("/event/kind").asText()));
      try (BoardClient again = BoardClient.connect(base, fair.id(), person.token())) {
        assertThat(again.awaitType("error").path("code").asText()).isEqualTo("UNAUTHORIZED");
      }
    }
  }
}
