package pl.gielda.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import pl.gielda.auth.BadgeCache;
import pl.gielda.common.db.ConsistentRead;
import pl.gielda.eventlog.EventLog;
import pl.gielda.post.PostDtos.PostView;
import pl.gielda.post.PostRows;

/**
 * The live board of one fair on this instance. It reads new events from the log (woken by NOTIFY or
 * a poll), encodes each once and sends it to every caught-up connection. All state is touched only
 * on one Vert.x context, so a connection's replay and the live stream never interleave. The ring of
 * recent events is a cache of the database log, not a second source of truth.
 */
final class FairChannel {

  private static final Logger LOG = Logger.getLogger(FairChannel.class);
  private static final int FETCH_LIMIT = 1000;

  private record Encoded(long seq, String text) {}

  final long fairId;
  private final Context context;
  private final Pool pool;
  private final ObjectMapper json;
  private final int ringSize;
  private final ArrayDeque<Encoded> ring = new ArrayDeque<>();
  private final Set<BoardSubscriber> subscribers = new HashSet<>();
  private final java.util.function.LongConsumer onAdvance;
  private volatile long dispatched = -1;
  private int epoch = 1;
  private boolean fetching;
  private boolean fetchAgain;

  FairChannel(
      long fairId,
      Context context,
      Pool pool,
      ObjectMapper json,
      int ringSize,
      java.util.function.LongConsumer onAdvance,
      BadgeCache badges) {
    this.badges = badges;
    this.fairId = fairId;
    this.onAdvance = onAdvance;
    this.context = context;
    this.pool = pool;
    this.json = json;
    this.ringSize = ringSize;
  }

  private final BadgeCache badges;

  void onContext(Runnable action) {
    context.runOnContext(v -> action.run());
  }

  long dispatched() {
    return dispatched;
  }

  int connections() {
    return subscribers.size();
  }

  /** Something was appended (or might have been): read the log past what we dispatched. */
  void wake() {
    onContext(this::fetch);
  }

  private void fetch() {
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    fetchAgain = false;
    Runnable after =
        () -> {
          fetching = false;
          if (fetchAgain) {
            fetch();
          }
        };
    pool.preparedQuery(
            "select seq, type, payload::text as payload, created_at from fair_event where fair_id = $1 and seq > $2 order by seq limit $3")
        .execute(Tuple.of(fairId, dispatched, FETCH_LIMIT))
        .subscribe()
        .with(
            rows -> {
              int n = 0;
              for (Row r : rows) {
                if (EventLog.BADGE_CHANGED.equals(r.getString("type"))) {
                  // Before anyone is told anything newer: cached badges of the fair are suspect.
                  badges.changed(fairId);
                }
                dispatch(
                    r.getLong("seq"),
                    BoardMessages.event(
                        r.getLong("seq"),
                        r.getString("type"),
                        r.getString("payload"),
                        r.getOffsetDateTime("created_at")));
                n++;
              }
              if (n == FETCH_LIMIT) {
                fetchAgain = true;
              }
              if (n > 0) {
                onAdvance.accept(fairId);
              }
              after.run();
            },
            failure -> {
              LOG.warn("Could not read the log of fair " + fairId, failure);
              after.run();
            });
  }

  private void dispatch(long seq, String text) {
    if (seq != dispatched + 1) {
      // The log is gapless; a jump means our view is stale. Read again from where we are.
      fetchAgain = true;
      return;
    }
    dispatched = seq;
    ring.addLast(new Encoded(seq, text));
    while (ring.size() > ringSize) {
      ring.removeFirst();
    }
    // One task per event loop writes to that loop's connections: a cross-thread handoff per
    // connection costs more than the write itself at thousands of connections.
    io.netty.buffer.ByteBuf encoded = RawSocket.encode(text);
    Map<io.netty.channel.EventLoop, List<BoardSubscriber>> byLoop =
        new java.util.IdentityHashMap<>();
    Iterator<BoardSubscriber> it = subscribers.iterator();
    while (it.hasNext()) {
      BoardSubscriber s = it.next();
      if (s.closed) {
        it.remove();
      } else if (s.live && s.lastSent == seq - 1) {
        s.lastSent = seq;
        if (s.loop == null) {
          sendSafely(s, text, encoded);
        } else {
          byLoop.computeIfAbsent(s.loop, l -> new ArrayList<>()).add(s);
        }
      }
    }
    byLoop.forEach(
        (loop, batch) -> loop.execute(() -> batch.forEach(s -> sendSafely(s, text, encoded))));
  }

