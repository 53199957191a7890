package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact weighted set packing for deals: given candidate deals (swaps and cycles), each using a set
 * of posts and worth a weight, choose deals with pairwise disjoint posts maximising the total
 * weight.
 *
 * <p>Candidates are split into independent components (deals that share no post, directly or
 * transitively, never interact); each component is solved by depth-first branch and bound. The
 * bound gives every post the best "weight per post" share of any still-possible deal containing it;
 * it is admissible because a chosen deal's weight equals the sum of its posts' shares. A greedy
 * solution seeds the incumbent. A node budget per component guards against pathological inputs;
 * when it is exhausted the best solution found so far is kept and the result is marked as not
 * proven optimal.
 */
final class DealOptimizer {

  /** A candidate deal: the posts it uses and its value. {@code payload} is returned as chosen. */
  record Candidate<T>(List<String> posts, double weight, T payload) {}

  record Result<T>(List<T> chosen, double total, boolean provenOptimal) {}

  static final long DEFAULT_NODE_BUDGET = 5_000_000;

  private final long nodeBudget;

  DealOptimizer() {
    this(DEFAULT_NODE_BUDGET);
  }

  DealOptimizer(long nodeBudget) {
    this.nodeBudget = nodeBudget;
  }

  <T> Result<T> solve(List<Candidate<T>> candidates) {
    Map<String, Integer> postIndex = new HashMap<>();
    List<int[]> postsOf = new ArrayList<>();
    for (Candidate<T> c : candidates) {
      int[] ps =
          c.posts().stream()
              .distinct()
              .mapToInt(p -> postIndex.computeIfAbsent(p, k -> postIndex.size()))
              .toArray();
      postsOf.add(ps);
    }
    int[] parent = new int[postIndex.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int[] ps : postsOf) {
      for (int k = 1; k < ps.length; k++) {
        union(parent, ps[0], ps[k]);
      }
    }
    Map<Integer, List<Integer>> components = new HashMap<>();
    for (int c = 0; c < candidates.size(); c++) {
      if (candidates.get(c).weight() <= 0 || postsOf.get(c).length == 0) {
        continue;
      }
      components.computeIfAbsent(find(parent, postsOf.get(c)[0]), k -> new ArrayList<>()).add(c);
    }
    List<T> chosen = new ArrayList<>();
    double total = 0;
    boolean optimal = true;
    List<List<Integer>> ordered = new ArrayList<>(components.values());
    ordered.sort(Comparator.comparingInt(l -> l.get(0)));
    for (List<Integer> comp : ordered) {
      Component solver = new Component(comp, candidates, postsOf);
      solver.run();
      optimal &= solver.complete;
      for (int local : solver.best) {
        chosen.add(candidates.get(comp.get(local)).payload());
        total += candidates.get(comp.get(local)).weight();
      }
    }
    return new Result<>(chosen, total, optimal);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[ra] = rb;
    }
  }

  /** Branch and bound over one component. */
  private final class Component {
    final int n;
    final int[][] posts;
    final double[] weight;
    final double[] share;
    final int m;
    final int[] usedBy;
    final double[] bestShare;
    int[] best = new int[0];
    double bestValue = 0;
    final int[] stack;
    int depth = 0;
    long nodes = 0;
    boolean complete = true;

    <T> Component(List<Integer> comp, List<Candidate<T>> all, List<int[]> postsOfAll) {
      Integer[] order = comp.toArray(new Integer[0]);
      Arrays.sort(
          order,
          (a, b) -> {
            int c = Double.compare(all.get(b).weight(), all.get(a).weight());
            return c != 0 ? c : Integer.compare(a, b);
          });
      // Map back to positions in comp so that best[] holds indexes into comp.
      Map<Integer, Integer> pos = new HashMap<>();
      for (int i = 0; i < comp.size(); i++) {
        pos.put(comp.get(i), i);
      }
      n = order.length;
      posts = new int[n][];
      weight = new double[n];
      share = new double[n];
      localToComp = new int[n];
      Map<Integer, Integer> localPost = new HashMap<>();
      for (int i = 0; i < n; i++) {
        int[] ps = postsOfAll.get(order[i]);
        posts[i] = new int[ps.length];
        for (int k = 0; k < ps.length; k++) {
          posts[i][k] = localPost.computeIfAbsent(ps[k], x -> localPost.size());
        }
        weight[i] = all.get(order[i]).weight();
        share[i] = weight[i] / ps.length;
        localToComp[i] = pos.get(order[i]);
      }
      m = localPost.size();
      usedBy = new int[m];
      Arrays.fill(usedBy, -1);
      bestShare = new double[m];
      stack = new int[n];
    }

    final int[] localToComp;

    void run() {
      greedy();
      branch(0, 0);
      int[] mapped = new int[best.length];
      for (int i = 0; i < best.length; i++) {
        mapped[i] = localToComp[best[i]];
      }
      best = mapped;
    }

    private boolean free(int c) {
      for (int p : posts[c]) {
        if (usedBy[p] >= 0) {
          return false;
        }
      }
      return true;
    }

    private void take(int c, int value) {
      for (int p : posts[c]) {
        usedBy[p] = value;
      }
    }

    private void greedy() {
      List<Integer> chosen = new ArrayList<>();
      double total = 0;
      for (int c = 0; c < n; c++) {
        if (free(c)) {
          take(c, c);
          chosen.add(c);
          total += weight[c];
        }
      }
      for (int c : chosen) {
        take(c, -1);
      }
      best = chosen.stream().mapToInt(Integer::intValue).toArray();
      bestValue = total;
    }

    private double bound(int from) {
      Arrays.fill(bestShare, 0);
      for (int c = from; c < n; c++) {
        if (free(c)) {
          for (int p : posts[c]) {
            if (share[c] > bestShare[p]) {
              bestShare[p] = share[c];
            }
          }
        }
      }
      double b = 0;
      for (double s : bestShare) {
        b += s;
      }
      return b;
    }

    private void branch(int from, double value) {
      if (++nodes > nodeBudget) {
        complete = false;
        return;
      }
      int c = from;
      while (c < n && !free(c)) {
        c++;
      }
      if (c == n) {
        if (value > bestValue + 1e-12) {
          bestValue = value;
          best = Arrays.copyOf(stack, depth);
        }
        return;
      }
      if (value + bound(c) <= bestValue + 1e-12) {
        return;
      }
      take(c, c);
      stack[depth++] = c;
      branch(c + 1, value + weight[c]);
      depth--;
      take(c, -1);
      if (!complete) {
        return;
      }
      branch(c + 1, value);
    }
  }
}
