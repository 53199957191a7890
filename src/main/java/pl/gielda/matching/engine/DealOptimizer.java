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
 * components ({@link PackingProblem#components}), each solved on its own, and a branch is cut when
 * the {@link LagrangianBound} cannot beat the best solution known. The search starts from a good
 * plan (greedy on reduced costs or weights, improved by {@link PlanImprover}) so it can prune from
 * the start.
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
  private long nodes;
  private boolean complete;
  private PackingProblem problem;
  private LagrangianBound bound;

  DealOptimizer() {
    this(DEFAULT_NODE_BUDGET, DEFAULT_TIME_BUDGET_NANOS);
  }

  DealOptimizer(long nodeBudget, long timeBudgetNanos) {
    this.nodeBudget = nodeBudget;
    this.timeBudgetNanos = timeBudgetNanos;
  }

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
    int[][] posts = new int[n][];
    double[] weight = new double[n];
    for (int i = 0; i < n; i++) {
      Candidate<T> c = candidates.get(keep.get(i));
      posts[i] =
          c.posts().stream()
              .distinct()
              .mapToInt(p -> postIndex.computeIfAbsent(p, k -> postIndex.size()))
              .toArray();
      weight[i] = c.weight();
    }
    problem = new PackingProblem(posts, weight, postIndex.size());
    bound = new LagrangianBound(problem);
    nodes = 0;
    complete = true;
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    deadline = System.nanoTime() + timeBudgetNanos;
    double rootBound = n == 0 ? 0 : bound.bound(all, -1);
    PartialPlan best = PartialPlan.EMPTY;
    if (n > 0) {
      PartialPlan heuristic = reducedCostGreedy(all);
      PartialPlan plain = problem.greedy(all);
      if (plain.value() > heuristic.value()) {
        heuristic = plain;
      }
      heuristic = PlanImprover.improve(problem, heuristic);
      PartialPlan found = solveSet(all, heuristic.value() + EPS);
      best = found.value() > heuristic.value() ? found : heuristic;
    }
    List<Integer> picked = new ArrayList<>();
    for (PartialPlan.Node x = best.chosen(); x != null; x = x.next()) {
      picked.add(x.candidate());
    }
    picked.sort(null);
    List<T> chosen = new ArrayList<>();
    double total = 0;
    for (int c : picked) {
      chosen.add(candidates.get(keep.get(c)).payload());
      total += weight[c];
    }
    return new Result<>(chosen, total, complete, complete ? total : Math.max(total, rootBound));
  }

  /** The optimum of the set (sorted heaviest first) if it exceeds {@code need}, else FAIL. */
  private PartialPlan solveSet(int[] set, double need) {
    if (set.length == 0) {
      return need < 0 ? PartialPlan.EMPTY : PartialPlan.FAIL;
    }
    double[] weight = problem.weight;
    if (set.length == 1) {
      return weight[set[0]] > need
          ? PartialPlan.EMPTY.plus(set[0], weight[set[0]])
          : PartialPlan.FAIL;
    }
    List<int[]> comps = problem.components(set);
    if (comps.size() == 1) {
      return solveComponent(set, need);
    }
    double[] bounds = new double[comps.size()];
    double restBound = 0;
    for (int i = 0; i < comps.size(); i++) {
      bounds[i] = bound.bound(comps.get(i), -1);
      restBound += bounds[i];
    }
    if (restBound <= need + EPS) {
      return PartialPlan.FAIL;
    }
    // Independent parts add up. If one part cannot reach what is left of the need given the
    // others' bounds, the whole set cannot beat the need either.
    PartialPlan acc = PartialPlan.EMPTY;
    for (int i = 0; i < comps.size(); i++) {
      restBound -= bounds[i];
      double partNeed = need - acc.value() - restBound;
      PartialPlan part = solveComponent(comps.get(i), partNeed > 0 ? partNeed : -1);
      if (!part.exact()) {
        return PartialPlan.FAIL;
      }
      acc = acc.join(part);
    }
    return acc.value() > need ? acc : PartialPlan.FAIL;
  }

  private PartialPlan solveComponent(int[] set, double need) {
    if (set.length == 1) {
      return solveSet(set, need);
    }
    if (++nodes > nodeBudget || ((nodes & 255) == 0 && System.nanoTime() > deadline)) {
      nodes = nodeBudget + 1;
      complete = false;
      PartialPlan g = problem.greedy(set);
      return g.value() > need ? g : PartialPlan.FAIL;
    }
    if (bound.bound(set, need) <= need + EPS) {
      return PartialPlan.FAIL;
    }
    int c = set[0];
    double w = problem.weight[c];
    // Take c: drop every candidate sharing a post with it.
    PartialPlan take = solveSet(problem.compatibleWithFirst(set), need - w);
    take = take.exact() ? take.plus(c, w) : PartialPlan.FAIL;
    // Leave c out: only interesting if it beats both the need and taking c.
    int[] without = Arrays.copyOfRange(set, 1, set.length);
    PartialPlan leave = solveSet(without, take.exact() ? Math.max(need, take.value()) : need);
    return leave.exact() ? leave : take;
  }

  /** Greedy by reduced cost w − Σ price (prices of the last bound), which follows the LP. */
  private PartialPlan reducedCostGreedy(int[] set) {
    Integer[] order = new Integer[set.length];
    double[] reduced = new double[problem.size()];
    for (int i = 0; i < set.length; i++) {
      order[i] = set[i];
      reduced[set[i]] = bound.reducedCost(set[i]);
    }
    double[] weight = problem.weight;
    Arrays.sort(
        order,
        (a, b) -> {
          int x = Double.compare(reduced[b], reduced[a]);
          return x != 0 ? x : Double.compare(weight[b], weight[a]);
        });
    return problem.greedy(Arrays.stream(order).mapToInt(Integer::intValue).toArray());
  }
}
