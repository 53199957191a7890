package pl.gielda.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.TestDatabase;

/** Events are numbered after their commit, by the sequencer (V6); these are its promises. */
@QuarkusTest
class EventNumberingTest {

  @TestHTTPResource("/")
  URI base;

  private static Connection database() throws Exception {
    return TestDatabase.connect();
  }

  private static long count(Connection db, String sql, Object... params) throws Exception {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<Long> seqs(Connection db, long fairId) throws Exception {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement s =
        db.prepareStatement("select seq from fair_event where fair_id = ? order by seq")) {
      s.setLong(1, fairId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  /** Queues an event and commits, as a writer that crashed before asking for its number. */
  private static void queueWithoutNumbering(Connection db, long fairId, String type)
      throws Exception {
    try (PreparedStatement s = db.prepareStatement("select append_fair_event(?, ?, '{}'::jsonb)")) {
      s.setLong(1, fairId);
      s.setString(2, type);
      s.execute();
    }
  }

  @Test
  void concurrentWritesAreEachNumberedOnceGaplesslyAndBeforeTheyAreAnswered() throws Exception {
    var fair = Fixtures.fair("LIVE");
    List<Fixtures.PersonRef> people =
        IntStream.range(0, 4).mapToObj(i -> Fixtures.person(fair.id(), null)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Connection db = database()) {
      List<Future<Long>> posts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        var who = people.get(i % people.size());
        int n = i;
        posts.add(
            pool.submit(
                () -> {
                  long id =
                      Fixtures.createPost(fair.id(), who.token(), Fixtures.offer("Sala " + n));
                  // Answered means numbered: the event is in the log already.
                  try (Connection mine = database()) {
                    assertThat(
                            count(
                                mine,
                                "select count(*) from fair_event where fair_id = ?"
                                    + " and type = 'post.created'"
                                    + " and (payload->'post'->>'id')::bigint = ?",
                                fair.id(),
                                id))
                        .isEqualTo(1);
                  }
                  return id;
                }));
      }
      for (Future<Long> f : posts) {
        f.get();
      }
      List<Long> seqs = seqs(db, fair.id());
      assertThat(seqs).isEqualTo(oneTo(seqs.size()));
      assertThat(
              count(
                  db,
                  "select count(*) from fair_event where fair_id = ? and type = 'post.created'",
                  fair.id()))
          .isEqualTo(40);
      assertThat(count(db, "select last_seq from fair_log_head where fair_id = ?", fair.id()))
          .isEqualTo(seqs.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Long> oneTo(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  @Test
  void aSignatureThatWaitedForTheOtherPartysIsNumberedAfterIt() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var a = Fixtures.person(fair.id(), null);
    var b = Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Bank", "BUSINESS"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection db = database()) {
      for (int round = 0; round < 8; round++) {
        long id = Contracts.proposed(fair.id(), a.token(), Contracts.swap(a, b));
        Future<?> first = pool.submit(() -> Contracts.sign(fair.id(), id, a.token()));
        Future<?> second = pool.submit(() -> Contracts.sign(fair.id(), id, b.token()));
        first.get();
        second.get();
        // The signature that found the other one already there carries both entities; it
        // committed second, so its event must have the larger number.
        try (PreparedStatement s =
            db.prepareStatement(
                "select jsonb_array_length(payload->'signed') from fair_event"
                    + " where fair_id = ? and type = 'contract.signed'"
                    + " and (payload->>'contractId')::bigint = ? order by seq")) {
          s.setLong(1, fair.id());
          s.setLong(2, id);
          List<Integer> signedCounts = new ArrayList<>();
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              signedCounts.add(rs.getInt(1));
            }
          }
          assertThat(signedCounts).containsExactly(1, 2);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anEventLeftQueuedByAWriterThatNeverAskedForItsNumberIsNumberedBySweep() throws Exception {
    var fair = Fixtures.fair("LIVE");
    try (Connection db = database()) {
      long head = count(db, "select last_seq from fair_log_head where fair_id = ?", fair.id());
      queueWithoutNumbering(db, fair.id(), "test.orphan");
      long deadline = System.nanoTime() + 10_000_000_000L;
      long numbered = 0;
      while (numbered == 0 && System.nanoTime() < deadline) {
        numbered =
            count(
                db,
                "select count(*) from fair_event where fair_id = ? and type = 'test.orphan'",
                fair.id());
      }
      assertThat(numbered).isEqualTo(1);
      assertThat(seqs(db, fair.id())).endsWith(head + 1);
      assertThat(count(db, "select count(*) from fair_event_pending where fair_id = ?", fair.id()))
          .isZero();
    }
  }

  @Test
  void aSnapshotCoversEveryCommittedEventItCanSeeSoNoEventRepeatsIt() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (Connection db = database()) {
      long head = count(db, "select last_seq from fair_log_head where fair_id = ?", fair.id());
      queueWithoutNumbering(db, fair.id(), "test.queued");
      try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
        JsonNode snapshot = board.resume(null, 0).awaitType("snapshot");
        // Whether the snapshot or the sweep numbered it, the snapshot is valid after it.
        assertThat(snapshot.get("seq").asLong()).isEqualTo(head + 1);
        board.awaitType("caughtUp");
        long live = Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Po migawce"));
        JsonNode next = board.awaitType("event");
        assertThat(next.get("seq").asLong()).isEqualTo(head + 2);
        assertThat(next.at("/event/post/id").asLong()).isEqualTo(live);
      }
    }
  }
}
