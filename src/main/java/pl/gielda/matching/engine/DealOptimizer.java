package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact weighted set packing for deals: given candidate deals (swaps and cycles), each using a set
 * of posts and worth a weight, choose deals with pairwise disjoint posts maximising the total
 * weight.
 *
 * <p>Branch and bound: branch on the heaviest remaining deal (take it, dropping every deal that
 * shares a post with it; or drop it). At every node the remaining deals are split into independent
 * components (no shared posts, directly or transitively), each solved on its own, and a branch is
 * cut when an upper bound cannot beat the best solution known. The bound is a feasible solution of
 * the LP dual (a price per post such that every deal's posts are together priced at least its
 * weight): start from each post's best weight-per-post share and lower prices while every deal
 * stays covered. A node budget guards against pathological inputs; if it runs out, the best plan
 * found is returned and marked as not proven optimal.
 *
 * <p>Budgets: a node budget and a wall-clock budget (0.8 s by default) guard against very dense
 * deal graphs; if either runs out, the best plan found is returned, marked as not proven optimal,
 * together with the root upper bound so the remaining gap is known.
 */
final class DealOptimizer {

  /** A candidate deal: the posts it uses and its value. {@code payload} is returned as chosen. */
  record Candidate<T>(List<String> posts, double weight, T payload) {}

  record Result<T>(List<T> chosen, double total, boolean provenOptimal, double upperBound) {}

  static final long DEFAULT_NODE_BUDGET = 5_000_000;

  /** Wall-clock budget of one search; the app calls this live, so it must stay interactive. */
  static final long DEFAULT_TIME_BUDGET_NANOS = 800_000_000L;

  private static final double EPS = 1e-9;

  private final long nodeBudget;
  private final long timeBudgetNanos;
  private long deadline;
  private int[][] posts;
  private double[] weight;
  private double[] price;
  private int[] postMark;
  private int markEpoch = 0;
  private int[] parent;
  private int[] count;
  private int[] start;
  private int[] distinctPosts;
  private int[] adjacency;
  private double[] load;
  private static final int BOUND_PASSES = 6;
  private static final int SUBGRADIENT_STEPS = 60;
  private double[] bestPrice = new double[0];
  private double[] grad = new double[0];
  private long nodes;
  private boolean complete;

  DealOptimizer() {
    this(DEFAULT_NODE_BUDGET, DEFAULT_TIME_BUDGET_NANOS);
  }

  DealOptimizer(long nodeBudget, long timeBudgetNanos) {
    this.nodeBudget = nodeBudget;
    this.timeBudgetNanos = timeBudgetNanos;
  }

  /**
   * A solution of a sub-problem. If {@code exact}, {@code value} is the optimum and {@code chosen}
   * realises it; otherwise the optimum is at most the {@code need} the sub-problem was given.
   */
  private record Sol(double value, Node chosen, boolean exact) {
    static final Sol FAIL = new Sol(Double.NEGATIVE_INFINITY, null, false);

    Sol plus(int c, double w) {
      return new Sol(value + w, new Node(c, chosen), exact);
    }

    Sol join(Sol other) {
      Node n = chosen;
      Node out = other.chosen;
      while (n != null) {
        out = new Node(n.c, out);
        n = n.next;
      }
      return new Sol(value + other.value, out, exact && other.exact);
    }
  }

  private record Node(int c, Node next) {}

