package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Swaps, 3-way cycles and the optimal deal plan, read from the deal graph. A deal is only as good
 * as its weakest leg: the listings and the plan take a leg only when it is a good match ({@link
 * MatchingEngine#GOOD_MATCH_THRESHOLD}), and each listed leg carries the reasons of its match. Not
 * thread-safe: the engine serialises calls.
 */
final class DealFinder {

  /** Legs kept per entity pair and direction when building deal candidates. */
  private static final int LEGS_PER_DIRECTION = 2;

  private static final Comparator<Leg> BY_SCORE =
      Comparator.comparingDouble(Leg::score)
          .reversed()
          .thenComparing(Leg::offerId)
          .thenComparing(Leg::requestId);

  static final Comparator<Swap> SWAP_ORDER =
      Comparator.comparingDouble(Swap::strength)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Swap::score).reversed())
          .thenComparing(Swap::entityA)
          .thenComparing(Swap::entityB);

  static final Comparator<Cycle> CYCLE_ORDER =
      Comparator.comparingDouble(Cycle::strength)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Cycle::score).reversed())
          .thenComparing(c -> String.join("|", c.entityIds()));

  private final DealGraph graph;
  private final Function<String, PostProfile> posts;

  DealFinder(DealGraph graph, Function<String, PostProfile> posts) {
    this.graph = graph;
    this.posts = posts;
  }

  /** Legs giver entity → receiver entity → legs (best first); see {@link #legs(double, int)}. */
  private record Legs(Map<String, Map<String, List<Leg>>> byGiver) {
    List<Leg> between(String giver, String receiver) {
      return byGiver.getOrDefault(giver, Map.of()).getOrDefault(receiver, List.of());
    }

    boolean swap(String a, String b) {
      return !between(a, b).isEmpty() && !between(b, a).isEmpty();
    }
  }

  /**
   * Deal-graph legs scoring at least {@code threshold}, grouped by giver and receiver entity. A leg
   * is an offer among the {@code topK} best suggestions of a request.
   */
  private Legs legs(double threshold, int topK) {
    Map<String, Map<String, List<Leg>>> out = new TreeMap<>();
    for (int node = 0; node < graph.limit(); node++) {
      PostProfile request = graph.post(node);
      if (request == null || request.kind() != MatchPost.Kind.REQUEST) {
        continue;
      }
      TopK top = new TopK(topK);
      for (int i = 0; i < graph.degree(node); i++) {
        double s = graph.score(node, i);
        if (s >= threshold) {
          top.offer(graph.post(graph.neighbour(node, i)).id(), s);
        }
      }
      for (TopK.Entry o : top.sorted()) {
        PostProfile offer = posts.apply(o.id());
        out.computeIfAbsent(offer.entityId(), k -> new TreeMap<>())
            .computeIfAbsent(request.entityId(), k -> new ArrayList<>())
            .add(
                new Leg(
                    offer.id(),
                    request.id(),
                    offer.entityId(),
                    request.entityId(),
                    o.score(),
                    List.of()));
      }
    }
    out.values().forEach(m -> m.values().forEach(l -> l.sort(BY_SCORE)));
    return new Legs(out);
  }

  private static boolean distinctPosts(Leg... ls) {
    Set<String> seen = new HashSet<>();
    for (Leg l : ls) {
      if (!seen.add(l.offerId()) || !seen.add(l.requestId())) {
        return false;
      }
    }
    return true;
  }

  /** All swap realisations (combinations of legs), capped per direction. */
  private static List<Swap> allSwaps(Legs legs) {
    List<Swap> out = new ArrayList<>();
    for (String a : legs.byGiver().keySet()) {
      for (String b : legs.byGiver().get(a).keySet()) {
        if (a.compareTo(b) >= 0) {
          continue;
        }
        List<Leg> ab = legs.between(a, b);
        List<Leg> ba = legs.between(b, a);
        for (Leg x : ab.subList(0, Math.min(LEGS_PER_DIRECTION, ab.size()))) {
          for (Leg y : ba.subList(0, Math.min(LEGS_PER_DIRECTION, ba.size()))) {
            if (distinctPosts(x, y)) {
              out.add(new Swap(x, y, x.score() + y.score()));
            }
          }
        }
      }
    }
    return out;
  }

  /** One realisation per triangle and direction (its best legs) keeps the optimiser small. */
  private static List<Cycle> allCycles(Legs legs, boolean pureOnly) {
    List<Cycle> out = new ArrayList<>();
    for (String a : legs.byGiver().keySet()) {
      for (String b : legs.byGiver().get(a).keySet()) {
        if (b.compareTo(a) <= 0) {
          continue;
        }
        for (String c : legs.byGiver().getOrDefault(b, Map.of()).keySet()) {
          if (c.compareTo(a) <= 0 || c.equals(b) || legs.between(c, a).isEmpty()) {
            continue;
          }
          if (pureOnly && (legs.swap(a, b) || legs.swap(b, c) || legs.swap(c, a))) {
            continue;
          }
          Leg x = legs.between(a, b).get(0);
          Leg y = legs.between(b, c).get(0);
          Leg z = legs.between(c, a).get(0);
          if (distinctPosts(x, y, z)) {
            out.add(
                new Cycle(List.of(a, b, c), List.of(x, y, z), x.score() + y.score() + z.score()));
          }
        }
      }
    }
    return out;
  }

  /** One swap per entity pair, with its strongest legs, strongest first. */
  List<Swap> swaps(double minLeg, int topK) {
    Map<String, Swap> best = new HashMap<>();
    for (Swap s : allSwaps(legs(minLeg, topK))) {
      best.merge(
          s.entityA() + "|" + s.entityB(), s, (x, y) -> SWAP_ORDER.compare(x, y) <= 0 ? x : y);
    }
    List<Swap> list = new ArrayList<>();
    for (Swap s : best.values()) {
      list.add(new Swap(explained(s.first()), explained(s.second()), s.score()));
    }
    list.sort(SWAP_ORDER);
    return list;
  }

  /** One cycle per entity triple and direction, with its best legs, strongest first. */
  List<Cycle> cycles(double minLeg, int topK, boolean pureOnly) {
    Map<String, Cycle> best = new HashMap<>();
    for (Cycle c : allCycles(legs(minLeg, topK), pureOnly)) {
      best.merge(
          String.join("|", c.entityIds()), c, (x, y) -> CYCLE_ORDER.compare(x, y) <= 0 ? x : y);
    }
    List<Cycle> list = new ArrayList<>();
    for (Cycle c : best.values()) {
      list.add(
          new Cycle(c.entityIds(), c.legs().stream().map(this::explained).toList(), c.score()));
    }
    list.sort(CYCLE_ORDER);
    return list;
  }

  /**
   * The swaps and cycles with the highest total score in which every post is used at most once
   * (exact branch and bound over all candidates whose legs score at least {@code minLeg} and are
   * among their request's {@code topK} best offers).
   */
  DealPlan optimal(double minLeg, int topK) {
    Legs legs = legs(minLeg, topK);
    List<DealOptimizer.Candidate<Object>> candidates = new ArrayList<>();
    for (Swap s : allSwaps(legs)) {
      candidates.add(new DealOptimizer.Candidate<>(postsOf(s.first(), s.second()), s.score(), s));
    }
    for (Cycle c : allCycles(legs, false)) {
      candidates.add(
          new DealOptimizer.Candidate<>(postsOf(c.legs().toArray(new Leg[0])), c.score(), c));
    }
    DealOptimizer.Result<Object> result = new DealOptimizer().solve(candidates);
    List<Swap> swaps = new ArrayList<>();
    List<Cycle> cycles = new ArrayList<>();
    for (Object o : result.chosen()) {
      if (o instanceof Swap s) {
        swaps.add(new Swap(explained(s.first()), explained(s.second()), s.score()));
      } else {
        Cycle c = (Cycle) o;
        cycles.add(
            new Cycle(c.entityIds(), c.legs().stream().map(this::explained).toList(), c.score()));
      }
    }
    swaps.sort(
        Comparator.comparingDouble(Swap::score)
            .reversed()
            .thenComparing(Swap::entityA)
            .thenComparing(Swap::entityB));
    cycles.sort(Comparator.comparingDouble(Cycle::score).reversed());
    return new DealPlan(swaps, cycles, result.total(), result.provenOptimal(), result.upperBound());
  }

  /** The leg with the reasons of its match, as the request's owner reads them. */
  private Leg explained(Leg leg) {
    return leg.withReasons(
        Scorer.reasons(posts.apply(leg.requestId()), posts.apply(leg.offerId())));
  }

  private static List<String> postsOf(Leg... ls) {
    List<String> out = new ArrayList<>();
    for (Leg l : ls) {
      out.add(l.offerId());
      out.add(l.requestId());
    }
    return out;
  }
}
