package pl.gielda.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Group commit: writes that arrive while earlier ones are in the database go together, in one
 * transaction.
 *
 * <p>At the end of a fair hundreds of phones sign at once. One transaction per signature costs the
 * database a BEGIN, a COMMIT (with its WAL flush), and a wake-up per statement, and the app a
 * connection and five round trips; on two shared cores that overhead was more than half of the CPU
 * a signature cost. Here a write is sent at once when its lane has a free place (so a quiet fair
 * waits for nothing), and otherwise waits for the next batch of its lane: the busier the fair, the
 * bigger the batches, the fewer transactions per write. Each item still gets its own outcome; the
 * batch function decides per item and must not let one item's refusal fail the others.
 *
 * <p>Lanes (a fair, say) never share a batch and each runs at most {@code inFlight} batches at
 * once. Items with the same exclusive key (one idempotency key) never share a batch: the second
 * waits for the next one and then sees the first one's stored answer. If a whole batch fails (lost
 * connection, a deadlock, a bug), every item fails with {@link BatchFailed}, and nothing of the
 * batch was committed: callers run such items again on their own.
 *
 * <p>Each item's outcome is delivered on the Vert.x context it was submitted from, so the request
 * goes on with its own context locals.
 *
 * @param <I> what is written
 * @param <R> each item's outcome
 */
public final class GroupCommit<I, R> {

  private static final Logger LOG = Logger.getLogger(GroupCommit.class);

  /** The batch failed as a whole and nothing of it was committed: the item may run again alone. */
  public static final class BatchFailed extends RuntimeException {
    public BatchFailed(Throwable cause) {
      super("The batch failed as a whole: " + cause, cause, false, false);
    }
  }

  private record Waiting<I, R>(
      I item, Object exclusive, Context context, CompletableFuture<R> done) {

    void deliver(R result, Throwable failure) {
      Runnable complete =
          () -> {
            if (failure == null) {
              done.complete(result);
            } else {
              done.completeExceptionally(failure);
            }
          };
      if (context == null) {
        complete.run();
      } else {
        context.runOnContext(v -> complete.run());
      }
    }
  }

  private static final class Lane<I, R> {
    int running;
    final ArrayDeque<Waiting<I, R>> queue = new ArrayDeque<>();
  }

  private final int maxBatch;
  private final int inFlight;
  private final Function<I, Object> exclusive;
  private final Function<List<I>, Uni<List<R>>> run;
  private final Map<Object, Lane<I, R>> lanes = new HashMap<>();

  /**
   * @param maxBatch most items in one batch
   * @param inFlight most batches of one lane in the database at once
   * @param exclusive items with equal keys (nulls excepted) never share a batch
   * @param run writes a batch in one transaction; one outcome per item, in the items' order
   */
  public GroupCommit(
      int maxBatch,
      int inFlight,
      Function<I, Object> exclusive,
      Function<List<I>, Uni<List<R>>> run) {
    if (maxBatch < 1 || inFlight < 1) {
      throw new IllegalArgumentException("maxBatch and inFlight: at least 1");
    }
    this.maxBatch = maxBatch;
    this.inFlight = inFlight;
    this.exclusive = exclusive;
    this.run = run;
  }

  /** Writes the item with the next batch of its lane; its outcome, once that batch committed. */
  public Uni<R> submit(Object lane, I item) {
    Objects.requireNonNull(lane, "lane");
    return Uni.createFrom()
        .deferred(
            () -> {
              Waiting<I, R> w =
                  new Waiting<>(
                      item,
                      exclusive.apply(item),
                      Vertx.currentContext(),
                      new CompletableFuture<>());
              List<Waiting<I, R>> batch;
              synchronized (this) {
                lanes.computeIfAbsent(lane, l -> new Lane<>()).queue.addLast(w);
                batch = next(lane);
              }
              if (batch != null) {
                launch(lane, batch);
              }
              return Uni.createFrom().completionStage(w.done);
            });
  }

  /** The lane's next batch if it may start one now; the caller holds the lock. */
  private List<Waiting<I, R>> next(Object laneKey) {
    Lane<I, R> lane = lanes.get(laneKey);
    if (lane == null || lane.running >= inFlight || lane.queue.isEmpty()) {
      return null;
    }
    List<Waiting<I, R>> batch = new ArrayList<>(Math.min(maxBatch, lane.queue.size()));
    Set<Object> keys = new HashSet<>();
    for (Iterator<Waiting<I, R>> it = lane.queue.iterator();
        it.hasNext() && batch.size() < maxBatch; ) {
      Waiting<I, R> w = it.next();
      if (w.exclusive() == null || keys.add(w.exclusive())) {
        batch.add(w);
        it.remove();
      }
    }
    lane.running++;
    return batch;
  }

  private void launch(Object laneKey, List<Waiting<I, R>> batch) {
    List<I> items = new ArrayList<>(batch.size());
    batch.forEach(w -> items.add(w.item()));
    Uni<List<R>> written;
    try {
      written = run.apply(items);
    } catch (RuntimeException e) {
      written = Uni.createFrom().failure(e);
    }
    written
        .subscribe()
        .with(
            results -> {
              if (results.size() != batch.size()) {
                // Committed, so not a BatchFailed (that would write the items again): a bug.
                IllegalStateException bug = new IllegalStateException("One outcome per item");
                batch.forEach(w -> w.deliver(null, bug));
              } else {
                for (int i = 0; i < batch.size(); i++) {
                  batch.get(i).deliver(results.get(i), null);
                }
              }
              finished(laneKey);
            },
            failure -> {
              // Rare, and each item then waits for its own transaction: worth a line in the log.
              LOG.warnf(
                  "A batch of %d failed as a whole and is written again one by one: %s",
                  batch.size(), failure.toString());
              BatchFailed failed = new BatchFailed(failure);
              batch.forEach(w -> w.deliver(null, failed));
              finished(laneKey);
            });
  }

  private void finished(Object laneKey) {
    List<Waiting<I, R>> batch;
    synchronized (this) {
      Lane<I, R> lane = lanes.get(laneKey);
      lane.running--;
      batch = next(laneKey);
      if (batch == null && lane.running == 0 && lane.queue.isEmpty()) {
        lanes.remove(laneKey);
      }
    }
    if (batch != null) {
      launch(laneKey, batch);
    }
  }
}