  /** One broken connection must not keep the event from the rest of its loop's batch. */
  private static void sendSafely(BoardSubscriber s, String text, io.netty.buffer.ByteBuf encoded) {
    try {
      s.send(text, encoded);
    } catch (RuntimeException e) {
      s.closed = true;
      LOG.debugf("Board connection dropped while sending: %s", e.toString());
    }
  }

  /** Reads the log head once; every resume waits for it. */
  io.smallrye.mutiny.Uni<Void> init() {
    return pool.preparedQuery("select last_seq, epoch from fair_log_head where fair_id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              for (Row r : rows) {
                dispatched = r.getLong("last_seq");
                epoch = r.getInteger("epoch");
              }
              if (dispatched < 0) {
                throw new IllegalStateException("Fair " + fairId + " has no event log");
              }
              return null;
            });
  }

  /** A connection said which epoch and number it has; replay what it missed, then stream live. */
  void resume(BoardSubscriber s, Integer clientEpoch, long after, boolean batch) {
    onContext(
        () -> {
          subscribers.add(s);
          s.batch = batch;
          s.live = false;
          s.lastSent = -1;
          boolean fresh = clientEpoch == null || clientEpoch != epoch || after <= 0;
          if (fresh || dispatched - after > 5L * ringSize) {
            snapshot(s);
          } else {
            goLive(s, after);
          }
        });
  }

  /** On the context: send what the connection misses (ring, else the log), then mark it live. */
  private void goLive(BoardSubscriber s, long from) {
    s.lastSent = Math.max(s.lastSent, from);
    long ringFirst = ring.isEmpty() ? dispatched + 1 : ring.peekFirst().seq();
    if (s.lastSent < dispatched && s.lastSent + 1 < ringFirst) {
      replayFromLog(s, s.lastSent);
      return;
    }
    if (s.batch && dispatched - s.lastSent >= 2) {
      Batch b = batchAfter(s.lastSent);
      s.send(b.text(), b.encoded());
      s.lastSent = b.to();
    } else {
      for (Encoded e : ring) {
        if (e.seq() == s.lastSent + 1) {
          s.send(e.text());
          s.lastSent = e.seq();
        }
      }
    }
    s.live = true;
    s.send(BoardMessages.caughtUp(s.lastSent));
  }

  /**
   * What a phone that resumes after {@code after} misses from the ring, as one message. After a
   * storm (the hall's Wi-Fi back) thousands of phones resume from the same number: they share one
   * message, encoded once, instead of one send per missed event each (measured: 10,000 phones
   * missing 200 events queued two million sends on this context).
   */
  private Batch batchAfter(long after) {
    Batch last = lastBatch;
    if (last != null && last.after() == after && last.to() == dispatched) {
      return last;
    }
    List<String> texts = new ArrayList<>();
    long to = after;
    for (Encoded e : ring) {
      if (e.seq() == to + 1) {
        texts.add(e.text());
        to = e.seq();
      }
    }
    String text = BoardMessages.events(texts);
    lastBatch = new Batch(after, to, text, RawSocket.encode(text));
    return lastBatch;
  }

  private record Batch(long after, long to, String text, io.netty.buffer.ByteBuf encoded) {}

  private Batch lastBatch;

  private void replayFromLog(BoardSubscriber s, long after) {
    pool.preparedQuery(
            "select seq, type, payload::text as payload, created_at from fair_event where fair_id = $1 and seq > $2 and seq <= $3 order by seq")
        .execute(Tuple.of(fairId, after, dispatched))
        .subscribe()
        .with(
            rows ->
                onContext(
                    () -> {
                      long last = after;
                      List<String> texts = new ArrayList<>();
                      for (Row r : rows) {
                        long seq = r.getLong("seq");
                        if (seq == last + 1) {
                          texts.add(
                              BoardMessages.event(
                                  seq,
                                  r.getString("type"),
                                  r.getString("payload"),
                                  r.getOffsetDateTime("created_at")));
                          last = seq;
                        }
                      }
                      if (s.batch && texts.size() >= 2) {
                        s.send(BoardMessages.events(texts));
                      } else {
                        texts.forEach(s::send);
                      }
                      goLive(s, last);
                    }),
            failure -> closeWithError(s, failure));
  }

  private static final String RECENT_REGISTERED =
      "select seq, type, payload::text as payload from fair_event"
          + " where fair_id = $1 and type = 'contract.registered' and seq <= $2"
          + " order by seq desc limit $3";
  private static final int RECENT_REGISTERED_KEPT = 10;

  /** A snapshot's text and the log number it shows the fair at. */
  private record Snapshot(long seq, String text) {}

  /**
   * The newest snapshot read, reused while nothing newer was dispatched, and the read in flight,
   * which every connection asking meanwhile waits for: when the hall's Wi-Fi comes back and every
   * phone reconnects at once, the fair is read once, not once per phone. Only touched on the
   * context.
   */
  private Snapshot lastSnapshot;

  private io.smallrye.mutiny.Uni<Snapshot> snapshotRead;

  /** A consistent picture of the fair at one log number (repeatable read), then live from there. */
  private void snapshot(BoardSubscriber s) {
    if (lastSnapshot != null && lastSnapshot.seq() == dispatched) {
      s.send(lastSnapshot.text());
      goLive(s, lastSnapshot.seq());
      return;
    }
    if (snapshotRead == null) {
      io.smallrye.mutiny.Uni<Snapshot> read =
          ConsistentRead.ofFair(pool, fairId, this::readSnapshot).memoize().indefinitely();
      snapshotRead = read;
      read.subscribe()
          .with(
              snap ->
                  onContext(
                      () -> {
                        if (snapshotRead == read) {
                          snapshotRead = null;
                        }
                        if (lastSnapshot == null || snap.seq() >= lastSnapshot.seq()) {
                          lastSnapshot = snap;
                        }
                      }),
              failure ->
                  onContext(() -> snapshotRead = snapshotRead == read ? null : snapshotRead));
    }
    snapshotRead
        .subscribe()
        .with(
            snap ->
                onContext(
                    () -> {
                      s.send(snap.text());
                      goLive(s, snap.seq());
                    }),
            failure -> closeWithError(s, failure));
  }

  private io.smallrye.mutiny.Uni<Snapshot> readSnapshot(SqlConnection conn) {
    Map<String, Long> counters = new LinkedHashMap<>();
    long[] head = new long[2];
    List<PostView> posts = new ArrayList<>();
    return conn.preparedQuery("select last_seq, epoch from fair_log_head where fair_id = $1")
        .execute(Tuple.of(fairId))
        .invoke(
            rows ->
                rows.forEach(
                    r -> {
                      head[0] = r.getLong("last_seq");
                      head[1] = r.getInteger("epoch");
                    }))
        .chain(() -> conn.preparedQuery(BoardCounters.SQL).execute(Tuple.of(fairId)))
        .invoke(rows -> rows.forEach(r -> BoardCounters.read(r, counters)))
        .chain(() -> conn.preparedQuery(PostRows.SELECT_VISIBLE).execute(Tuple.of(fairId)))
        .invoke(rows -> rows.forEach(r -> posts.add(PostRows.view(r))))
        // A big screen opened mid-fair shows the latest registered contracts in its ticker at once.
        .chain(
            () ->
                conn.preparedQuery(RECENT_REGISTERED)
                    .execute(Tuple.of(fairId, head[0], RECENT_REGISTERED_KEPT)))
        .map(
            rows -> {
              List<Map<String, Object>> registered = new ArrayList<>();
              rows.forEach(
                  r ->
                      registered.add(
                          BoardMessages.logged(
                              json,
                              r.getLong("seq"),
                              r.getString("type"),
                              r.getString("payload"))));
              return new Snapshot(
                  head[0],
                  BoardMessages.snapshot(
                      json, fairId, (int) head[1], head[0], posts, counters, registered));
            });
  }

  /** A message for the live connections of one entity's people (e.g. a new match). */
  void sendToEntity(long entityId, String text) {
    onContext(
        () -> {
          for (BoardSubscriber s : subscribers) {
            if (s.live && s.entityId != null && s.entityId == entityId) {
              s.send(text);
            }
          }
        });
  }

  /** Closes the connections that answered no ping for {@code limitNanos}; counts them. */
  void cutOffSilent(long limitNanos, java.util.function.IntConsumer cutOff) {
    onContext(
        () -> {
          long now = System.nanoTime();
          int n = 0;
          Iterator<BoardSubscriber> it = subscribers.iterator();
          while (it.hasNext()) {
            if (it.next().cutOffIfSilent(now, limitNanos)) {
              it.remove();
              n++;
            }
          }
          if (n > 0) {
            cutOff.accept(n);
          }
        });
  }

  void remove(BoardSubscriber s) {
    onContext(() -> subscribers.remove(s));
  }

  private void closeWithError(BoardSubscriber s, Throwable failure) {
    LOG.warn("Board replay failed for fair " + fairId, failure);
    s.send(BoardMessages.error(json, "UNAVAILABLE", "The board could not be loaded; reconnect"));
    s.closed = true;
    s.connection.close().subscribe().with(x -> {}, x -> {});
  }
}
