package pl.gielda.matching.engine;

import java.util.Arrays;

/** Local search for deal packing: a better plan to beat lets the exact search prune far more. */
final class PlanImprover {

  private static final double EPS = 1e-9;

  private PlanImprover() {}

  /**
   * Improves a plan by exchanges until none helps: put in a deal not in the plan, take out the
   * plan's deals that share a post with it, and fill the freed posts greedily (heaviest deal
   * first); keep the exchange if the plan's total grows. A better plan to beat lets the exact
   * search prune far more.
   */
  static PartialPlan improve(PackingProblem problem, PartialPlan start) {
    int[][] posts = problem.posts;
    double[] weight = problem.weight;
    int postCount = problem.postCount;
    int n = weight.length;
    int[] owner = new int[postCount];
    Arrays.fill(owner, -1);
    boolean[] in = new boolean[n];
    for (PartialPlan.Node x = start.chosen(); x != null; x = x.next()) {
      in[x.candidate()] = true;
      for (int p : posts[x.candidate()]) {
        owner[p] = x.candidate();
      }
    }
    // Deals by post, to find the ones a freed post makes possible.
    int[][] byPost = new int[postCount][];
    int[] deg = new int[postCount];
    for (int[] ps : posts) {
      for (int p : ps) {
        deg[p]++;
      }
    }
    for (int p = 0; p < postCount; p++) {
      byPost[p] = new int[deg[p]];
      deg[p] = 0;
    }
    for (int c = 0; c < n; c++) {
      for (int p : posts[c]) {
        byPost[p][deg[p]++] = c; // ascending c: heaviest first
      }
    }
    int[] removed = new int[n];
    int[] added = new int[n];
    boolean improved = true;
    for (int round = 0; improved && round < 50; round++) {
      improved = false;
      for (int c = 0; c < n; c++) {
        if (in[c]) {
          continue;
        }
        // Try: c in, its conflicts out, then refill.
        int nr = 0;
        double gain = weight[c];
        for (int p : posts[c]) {
          int o = owner[p];
          if (o >= 0 && in[o]) {
            in[o] = false;
            removed[nr++] = o;
            gain -= weight[o];
          }
        }
        for (int i = 0; i < nr; i++) {
          for (int p : posts[removed[i]]) {
            owner[p] = -1;
          }
        }
        in[c] = true;
        for (int p : posts[c]) {
          owner[p] = c;
        }
        int na = 0;
        for (int i = 0; i < nr; i++) {
          for (int p : posts[removed[i]]) {
            for (int d : byPost[p]) {
              if (!in[d] && fits(posts[d], owner)) {
                in[d] = true;
                for (int q : posts[d]) {
                  owner[q] = d;
                }
                added[na++] = d;
                gain += weight[d];
              }
            }
          }
        }
        if (gain > EPS) {
          improved = true;
          continue;
        }
        // Undo.
        for (int i = 0; i < na; i++) {
          in[added[i]] = false;
          for (int q : posts[added[i]]) {
            owner[q] = -1;
          }
        }
        in[c] = false;
        for (int p : posts[c]) {
          owner[p] = -1;
        }
        for (int i = 0; i < nr; i++) {
          in[removed[i]] = true;
          for (int p : posts[removed[i]]) {
            owner[p] = removed[i];
          }
        }
      }
    }
    PartialPlan out = PartialPlan.EMPTY;
    for (int c = n - 1; c >= 0; c--) {
      if (in[c]) {
        out = out.plus(c, weight[c]);
      }
    }
    return out.value() > start.value() ? out : start;
  }

  private static boolean fits(int[] posts, int[] owner) {
    for (int p : posts) {
      if (owner[p] >= 0) {
        return false;
      }
    }
    return true;
  }
}
