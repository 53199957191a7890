package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Weighted set packing in integers: candidate {@code c} uses posts {@code posts[c]} and is worth
 * {@code weight[c]}; candidates are numbered heaviest first. Holds the scratch marks shared by the
 * greedy fill, branching and the split into independent components.
 */
final class PackingProblem {

  final int[][] posts;
  final double[] weight;
  final int postCount;
  private final int[] postMark;
  private int markEpoch;
  private final int[] parent;

  PackingProblem(int[][] posts, double[] weight, int postCount) {
    this.posts = posts;
    this.weight = weight;
    this.postCount = postCount;
    this.postMark = new int[postCount];
    this.parent = new int[postCount];
  }

  int size() {
    return weight.length;
  }

  /** Takes candidates in the given order whenever their posts are still free. */
  PartialPlan greedy(int[] order) {
    markEpoch++;
    PartialPlan s = PartialPlan.EMPTY;
    for (int c : order) {
      boolean free = true;
      for (int p : posts[c]) {
        free &= postMark[p] != markEpoch;
      }
      if (free) {
        for (int p : posts[c]) {
          postMark[p] = markEpoch;
        }
        s = s.plus(c, weight[c]);
      }
    }
    return s;
  }

  /** The candidates of {@code set} after the first that share no post with it. */
  int[] compatibleWithFirst(int[] set) {
    markEpoch++;
    for (int p : posts[set[0]]) {
      postMark[p] = markEpoch;
    }
    int[] out = new int[set.length - 1];
    int n = 0;
    for (int i = 1; i < set.length; i++) {
      if (!sharesMarked(set[i])) {
        out[n++] = set[i];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private boolean sharesMarked(int c) {
    for (int p : posts[c]) {
      if (postMark[p] == markEpoch) {
        return true;
      }
    }
    return false;
  }

  /** Splits {@code set} into groups that share no post, directly or transitively (order kept). */
  List<int[]> components(int[] set) {
    for (int c : set) {
      for (int p : posts[c]) {
        parent[p] = p;
      }
    }
    for (int c : set) {
      for (int k = 1; k < posts[c].length; k++) {
        union(posts[c][0], posts[c][k]);
      }
    }
    Map<Integer, List<Integer>> groups = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (int c : set) {
      int root = find(posts[c][0]);
      List<Integer> g = groups.get(root);
      if (g == null) {
        g = new ArrayList<>();
        groups.put(root, g);
        order.add(root);
      }
      g.add(c);
    }
    List<int[]> out = new ArrayList<>(order.size());
    for (int root : order) {
      out.add(groups.get(root).stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  private int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra != rb) {
      parent[ra] = rb;
    }
  }
}
