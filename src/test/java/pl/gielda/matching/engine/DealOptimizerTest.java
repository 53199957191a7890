package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DealOptimizerTest {

  private static DealOptimizer.Candidate<String> deal(String name, double weight, String... posts) {
    return new DealOptimizer.Candidate<>(List.of(posts), weight, name);
  }

  @Test
  void optimiserPrefersTwoSwapsOverOneCycleWhenBetter() {
    // The cycle alone (2.7) beats either swap, but both swaps together (1.6 + 1.5) beat it.
    List<DealOptimizer.Candidate<String>> c =
        List.of(
            deal("cycle", 2.7, "a1", "b1", "b2", "c1", "c2", "a2"),
            deal("swapAB", 1.6, "a1", "b1", "b3", "a3"),
            deal("swapBC", 1.5, "b2", "c1", "c3", "b4"));
    DealOptimizer.Result<String> r = new DealOptimizer().solve(c);
    assertThat(r.chosen()).containsExactlyInAnyOrder("swapAB", "swapBC");
    assertThat(r.total()).isCloseTo(3.1, within(1e-9));
    assertThat(r.provenOptimal()).isTrue();
  }

  @Test
  void optimiserPrefersOneCycleOverTwoSwapsWhenBetter() {
    List<DealOptimizer.Candidate<String>> c =
        List.of(
            deal("cycle", 2.7, "a1", "b1", "b2", "c1", "c2", "a2"),
            deal("swapAB", 1.2, "a1", "b1", "b3", "a3"),
            deal("swapBC", 1.1, "b2", "c1", "c3", "b4"));
    assertThat(new DealOptimizer().solve(c).chosen()).containsExactly("cycle");
  }

  @Test
  void optimiserIsNotGreedy() {
    // Greedy takes the heaviest deal (1.9) and blocks two deals worth 2.0 together.
    List<DealOptimizer.Candidate<String>> c =
        List.of(
            deal("heavy", 1.9, "p1", "p2", "p3", "p4"),
            deal("left", 1.0, "p1", "p2", "x1", "x2"),
            deal("right", 1.0, "p3", "p4", "y1", "y2"));
    assertThat(new DealOptimizer().solve(c).chosen()).containsExactlyInAnyOrder("left", "right");
  }

  @Test
  void optimiserMatchesExhaustiveSearchOnRandomSmallGraphs() {
    Random rnd = new Random(3);
    for (int round = 0; round < 200; round++) {
      int posts = 6 + rnd.nextInt(10);
      int deals = 1 + rnd.nextInt(14);
      List<DealOptimizer.Candidate<Integer>> c = new ArrayList<>();
      for (int d = 0; d < deals; d++) {
        int size = rnd.nextBoolean() ? 4 : 6;
        List<String> ps = new ArrayList<>();
        while (ps.size() < size) {
          String p = "p" + rnd.nextInt(posts + 6);
          if (!ps.contains(p)) {
            ps.add(p);
          }
        }
        c.add(new DealOptimizer.Candidate<>(ps, 0.5 + rnd.nextDouble() * 2, d));
      }
      DealOptimizer.Result<Integer> r = new DealOptimizer().solve(c);
      assertThat(r.total()).isCloseTo(bruteForce(c), within(1e-9));
      assertThat(r.provenOptimal()).isTrue();
      List<String> used = new ArrayList<>();
      for (int d : r.chosen()) {
        for (String p : c.get(d).posts()) {
          assertThat(used).doesNotContain(p);
          used.add(p);
        }
      }
    }
  }

  private static double bruteForce(List<DealOptimizer.Candidate<Integer>> c) {
    double best = 0;
    for (int mask = 0; mask < (1 << c.size()); mask++) {
      List<String> used = new ArrayList<>();
      double total = 0;
      boolean ok = true;
      for (int i = 0; i < c.size() && ok; i++) {
        if ((mask & (1 << i)) != 0) {
          for (String p : c.get(i).posts()) {
            ok &= !used.contains(p);
            used.add(p);
          }
          total += c.get(i).weight();
        }
      }
      if (ok) {
        best = Math.max(best, total);
      }
    }
    return best;
  }
}
