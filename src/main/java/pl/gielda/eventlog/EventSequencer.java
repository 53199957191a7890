package pl.gielda.eventlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Numbers committed events, after their commit, in batches (see V6__numbering_after_commit.sql).
 *
 * <p>A write queues its event in its own transaction. When the write has committed, the request
 * waits for {@link #number()} before it is answered, so whoever wrote sees their event in the log
 * as before. Waiting requests are served together: one run of {@code number_pending_events()}
 * numbers everything committed so far, and the requests that arrived during a run are served by the
 * next one (group commit). Runs of two instances take each fair's head lock in turn. A scheduled
 * sweep numbers what a crashed or non-request writer (a scheduled phase change, the demo seed) left
 * queued.
 */
@ApplicationScoped
public class EventSequencer {

  private static final Logger LOG = Logger.getLogger(EventSequencer.class);
  private static final String APPENDED = "gielda.events.appended";

  private final Pool pool;
  private final Counter runs;
  private final Counter numbered;
  private final Object lock = new Object();
  private boolean running;
  private List<Waiter> waiting = new ArrayList<>();
  // Set when the app stops: the pool closes under a last sweep, which is no fault to report.
  private volatile boolean stopping;

  EventSequencer(Pool pool, MeterRegistry metrics) {
    this.pool = pool;
    this.runs = metrics.counter("gielda.events.numbering.runs");
    this.numbered = metrics.counter("gielda.events.numbered");
  }

  /**
   * Remembers, for the current request, that it queued an event. The request is answered only after
   * the event is numbered (see {@link EventNumberingFilter}).
   */
  public static void appended() {
    if (VertxContext.isOnDuplicatedContext()) {
      ContextLocals.put(APPENDED, Boolean.TRUE);
    }
  }

  /** Whether the current request queued an event. */
  static boolean appendedInThisRequest() {
    return VertxContext.isOnDuplicatedContext() && ContextLocals.get(APPENDED).isPresent();
  }

  /**
   * Completes once a run that started after this call has finished, i.e. once every event committed
   * before this call is numbered. Never fails: if the database is unreachable the events stay
   * queued (they are committed) and the sweep numbers them later.
   */
  public Uni<Void> number() {
    Waiter w = new Waiter(Vertx.currentContext(), new CompletableFuture<>());
    boolean start;
    synchronized (lock) {
      waiting.add(w);
      start = !running;
      running = true;
    }
    if (start) {
      runNext();
    }
    return Uni.createFrom().completionStage(w.done);
  }

  private void runNext() {
    List<Waiter> batch;
    synchronized (lock) {
      if (waiting.isEmpty()) {
        running = false;
        return;
      }
      batch = waiting;
      waiting = new ArrayList<>();
    }
    runs.increment();
    pool.query("select number_pending_events()")
        .execute()
        .subscribe()
        .with(
            rows -> {
              numbered.increment(rows.iterator().next().getLong(0));
              finish(batch);
            },
            failure -> {
              if (!stopping) {
                LOG.warnf("Could not number queued events (the sweep retries): %s", failure);
              }
              finish(batch);
            });
  }

  private void finish(List<Waiter> batch) {
    for (Waiter w : batch) {
      if (w.context == null) {
        w.done.complete(null);
      } else {
        w.context.runOnContext(v -> w.done.complete(null));
      }
    }
    runNext();
  }

  /**
   * Numbers, as the last statement of a batch's own transaction, the fair's queued events it can
   * see — its own included — and holds the fair's log head until that transaction ends.
   *
   * <p>For group commits (a batch of signatures or registrations): one transaction already carries
   * many events, so holding the head for its last round trip and commit costs little, while
   * numbering after commit would cost every batch a second transaction (a third of all the
   * database's transactions at the end of a fair) and its requests another wait. Its own events
   * have no ticket yet (tickets are given at commit) and are numbered after the committed ones it
   * sees, which is their commit order: whatever commits after this statement waits for the head.
   * The requests then need no {@link #number()}.
   */
  public static Uni<Void> numberBeforeCommit(SqlConnection tx, long fairId) {
    return tx.preparedQuery("select number_fair_events($1)")
        .execute(Tuple.of(fairId))
        .replaceWithVoid();
  }

  @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return stopping ? Uni.createFrom().voidItem() : number();
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  private record Waiter(Context context, CompletableFuture<Void> done) {}
}
