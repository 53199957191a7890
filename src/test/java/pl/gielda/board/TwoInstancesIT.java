package pl.gielda.board;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pl.gielda.common.launch.DatabaseLauncher;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;
import pl.gielda.support.PackagedApp;

/**
 * Two real instances of the packaged app on one PostgreSQL: a change made on one reaches board
 * clients of the other, through the shared event log (NOTIFY only wakes the other instance).
 */
class TwoInstancesIT {

  private static EmbeddedPostgres pg;
  private static final List<PackagedApp> instances = new ArrayList<>();
  private static URI a;
  private static URI b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Path target = Path.of("target/two-instances");
    java.nio.file.Files.createDirectories(target);
    pg = DatabaseLauncher.startEmbedded(target.resolve("pg-" + System.nanoTime()));
    String dbUrl = "postgresql://127.0.0.1:" + pg.getPort() + "/" + DatabaseLauncher.DATABASE;
    for (String name : List.of("a", "b")) {
      instances.add(new PackagedApp(name, PackagedApp.freePort(), dbUrl, target).start());
    }
    a = instances.get(0).uri();
    b = instances.get(1).uri();
    Fixtures.forgetOrganiser();
    RestAssured.baseURI = "http://127.0.0.1";
    RestAssured.port = a.getPort();
  }

  @AfterAll
  static void stop() throws Exception {
    instances.forEach(PackagedApp::stop);
    pg.close();
  }

  private static long postVia(URI instance, long fairId, String token, String title) {
    return ((Number)
            given()
                .port(instance.getPort())
                .contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Fixtures.offer(title))
                .post("/api/fairs/" + fairId + "/posts")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }

  @Test
  void aChangeOnEachInstanceReachesClientsOfTheOther() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient onA = BoardClient.connect(a, fair.id(), person.token());
        BoardClient onB = BoardClient.connect(b, fair.id(), person.token())) {
      long seqA = onA.resume(null, 0).awaitType("snapshot").get("seq").asLong();
      long seqB = onB.resume(null, 0).awaitType("snapshot").get("seq").asLong();
      onA.awaitType("caughtUp");
      onB.awaitType("caughtUp");
      assertThat(seqB).isEqualTo(seqA);

      postVia(a, fair.id(), person.token(), "Z instancji A");
      JsonNode seenOnB = onB.awaitType("event");
      assertThat(seenOnB.at("/event/post/title").asText()).isEqualTo("Z instancji A");
      assertThat(seenOnB.get("seq").asLong()).isEqualTo(seqA + 1);

      postVia(b, fair.id(), person.token(), "Z instancji B");
      JsonNode seenOnA = onA.await(m -> m.path("seq").asLong() == seqA + 2);
      assertThat(seenOnA.at("/event/post/title").asText()).isEqualTo("Z instancji B");
    }
  }

  @Test
  void concurrentWritesOnBothInstancesGiveOneGaplessSequenceToEveryClient() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient onA = BoardClient.connect(a, fair.id(), person.token());
        BoardClient onB = BoardClient.connect(b, fair.id(), person.token())) {
      long start = onA.resume(null, 0).awaitType("snapshot").get("seq").asLong();
      onB.resume(null, 0).awaitType("snapshot");
      onA.awaitType("caughtUp");
      onB.awaitType("caughtUp");
      List<CompletableFuture<Long>> writes =
          IntStream.range(0, 30)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              postVia(
                                  i % 2 == 0 ? a : b,
                                  fair.id(),
                                  person.token(),
                                  "Równolegle " + i)))
              .toList();
      writes.forEach(CompletableFuture::join);
      for (BoardClient client : List.of(onA, onB)) {
        List<Long> seqs = new ArrayList<>();
        while (seqs.size() < 30) {
          seqs.add(client.awaitType("event").get("seq").asLong());
        }
        assertThat(seqs)
            .containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).mapToObj(i -> start + i).toList());
      }
    }
  }

  @Test
  void anInstanceWhoseListenerWasCutStillDelivers() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient onB = BoardClient.connect(b, fair.id(), person.token())) {
      long start = onB.resume(null, 0).awaitType("snapshot").get("seq").asLong();
      onB.awaitType("caughtUp");
      try (Connection c = pg.getDatabase("postgres", DatabaseLauncher.DATABASE).getConnection();
          Statement s = c.createStatement()) {
        s.execute(
            "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'LISTEN%'");
      }
      postVia(a, fair.id(), person.token(), "Po zerwaniu LISTEN");
      JsonNode event = onB.awaitType("event");
      assertThat(event.get("seq").asLong()).isEqualTo(start + 1);
    }
  }
}