  <T> Result<T> solve(List<Candidate<T>> candidates) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (candidates.get(i).weight() > 0 && !candidates.get(i).posts().isEmpty()) {
        keep.add(i);
      }
    }
    // Heaviest first (ties by input order) so that branching takes good deals first.
    keep.sort(
        (a, b) -> {
          int c = Double.compare(candidates.get(b).weight(), candidates.get(a).weight());
          return c != 0 ? c : Integer.compare(a, b);
        });
    int n = keep.size();
    Map<String, Integer> postIndex = new HashMap<>();
    posts = new int[n][];
    weight = new double[n];
    for (int i = 0; i < n; i++) {
      Candidate<T> c = candidates.get(keep.get(i));
      posts[i] =
          c.posts().stream()
              .distinct()
              .mapToInt(p -> postIndex.computeIfAbsent(p, k -> postIndex.size()))
              .toArray();
      weight[i] = c.weight();
    }
    int m = postIndex.size();
    price = new double[m];
    postMark = new int[m];
    parent = new int[m];
    count = new int[m];
    start = new int[m];
    distinctPosts = new int[m];
    int slots = 0;
    for (int[] ps : posts) {
      slots += ps.length;
    }
    adjacency = new int[slots];
    load = new double[n];
    nodes = 0;
    complete = true;
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    deadline = System.nanoTime() + timeBudgetNanos;
    double rootBound = n == 0 ? 0 : bound(all);
    if (Boolean.getBoolean("gielda.matching.debug")) {
      System.err.printf("root bound %.3f over %d candidates, %d posts%n", rootBound, n, m);
    }
    // A good plan first (greedy on Lagrangian reduced costs, or on weights, improved by local
    // search), so that the exact search only has to look for something strictly better and can
    // prune from the start.
    Sol heuristic = n == 0 ? new Sol(0, null, true) : reducedCostGreedy(all);
    Sol plain = greedy(all);
    if (plain.value() > heuristic.value()) {
      heuristic = plain;
    }
    if (n > 0) {
      heuristic = localSearch(heuristic, m);
    }
    Sol found = n == 0 ? Sol.FAIL : solveSet(all, heuristic.value() + EPS);
    Sol best = found.value() > heuristic.value() ? found : heuristic;
    if (Boolean.getBoolean("gielda.matching.debug")) {
      System.err.printf(
          "heuristic %.3f, best %.3f after %d nodes%n", heuristic.value(), best.value(), nodes);
    }
    List<T> chosen = new ArrayList<>();
    double total = 0;
    List<Integer> picked = new ArrayList<>();
    for (Node x = best.chosen(); x != null; x = x.next()) {
      picked.add(x.c());
    }
    picked.sort(null);
    for (int c : picked) {
      chosen.add(candidates.get(keep.get(c)).payload());
      total += weight[c];
    }
    return new Result<>(chosen, total, complete, complete ? total : Math.max(total, rootBound));
  }

  /** The optimum of the set (sorted heaviest first) if it exceeds {@code need}, else FAIL. */
  private Sol solveSet(int[] set, double need) {
    if (set.length == 0) {
      return need < 0 ? new Sol(0, null, true) : Sol.FAIL;
    }
    if (set.length == 1) {
      return weight[set[0]] > need ? new Sol(0, null, true).plus(set[0], weight[set[0]]) : Sol.FAIL;
    }
    List<int[]> comps = components(set);
    if (comps.size() == 1) {
      return solveComponent(set, need);
    }
    double[] bounds = new double[comps.size()];
    double restBound = 0;
    for (int i = 0; i < comps.size(); i++) {
      bounds[i] = bound(comps.get(i), -1);
      restBound += bounds[i];
    }
    if (restBound <= need + EPS) {
      return Sol.FAIL;
    }
    // Independent parts add up. If one part cannot reach what is left of the need given the
    // others' bounds, the whole set cannot beat the need either.
    Sol acc = new Sol(0, null, true);
    for (int i = 0; i < comps.size(); i++) {
      restBound -= bounds[i];
      double partNeed = need - acc.value() - restBound;
      Sol part = solveComponent(comps.get(i), partNeed > 0 ? partNeed : -1);
      if (!part.exact()) {
        return Sol.FAIL;
      }
      acc = acc.join(part);
    }
    return acc.value() > need ? acc : Sol.FAIL;
  }

  private Sol solveComponent(int[] set, double need) {
    if (set.length == 1) {
      return solveSet(set, need);
    }
    if (++nodes > nodeBudget || ((nodes & 255) == 0 && System.nanoTime() > deadline)) {
      nodes = nodeBudget + 1;
      complete = false;
      Sol g = greedy(set);
      return g.value() > need ? g : Sol.FAIL;
    }
    if (bound(set, need) <= need + EPS) {
      return Sol.FAIL;
    }
    int c = set[0];
    // Take c: drop every candidate sharing a post with it.
    markPosts(c);
    int[] rest = Arrays.stream(set, 1, set.length).filter(x -> !sharesMarked(x)).toArray();
    Sol take = solveSet(rest, need - weight[c]);
    take = take.exact() ? take.plus(c, weight[c]) : Sol.FAIL;
    // Leave c out: only interesting if it beats both the need and taking c.
    int[] without = Arrays.copyOfRange(set, 1, set.length);
    Sol leave = solveSet(without, take.exact() ? Math.max(need, take.value()) : need);
    if (leave.exact()) {
      return leave;
    }
    return take;
  }

  /**
   * Improves a plan by exchanges until none helps: put in a deal not in the plan, take out the
   * plan's deals that share a post with it, and fill the freed posts greedily (heaviest deal
   * first); keep the exchange if the plan's total grows. A better plan to beat lets the exact
   * search prune far more.
   */
  private Sol localSearch(Sol start, int postCount) {
    int n = weight.length;
    int[] owner = new int[postCount];
    Arrays.fill(owner, -1);
    boolean[] in = new boolean[n];
    for (Node x = start.chosen(); x != null; x = x.next()) {
      in[x.c()] = true;
      for (int p : posts[x.c()]) {
        owner[p] = x.c();
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
              if (!in[d] && fits(d, owner)) {
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
    Sol out = new Sol(0, null, true);
    for (int c = n - 1; c >= 0; c--) {
      if (in[c]) {
        out = out.plus(c, weight[c]);
      }
    }
    return out.value() > start.value() ? out : start;
  }

  private boolean fits(int c, int[] owner) {
    for (int p : posts[c]) {
      if (owner[p] >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Greedy by reduced cost w − Σ price (prices of the last bound), which follows the LP. */
  private Sol reducedCostGreedy(int[] set) {
    Integer[] order = new Integer[set.length];
    double[] reduced = new double[weight.length];
    for (int i = 0; i < set.length; i++) {
      int c = set[i];
      order[i] = c;
      reduced[c] = weight[c];
      for (int p : posts[c]) {
        reduced[c] -= price[p];
      }
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int x = Double.compare(reduced[b], reduced[a]);
          return x != 0 ? x : Double.compare(weight[b], weight[a]);
        });
    int[] sorted = new int[set.length];
    for (int i = 0; i < set.length; i++) {
      sorted[i] = order[i];
    }
    return greedy(sorted);
  }

  private Sol greedy(int[] set) {
    markEpoch++;
    Sol s = new Sol(0, null, true);
    for (int c : set) {
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

  private void markPosts(int c) {
    markEpoch++;
    for (int p : posts[c]) {
      postMark[p] = markEpoch;
    }
  }

  private boolean sharesMarked(int c) {
    for (int p : posts[c]) {
      if (postMark[p] == markEpoch) {
        return true;
      }
    }
    return false;
  }

  /**
   * Upper bound from Lagrangian relaxation of the "each post at most once" constraints: with a
   * price λ_p ≥ 0 per post, Σ λ_p + Σ_deals max(0, w − Σ_{p∈deal} λ_p) bounds the optimum for any
   * prices (weak duality). Prices are improved by exact coordinate descent (the best λ_p is the
   * second largest residual w − Σ_{q≠p} λ_q among deals using p), warm-started from the prices of
   * the previous node.
   */
  private double bound(int[] set) {
    return bound(set, -1);
  }

  /**
   * The bound for {@code set}; {@code need} is the value the caller must beat (negative if none):
   * the search for better prices stops as soon as the bound drops to it.
   */
  private double bound(int[] set, double need) {
    markEpoch++;
    int distinct = 0;
    for (int c : set) {
      for (int p : posts[c]) {
        if (postMark[p] != markEpoch) {
          postMark[p] = markEpoch;
          count[p] = 0;
          distinctPosts[distinct++] = p;
        }
        count[p]++;
      }
    }
    int offset = 0;
    for (int i = 0; i < distinct; i++) {
      int p = distinctPosts[i];
      start[p] = offset;
      offset += count[p];
      count[p] = 0;
    }
    for (int c : set) {
      for (int p : posts[c]) {
        adjacency[start[p] + count[p]++] = c;
      }
    }
    for (int c : set) {
      load[c] = 0;
      for (int p : posts[c]) {
        load[c] += price[p];
      }
    }
    coordinateDescent(distinct, BOUND_PASSES);
    double best = dualValue(set, distinct);
    if (best <= need + EPS) {
      return best;
    }
    // Coordinate descent stalls at kinks of the dual; subgradient steps (Polyak step towards the
    // value to beat, or towards a greedy plan's value) move past them and approach the LP bound.
    double target = Math.max(need, greedy(set).value());
    if (bestPrice.length < price.length) {
      bestPrice = new double[price.length];
      grad = new double[price.length];
    }
    for (int i = 0; i < distinct; i++) {
      bestPrice[distinctPosts[i]] = price[distinctPosts[i]];
    }
    double theta = 1.0;
    int sinceImproved = 0;
    // The dual value at the current prices (nothing changed them since "best") and its
    // subgradient, computed together in one pass over the deals.
    double current = dualValueAndGradient(set, distinct);
    for (int it = 0; it < SUBGRADIENT_STEPS && best > need + EPS; it++) {
      double norm2 = 0;
      for (int i = 0; i < distinct; i++) {
        int p = distinctPosts[i];
        if (price[p] <= 0 && grad[p] > 0) {
          grad[p] = 0; // projected: the price cannot go below zero
        }
        norm2 += grad[p] * grad[p];
      }
      if (norm2 == 0) {
        break;
      }
      double step = theta * Math.max(current - target, 0.01 * current) / norm2;
      for (int i = 0; i < distinct; i++) {
        int p = distinctPosts[i];
        double np = Math.max(0, price[p] - step * grad[p]);
        double delta = np - price[p];
        if (delta != 0) {
          price[p] = np;
          for (int k = start[p]; k < start[p] + count[p]; k++) {
            load[adjacency[k]] += delta;
          }
        }
      }
      double v = dualValueAndGradient(set, distinct);
      current = v;
      if (v < best - EPS) {
        best = v;
        sinceImproved = 0;
        for (int i = 0; i < distinct; i++) {
          bestPrice[distinctPosts[i]] = price[distinctPosts[i]];
        }
      } else if (++sinceImproved >= 5) {
        theta /= 2;
        sinceImproved = 0;
      }
    }
    // Back to the best prices, polished by a pass of coordinate descent (which never increases
    // the bound).
    for (int i = 0; i < distinct; i++) {
      int p = distinctPosts[i];
      double delta = bestPrice[p] - price[p];
      if (delta != 0) {
        price[p] = bestPrice[p];
        for (int k = start[p]; k < start[p] + count[p]; k++) {
          load[adjacency[k]] += delta;
        }
      }
    }
    coordinateDescent(distinct, 2);
    return Math.min(best, dualValue(set, distinct));
  }

  /**
   * {@link #dualValue}, and into {@code grad} its subgradient with respect to the prices: 1 per
   * post, less 1 for every deal with a positive residual using it.
   */
  private double dualValueAndGradient(int[] set, int distinct) {
    double b = 0;
    for (int i = 0; i < distinct; i++) {
      b += price[distinctPosts[i]];
      grad[distinctPosts[i]] = 1;
    }
    for (int c : set) {
      double residual = weight[c] - load[c];
      if (residual > 0) {
        b += residual;
        for (int p : posts[c]) {
          grad[p] -= 1;
        }
      }
    }
    return b;
  }

  private double dualValue(int[] set, int distinct) {
    double b = 0;
    for (int i = 0; i < distinct; i++) {
      b += price[distinctPosts[i]];
    }
    for (int c : set) {
      b += Math.max(0, weight[c] - load[c]);
    }
    return b;
  }

  /** Exact coordinate descent: the best λ_p is the second largest residual among deals using p. */
  private void coordinateDescent(int distinct, int passes) {
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < distinct; i++) {
        int p = distinctPosts[i];
        double first = 0;
        double second = 0;
        for (int k = start[p]; k < start[p] + count[p]; k++) {
          int c = adjacency[k];
          double residual = weight[c] - (load[c] - price[p]);
          if (residual > first) {
            second = first;
            first = residual;
          } else if (residual > second) {
            second = residual;
          }
        }
        double delta = second - price[p];
        if (delta != 0) {
          price[p] = second;
          for (int k = start[p]; k < start[p] + count[p]; k++) {
            load[adjacency[k]] += delta;
          }
        }
      }
    }
  }

  private List<int[]> components(int[] set) {
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
