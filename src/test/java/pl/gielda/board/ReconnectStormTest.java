package pl.gielda.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

/**
 * The hall's Wi-Fi drops and comes back: every phone resumes at about the same time after a couple
 * of hundred changes it missed, while people keep posting. Each must get every missed event once,
 * in order, then the live ones. The test profile keeps 50 events in memory: half the phones drop
 * early and miss 200 events (their catch-up is read from PostgreSQL), the other half drop later and
 * miss the last 40 (theirs comes from memory, as every catch-up of 200 does with the production
 * window of 2000).
 */
@QuarkusTest
class ReconnectStormTest {

  private static final int PHONES = 40;
  private static final int MISSED = 200;
  private static final int MISSED_LATE = 40;
  private static final int DURING = 5;

  @TestHTTPResource("/")
  URI base;

  private record Held(int epoch, long seq) {}

  @Test
  void phonesResumingTogetherAfterManyMissedEventsCatchUpWithoutGapsOrDuplicates()
      throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Przed burzą"));

    List<Held> held = new ArrayList<>();
    List<BoardClient> first =
        IntStream.range(0, PHONES)
            .mapToObj(i -> BoardClient.connect(base, fair.id(), person.token()))
            .toList();
    try {
      first.forEach(p -> p.resume(null, 0));
      for (BoardClient p : first) {
        JsonNode snapshot = p.awaitType("snapshot");
        held.add(new Held(snapshot.get("epoch").asInt(), snapshot.get("seq").asLong()));
        p.awaitType("caughtUp");
      }
      long start = held.get(0).seq();
      assertThat(held).allSatisfy(h -> assertThat(h.seq()).isEqualTo(start));
      // The first half drops now (no close handshake: the Wi-Fi is gone), the rest later.
      first.subList(0, PHONES / 2).forEach(BoardClient::drop);
      for (int i = 0; i < MISSED - MISSED_LATE; i++) {
        Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Offline " + i));
      }
      long late = start + MISSED - MISSED_LATE;
      for (int i = PHONES / 2; i < PHONES; i++) {
        long seq = late;
        first.get(i).await(m -> m.path("seq").asLong() == seq);
        held.set(i, new Held(held.get(i).epoch(), late));
      }
    } finally {
      first.forEach(BoardClient::drop);
    }
    long before = held.get(0).seq();
    for (int i = MISSED - MISSED_LATE; i < MISSED; i++) {
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Offline " + i));
    }
    long head = before + MISSED + DURING;

    ExecutorService pool = Executors.newFixedThreadPool(PHONES + 1);
    List<BoardClient> again = new ArrayList<>();
    try {
      // Everyone reconnects at once, each resuming from what it holds; posts keep coming.
      List<CompletableFuture<BoardClient>> reconnecting =
          IntStream.range(0, PHONES)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              i % 2 == 0
                                  ? BoardClient.connect(base, fair.id(), person.token())
                                      .resume(held.get(i).epoch(), held.get(i).seq())
                                  : BoardClient.connect(base, fair.id(), person.token())
                                      .resumeBatched(held.get(i).epoch(), held.get(i).seq()),
                          pool))
              .toList();
      CompletableFuture<Void> posting =
          CompletableFuture.runAsync(
              () ->
                  IntStream.range(0, DURING)
                      .forEach(
                          i ->
                              Fixtures.createPost(
                                  fair.id(), person.token(), Fixtures.offer("W trakcie " + i))),
              pool);
      for (CompletableFuture<BoardClient> f : reconnecting) {
        again.add(f.get(30, TimeUnit.SECONDS));
      }
      posting.get(60, TimeUnit.SECONDS);

      int batchedPhones = 0;
      for (int i = 0; i < PHONES; i++) {
        int batches = 0;
        BoardClient phone = again.get(i);
        long from = held.get(i).seq();
        List<Long> expected = LongStream.rangeClosed(from + 1, head).boxed().toList();
        // The catch-up, then live events, until the phone holds the head: every number once.
        List<Long> seqs = new ArrayList<>();
        boolean caughtUp = false;
        while (!caughtUp || seqs.isEmpty() || seqs.get(seqs.size() - 1) < head) {
          JsonNode m = phone.await(x -> true);
          switch (m.path("type").asText()) {
            case "event" -> seqs.add(m.get("seq").asLong());
            case "events" -> {
              assertThat(i % 2).as("only phones that asked get batches").isEqualTo(1);
              assertThat(caughtUp).as("a batch is the catch-up").isFalse();
              m.get("events").forEach(e -> seqs.add(e.get("seq").asLong()));
              batches++;
            }
            case "caughtUp" -> {
              assertThat(caughtUp).as("one caughtUp per resume").isFalse();
              assertThat(m.get("seq").asLong())
                  .isEqualTo(seqs.isEmpty() ? from : seqs.get(seqs.size() - 1));
              assertThat(m.get("seq").asLong()).isGreaterThanOrEqualTo(before + MISSED);
              caughtUp = true;
            }
            case "snapshot" -> throw new AssertionError("a resume within reach got a snapshot");
            default -> {}
          }
        }
        assertThat(seqs).containsExactlyElementsOf(expected);
        // The catch-up is one message — two when events arrived while the older part was read
        // from the log (that part, then what the ring got meanwhile).
        assertThat(batches).isLessThanOrEqualTo(2);
        if (batches > 0) {
          batchedPhones++;
        }
      }
      // Every phone that asked for batches missed dozens of events: each got them batched.
      assertThat(batchedPhones).isEqualTo(PHONES / 2);
    } finally {
      again.forEach(BoardClient::close);
      pool.shutdownNow();
    }
  }
}
