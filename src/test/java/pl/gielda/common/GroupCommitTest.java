package pl.gielda.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pl.gielda.common.db.GroupCommit;

class GroupCommitTest {

  /** Batches as the database received them; each finishes when its future is completed. */
  private final List<List<String>> batches = new ArrayList<>();

  private final List<CompletableFuture<List<String>>> commits = new ArrayList<>();

  private final GroupCommit<String, String> group =
      new GroupCommit<>(
          3,
          1,
          item -> item.startsWith("key:") ? item : null,
          items -> {
            batches.add(List.copyOf(items));
            CompletableFuture<List<String>> commit = new CompletableFuture<>();
            commits.add(commit);
            return Uni.createFrom().completionStage(commit);
          });

  private AtomicReference<Object> submit(Object lane, String item) {
    AtomicReference<Object> outcome = new AtomicReference<>();
    group.submit(lane, item).subscribe().with(outcome::set, outcome::set);
    return outcome;
  }

  private void commit(int batch) {
    commits.get(batch).complete(batches.get(batch).stream().map(i -> "done " + i).toList());
  }

  @Test
  void aWriteOnAQuietLaneGoesAtOnceAndTheOnesArrivingMeanwhileGoTogetherNext() {
    var first = submit(1, "a");
    assertThat(batches).containsExactly(List.of("a"));

    var b = submit(1, "b");
    var c = submit(1, "c");
    var d = submit(1, "d");
    var e = submit(1, "e");
    assertThat(batches).as("one batch in flight per lane").hasSize(1);

    commit(0);
    assertThat(first.get()).isEqualTo("done a");
    assertThat(batches.get(1)).as("at most three per batch").containsExactly("b", "c", "d");

    commit(1);
    assertThat(List.of(b.get(), c.get(), d.get())).containsExactly("done b", "done c", "done d");
    assertThat(batches.get(2)).containsExactly("e");
    assertThat(e.get()).as("not answered before its own batch committed").isNull();
    commit(2);
    assertThat(e.get()).isEqualTo("done e");
  }

  @Test
  void twoWritesWithOneKeyNeverShareABatch() {
    submit(1, "x");
    submit(1, "key:1");
    submit(1, "key:1");
    submit(1, "y");

    commit(0);
    assertThat(batches.get(1)).containsExactly("key:1", "y");
    commit(1);
    assertThat(batches.get(2)).containsExactly("key:1");
  }

  @Test
  void lanesDoNotShareBatchesNorWaitForEachOther() {
    submit(1, "a");
    submit(2, "b");
    submit(1, "c");

    assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    commit(0);
    assertThat(batches.get(2)).containsExactly("c");
  }

  @Test
  void whenABatchFailsAsAWholeEveryWriteOfItIsToldSoAndTheLaneGoesOn() {
    submit(1, "a");
    var b = submit(1, "b");
    var c = submit(1, "c");

    commit(0);
    commits.get(1).completeExceptionally(new IllegalStateException("deadlock detected"));

    assertThat(b.get()).isInstanceOf(GroupCommit.BatchFailed.class);
    assertThat(c.get()).isInstanceOf(GroupCommit.BatchFailed.class);
    assertThat(((Throwable) c.get()).getCause()).hasMessage("deadlock detected");
    var d = submit(1, "d");
    assertThat(batches.get(2)).containsExactly("d");
    commit(2);
    assertThat(d.get()).isEqualTo("done d");
  }
}
