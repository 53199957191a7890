package pl.gielda.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pl.gielda.board.BoardHub;
import pl.gielda.report.tally.Tallies;

/**
 * Live tallies cached by log position. Every phone and the big screen refetch the figures after an
 * event; computing them costs about ten queries, so each instance computes them once per log number
 * it has seen and hands the same result to everyone who asks for that number. Requests that arrive
 * while a computation runs wait for it instead of starting another: a thousand phones refetching
 * after one event cost the database one computation, not a thousand.
 *
 * <p>Which number is current: for a caller that says which event its board holds ({@code after}, as
 * the web client does), that number or the last one this instance dispatched, whichever is higher —
 * no query at all; for any other caller the log head read from the database (one row by primary
 * key), so a plain GET always sees its own writes.
 */
// Created at start so its counter is on /q/metrics from the first scrape.
@io.quarkus.runtime.Startup
@ApplicationScoped
public class TallyCache {

  /** A computation that came back older than asked (a commit raced it) is retried this often. */
  private static final int ATTEMPTS = 3;

  private final FairSnapshot snapshot;
  private final BoardHub hub;
  private final Pool pool;
  private final Counter computations;
  private final Map<Long, Tallies> latest = new ConcurrentHashMap<>();
  private final Map<Long, Uni<Tallies>> running = new ConcurrentHashMap<>();

  TallyCache(FairSnapshot snapshot, BoardHub hub, Pool pool, MeterRegistry metrics) {
    this.snapshot = snapshot;
    this.hub = hub;
    this.pool = pool;
    this.computations =
        Counter.builder("gielda.tallies.computations")
            .description("Tallies computed from the tables (each about ten queries)")
            .register(metrics);
  }

  /** The fair's figures at a log number at least {@code after} (null: the current one). */
  public Uni<Tallies> current(long fairId, Long after) {
    return wanted(fairId, after).chain(seq -> atLeast(fairId, seq, ATTEMPTS));
  }

  /** How many computations this instance has made (for tests and the benchmark). */
  public double computations() {
    return computations.count();
  }

  private Uni<Long> wanted(long fairId, Long after) {
    if (after != null) {
      return Uni.createFrom().item(Math.max(after, hub.dispatchedHead(fairId)));
    }
    return pool.preparedQuery("select last_seq from fair_log_head where fair_id = $1")
        .execute(Tuple.of(fairId))
        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : 0L);
  }

  private Uni<Tallies> atLeast(long fairId, long seq, int attempts) {
    Tallies cached = latest.get(fairId);
    if (cached != null && cached.seq() >= seq) {
      return Uni.createFrom().item(cached);
    }
    return shared(fairId)
        .chain(
            t ->
                t.seq() >= seq || attempts <= 1
                    ? Uni.createFrom().item(t)
                    : atLeast(fairId, seq, attempts - 1));
  }

  /** The computation running for the fair, or a new one; everyone asking meanwhile shares it. */
  private Uni<Tallies> shared(long fairId) {
    return running.computeIfAbsent(
        fairId,
        id ->
            Uni.createFrom()
                .deferred(
                    () -> {
                      computations.increment();
                      return snapshot.read(id, false).map(FairSnapshot.Figures::fromTables);
                    })
                .invoke(
                    t ->
                        latest.merge(id, t, (old, fresh) -> fresh.seq() >= old.seq() ? fresh : old))
                .onTermination()
                .invoke(() -> running.remove(id))
                .memoize()
                .indefinitely());
  }
}
