package pl.gielda.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FairQueueTest {

  private final FairQueue queue = new FairQueue(2);
  private final List<String> started = new ArrayList<>();

  /** Work that starts (is recorded) and then waits until the returned future is completed. */
  private Supplier<Uni<String>> work(String name, CompletableFuture<String> finish) {
    return () -> {
      started.add(name);
      return Uni.createFrom().completionStage(finish);
    };
  }

  @Test
  void runsAtMostItsPermitsPerFairAndTheRestInArrivalOrder() {
    List<CompletableFuture<String>> finish = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      finish.add(new CompletableFuture<>());
      queue.run(1, work("w" + i, finish.get(i))).subscribe().with(x -> {});
    }
    assertThat(started).containsExactly("w0", "w1");

    finish.get(1).complete("done");
    assertThat(started).containsExactly("w0", "w1", "w2");

    finish.get(0).completeExceptionally(new IllegalStateException("failed work frees its place"));
    assertThat(started).containsExactly("w0", "w1", "w2", "w3");
  }

  @Test
  void anotherFairDoesNotWait() {
    queue.run(1, work("a", new CompletableFuture<>())).subscribe().with(x -> {});
    queue.run(1, work("b", new CompletableFuture<>())).subscribe().with(x -> {});
    queue.run(2, work("other fair", new CompletableFuture<>())).subscribe().with(x -> {});

    assertThat(started).containsExactly("a", "b", "other fair");
  }

  @Test
  void aCallerWhoGivesUpWhileWaitingNeitherRunsNorTakesAPlace() {
    CompletableFuture<String> first = new CompletableFuture<>();
    queue.run(1, work("a", first)).subscribe().with(x -> {});
    queue.run(1, work("b", new CompletableFuture<>())).subscribe().with(x -> {});
    Cancellable waiting =
        queue.run(1, work("gave up", new CompletableFuture<>())).subscribe().with(x -> {});
    queue.run(1, work("c", new CompletableFuture<>())).subscribe().with(x -> {});

    waiting.cancel();
    assertThat(started).containsExactly("a", "b");

    first.complete("done");
    assertThat(started).containsExactly("a", "b", "c");
    queue.run(1, work("d", new CompletableFuture<>())).subscribe().with(x -> {});
    assertThat(started).as("two running (b, c): d waits").containsExactly("a", "b", "c");
  }
}
