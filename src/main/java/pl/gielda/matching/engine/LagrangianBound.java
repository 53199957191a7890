package pl.gielda.matching.engine;

/**
 * Upper bounds for deal packing from the Lagrangian dual of "each post at most once": a price per
 * post such that every deal's posts are together priced at least its weight. Prices are kept
 * between calls, so a branch warm-starts from its parent's prices.
 */
final class LagrangianBound {

  private static final double EPS = 1e-9;
  private static final int BOUND_PASSES = 6;
  private static final int SUBGRADIENT_STEPS = 60;

  private final PackingProblem problem;
  private final double[] price;
  private final double[] load;
  private final int[] mark;
  private int epoch;
  private final int[] count;
  private final int[] start;
  private final int[] distinctPosts;
  private final int[] adjacency;
  private final double[] bestPrice;
  private final double[] grad;

  LagrangianBound(PackingProblem problem) {
    this.problem = problem;
    int m = problem.postCount;
    price = new double[m];
    mark = new int[m];
    count = new int[m];
    start = new int[m];
    distinctPosts = new int[m];
    bestPrice = new double[m];
    grad = new double[m];
    int slots = 0;
    for (int[] ps : problem.posts) {
      slots += ps.length;
    }
    adjacency = new int[slots];
    load = new double[problem.size()];
  }

  /** A deal's weight less the current prices of its posts: how much the LP still wants it. */
  double reducedCost(int c) {
    double r = problem.weight[c];
    for (int p : problem.posts[c]) {
      r -= price[p];
    }
    return r;
  }

  /**
   * Upper bound from Lagrangian relaxation of the "each post at most once" constraints: with a
   * price λ_p ≥ 0 per post, Σ λ_p + Σ_deals max(0, w − Σ_{p∈deal} λ_p) bounds the optimum for any
   * prices (weak duality). Prices are improved by exact coordinate descent (the best λ_p is the
   * second largest residual w − Σ_{q≠p} λ_q among deals using p), warm-started from the prices of
   * the previous node.
   */
  /**
   * The bound for {@code set}; {@code need} is the value the caller must beat (negative if none):
   * the search for better prices stops as soon as the bound drops to it.
   */
  double bound(int[] set, double need) {
    epoch++;
    int distinct = 0;
    for (int c : set) {
      for (int p : problem.posts[c]) {
        if (mark[p] != epoch) {
          mark[p] = epoch;
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
      for (int p : problem.posts[c]) {
        adjacency[start[p] + count[p]++] = c;
      }
    }
    for (int c : set) {
      load[c] = 0;
      for (int p : problem.posts[c]) {
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
    double target = Math.max(need, problem.greedy(set).value());
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
      double residual = problem.weight[c] - load[c];
      if (residual > 0) {
        b += residual;
        for (int p : problem.posts[c]) {
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
      b += Math.max(0, problem.weight[c] - load[c]);
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
          double residual = problem.weight[c] - (load[c] - price[p]);
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
}
