package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Giełda matching engine: a pure in-memory library that keeps open posts, suggests offers for
 * requests (and requests for offers), and finds swaps, 3-way cycles and an optimal set of deals.
 *
 * <p><b>Scoring.</b> Posts are lemmatised (Morfologik Polish dictionary, diacritic restoration,
 * typo tolerance) and tagged with domain concepts (rzutnik = projektor, …). A pair's score in [0,
 * 1] comes from text similarity, scaled by category affinity (a signal, not a filter) and lowered —
 * never zeroed — by clashing availability, another town or too small a capacity. A pair is a "good
 * match" when its score is at least {@link #GOOD_MATCH_THRESHOLD}. Posts of the same entity never
 * match each other. The score is a pure function of the two posts.
 *
 * <p><b>Incremental.</b> An inverted index over lemma and concept features finds the posts sharing
 * anything with a new post and their text similarity; {@link #upsert} fully scores only those whose
 * similarity allows a deal-graph edge or a place among the post's best suggestions (the score never
 * exceeds what the text similarity allows), so the result is exact. Deal-graph edges (every pair
 * scoring at least {@link #DEAL_EDGE_THRESHOLD}) are kept up to date, so swaps and cycles need no
 * rescoring, and a post with at least {@code limit} edges has its suggestions among them.
 *
 * <p><b>Thread-safety.</b> All public methods are {@code synchronized}: the engine may be called
 * from several threads, calls are serialised. Returned objects are immutable snapshots.
 */
public final class MatchingEngine {

  /** Scores at or above this are "good matches". */
  public static final double GOOD_MATCH_THRESHOLD = 0.5;

  /**
   * Swaps and cycles are listed ({@link #swaps()}, {@link #cycles()}) only when every leg scores at
   * least this: a good match, or one just below it (another town nearby, a weekday to agree). A
   * pair with a hard conflict never reaches it.
   */
  public static final double NEAR_GOOD_THRESHOLD = 0.3;

  /**
   * Pairs at or above this score are edges of the deal graph used for swaps and cycles: a swap may
   * rest on acceptable but imperfect matches (another town, a clashing weekday), and its score
   * shows how good it is.
   */
  public static final double DEAL_EDGE_THRESHOLD = 0.2;

  /** Offers per request (its best suggestions) that can be a leg of a swap or cycle. */
  public static final int DEAL_TOP_K = 10;

  /**
   * Legs of the deal plan ({@link #optimalDeals()}) are stricter than those of the swap and cycle
   * listings: a plan proposes deals people will sign, so each leg must be among the request's
   * {@link #PLAN_TOP_K} best suggestions and score at least {@link #PLAN_EDGE_THRESHOLD}. This also
   * keeps the exact optimisation small enough to be proven optimal at fair scale.
   */
  static final double PLAN_EDGE_THRESHOLD = 0.3;

  static final int PLAN_TOP_K = 4;

  /** Legs kept per entity pair and direction when building deal candidates. */
  private static final int LEGS_PER_DIRECTION = 2;

  private final PolishTextAnalyzer analyzer = new PolishTextAnalyzer();
  private final Profiler profiler;
  private final Map<String, PostProfile> posts = new HashMap<>();
  private final Map<MatchPost.Kind, PostIndex> index = new EnumMap<>(MatchPost.Kind.class);

  /**
   * Suggestions kept from an upsert's scan, so that showing the new post's suggestions right after
   * it is added needs no second scan (the API asks for at most 50).
   */
  static final int SUGGESTIONS_KEPT = 50;

  /** The best suggestions of the last post upserted, valid until the next change. */
  private String cachedFor;

  private TopK cachedTop;

  /** Deal-graph edges (score ≥ DEAL_EDGE_THRESHOLD) between open posts, by node number. */
  private final DealGraph graph = new DealGraph();

  private final Map<String, Integer> nodeOf = new HashMap<>();

  private final Tuning tuning;

  public MatchingEngine() {
    this(Tuning.DEFAULT);
  }

  /** An engine with other weights or without some concepts: for cross-validation and ablation. */
  public MatchingEngine(Tuning tuning) {
    this.tuning = tuning;
    profiler = new Profiler(analyzer, Lexicon.load(analyzer, tuning.withoutConcepts()), tuning);
    for (MatchPost.Kind k : MatchPost.Kind.values()) {
      index.put(k, new PostIndex());
    }
  }

  /** Adds or replaces a post and reports which posts newly got (or lost) it as a good match. */
  public synchronized UpsertResult upsert(MatchPost post) {
    Set<String> before = goodNeighbours(post.id());
    removeInternal(post.id());
    PostProfile profile = profiler.profile(post);
    int node = graph.add(profile);
    posts.put(post.id(), profile);
    nodeOf.put(post.id(), node);
    index.get(post.kind()).add(profile, node);
    // One scan finds every deal-graph edge of the new post and its best suggestions.
    Scan scan = new Scan(profile, DEAL_EDGE_THRESHOLD, SUGGESTIONS_KEPT);
    scan.run();
    cachedFor = post.id();
    cachedTop = scan.top;
    graph.reserve(node, scan.edgeCount);
    TopK good = new TopK(Integer.MAX_VALUE);
    for (int i = 0; i < scan.edgeCount; i++) {
      double s = scan.edgeScores[i];
      graph.connect(node, scan.edgeNodes[i], s);
      if (s >= GOOD_MATCH_THRESHOLD) {
        good.offer(graph.post(scan.edgeNodes[i]).id(), s);
      }
    }
    List<String> added = new ArrayList<>();
    Set<String> nowIds = new HashSet<>();
    for (TopK.Entry e : good.sorted()) {
      nowIds.add(e.id());
      if (!before.contains(e.id())) {
        added.add(e.id());
      }
    }
    List<String> lost = before.stream().filter(id -> !nowIds.contains(id)).sorted().toList();
    return new UpsertResult(post.id(), added, lost);
  }

  /**
   * Withdraws a post. Returns the posts that had it as a good match (their suggestions changed).
   * Unknown ids are ignored.
   */
  public synchronized List<String> remove(String postId) {
    List<String> affected = new ArrayList<>(goodNeighbours(postId));
    removeInternal(postId);
    affected.sort(null);
    return affected;
  }

  private Set<String> goodNeighbours(String postId) {
    Set<String> out = new HashSet<>();
    Integer node = nodeOf.get(postId);
    if (node != null) {
      for (int i = 0; i < graph.degree(node); i++) {
        if (graph.score(node, i) >= GOOD_MATCH_THRESHOLD) {
          out.add(graph.post(graph.neighbour(node, i)).id());
        }
      }
    }
    return out;
  }

  private void removeInternal(String postId) {
    cachedFor = null;
    cachedTop = null;
    PostProfile old = posts.remove(postId);
    if (old == null) {
      return;
    }
    index.get(old.kind()).remove(postId);
    graph.remove(nodeOf.remove(postId));
  }

  /**
   * One scan of a post against every post of the other kind (and another entity) sharing a feature
   * with it. Collects, exactly, every pair scoring at least {@code edgeThreshold} and the {@code k}
   * best pairs; pairs whose text similarity alone rules them out of both are not fully scored.
   */
  private final class Scan implements PostIndex.Visitor {
    final PostProfile query;
    final PostIndex others;
    final boolean request;
    final double edgeThreshold;
    final double edgeText;
    final TopK top;
    double topFloor = -1;
    double topText;
    int edgeCount;
    int[] edgeNodes = new int[16];
    double[] edgeScores = new double[16];

    Scan(PostProfile query, double edgeThreshold, int k) {
      this.query = query;
      this.request = query.kind() == MatchPost.Kind.REQUEST;
      this.edgeThreshold = edgeThreshold;
      this.edgeText = Scorer.textNeededFor(edgeThreshold);
      this.others = index.get(query.kind().opposite());
      this.top = new TopK(Math.min(k, others.size()));
    }

    void run() {
      // A request names an offer's town when it has the town's lemma: for an offer, the index
      // flags such requests; for a request, its own features tell.
      String flag = request || query.townKey().isEmpty() ? null : "l:" + query.townKey();
      others.search(query, flag, this);
    }

    @Override
    public void visit(int slot, double dot, boolean flagged) {
      double floor = top.floor();
      if (floor != topFloor) {
        topFloor = floor;
        topText = Scorer.textNeededFor(floor);
      }
      double text = dot / (query.norm() * others.norm(slot));
      if ((text < edgeText && text < topText) || others.entity(slot) == query.entityNo()) {
        return;
      }
      PostProfile other = others.post(slot);
      double s =
          request
              ? Scorer.score(
                  query, other, dot, Scorer.namesTown(query, other), tuning.categoryShare())
              : Scorer.score(other, query, dot, flagged, tuning.categoryShare());
      if (s <= 0) {
        return;
      }
      if (s >= edgeThreshold) {
        if (edgeCount == edgeScores.length) {
          edgeNodes = Arrays.copyOf(edgeNodes, edgeCount * 2);
          edgeScores = Arrays.copyOf(edgeScores, edgeCount * 2);
        }
        edgeNodes[edgeCount] = others.node(slot);
        edgeScores[edgeCount++] = s;
      }
      top.offer(other.id(), s);
    }
  }

  /**
   * Ranked suggestions for a post: posts of the other kind, best first, at most {@code limit}.
   * Includes weaker suggestions too ({@link Suggestion#good()} tells them apart). Empty for an
   * unknown post.
   */
  public synchronized List<Suggestion> suggestionsFor(String postId, int limit) {
    PostProfile p = posts.get(postId);
    if (p == null || limit <= 0) {
      return List.of();
    }
    List<TopK.Entry> ranked;
    int node = nodeOf.get(postId);
    if (postId.equals(cachedFor)
        && cachedTop != null
        && (limit <= SUGGESTIONS_KEPT || cachedTop.size() < SUGGESTIONS_KEPT)) {
      ranked = cachedTop.sorted();
    } else if (graph.degree(node) >= limit) {
      // Every pair scoring at least DEAL_EDGE_THRESHOLD is an edge, every other pair scores less:
      // the best edges are the best suggestions.
      TopK top = new TopK(limit);
      for (int i = 0; i < graph.degree(node); i++) {
        top.offer(graph.post(graph.neighbour(node, i)).id(), graph.score(node, i));
      }
      ranked = top.sorted();
    } else {
      Scan scan = new Scan(p, Double.POSITIVE_INFINITY, limit);
      scan.run();
      ranked = scan.top.sorted();
    }
    List<Suggestion> out = new ArrayList<>();
    for (TopK.Entry e : ranked.subList(0, Math.min(limit, ranked.size()))) {
      double s = e.score();
      out.add(
          new Suggestion(
              e.id(), s, s >= GOOD_MATCH_THRESHOLD, Scorer.reasons(p, posts.get(e.id()))));
    }
    return out;
  }

  /** The score of a request/offer pair in either order (0 for unknown posts or same kind). */
  public synchronized double score(String postId, String otherPostId) {
    PostProfile a = posts.get(postId);
    PostProfile b = posts.get(otherPostId);
    if (a == null || b == null || a.kind() == b.kind() || a.entityId().equals(b.entityId())) {
      return 0;
    }
    return a.kind() == MatchPost.Kind.REQUEST
        ? Scorer.score(a, b, tuning)
        : Scorer.score(b, a, tuning);
  }

  /** Number of open posts. */
  public synchronized int size() {
    return posts.size();
  }

  // ------------------------------------------------------------------ swaps, cycles, deals

  /**
   * Deal-graph legs scoring at least {@code threshold} grouped by giver entity → receiver entity,
   * best first. A leg is an offer among the {@code topK} best suggestions of a request.
   */
  private Map<String, Map<String, List<Leg>>> legs(double threshold, int topK) {
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
        PostProfile offer = posts.get(o.id());
        out.computeIfAbsent(offer.entityId(), k -> new TreeMap<>())
            .computeIfAbsent(request.entityId(), k -> new ArrayList<>())
            .add(
                new Leg(offer.id(), request.id(), offer.entityId(), request.entityId(), o.score()));
      }
    }
    Comparator<Leg> byScore =
        Comparator.comparingDouble(Leg::score)
            .reversed()
            .thenComparing(Leg::offerId)
            .thenComparing(Leg::requestId);
    out.values().forEach(m -> m.values().forEach(l -> l.sort(byScore)));
    return out;
  }

  private static List<Leg> between(Map<String, Map<String, List<Leg>>> legs, String a, String b) {
    return legs.getOrDefault(a, Map.of()).getOrDefault(b, List.of());
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
  private List<Swap> allSwaps(Map<String, Map<String, List<Leg>>> legs) {
    List<Swap> out = new ArrayList<>();
    for (String a : legs.keySet()) {
      for (String b : legs.get(a).keySet()) {
        if (a.compareTo(b) >= 0) {
          continue;
        }
        List<Leg> ab = between(legs, a, b);
        List<Leg> ba = between(legs, b, a);
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

  /**
   * Reciprocal pairs of entities (A can meet a need of B and B one of A) whose both legs score at
   * least {@link #NEAR_GOOD_THRESHOLD}, one per entity pair with its strongest legs, strongest
   * first ({@link Swap#strength()}, then total score).
   */
  public synchronized List<Swap> swaps() {
    return swaps(NEAR_GOOD_THRESHOLD);
  }

  /**
   * Swaps whose legs score at least {@code minLeg} (at least {@link #DEAL_EDGE_THRESHOLD}, the
   * weakest edge the deal graph keeps), strongest first: {@link #swaps()} lists those a broker can
   * act on; a lower bound shows what the deal graph holds.
   */
  public synchronized List<Swap> swaps(double minLeg) {
    Map<String, Swap> best = new HashMap<>();
    for (Swap s : allSwaps(legs(Math.max(minLeg, DEAL_EDGE_THRESHOLD), DEAL_TOP_K))) {
      best.merge(
          s.entityA() + "|" + s.entityB(), s, (x, y) -> SWAP_ORDER.compare(x, y) <= 0 ? x : y);
    }
    List<Swap> list = new ArrayList<>(best.values());
    list.sort(SWAP_ORDER);
    return list;
  }

  private static final Comparator<Swap> SWAP_ORDER =
      Comparator.comparingDouble(Swap::strength)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Swap::score).reversed())
          .thenComparing(Swap::entityA)
          .thenComparing(Swap::entityB);

  private static final Comparator<Cycle> CYCLE_ORDER =
      Comparator.comparingDouble(Cycle::strength)
          .reversed()
          .thenComparing(Comparator.comparingDouble(Cycle::score).reversed())
          .thenComparing(c -> String.join("|", c.entityIds()));

  private static List<Swap> sortSwaps(List<Swap> list) {
    list.sort(
        Comparator.comparingDouble(Swap::score)
            .reversed()
            .thenComparing(Swap::entityA)
            .thenComparing(Swap::entityB));
    return list;
  }

  private List<Cycle> allCycles(Map<String, Map<String, List<Leg>>> legs, boolean pureOnly) {
    List<Cycle> out = new ArrayList<>();
    for (String a : legs.keySet()) {
      for (String b : legs.get(a).keySet()) {
        if (b.compareTo(a) <= 0) {
          continue;
        }
        for (String c : legs.getOrDefault(b, Map.of()).keySet()) {
          if (c.compareTo(a) <= 0 || c.equals(b) || between(legs, c, a).isEmpty()) {
            continue;
          }
          boolean pure = !isSwap(legs, a, b) && !isSwap(legs, b, c) && !isSwap(legs, c, a);
          if (pureOnly && !pure) {
            continue;
          }
          List<Leg> ab = between(legs, a, b);
          List<Leg> bc = between(legs, b, c);
          List<Leg> ca = between(legs, c, a);
          // One realisation per triangle and direction keeps the optimiser's input small; swaps
          // keep alternatives because they are the common case of conflicting posts.
          int cap = 1;
          for (Leg x : ab.subList(0, Math.min(cap, ab.size()))) {
            for (Leg y : bc.subList(0, Math.min(cap, bc.size()))) {
              for (Leg z : ca.subList(0, Math.min(cap, ca.size()))) {
                if (distinctPosts(x, y, z)) {
                  out.add(
                      new Cycle(
                          List.of(a, b, c), List.of(x, y, z), x.score() + y.score() + z.score()));
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean isSwap(Map<String, Map<String, List<Leg>>> legs, String a, String b) {
    return !between(legs, a, b).isEmpty() && !between(legs, b, a).isEmpty();
  }

  /**
   * 3-way cycles A→B→C→A whose every leg scores at least {@link #NEAR_GOOD_THRESHOLD} (one per
   * entity triple and direction, with its best legs), strongest first ({@link Cycle#strength()},
   * then total score). A triangle where two of the three could also swap is left out: the swap is
   * listed, and which is better is decided by {@link #optimalDeals()}.
   */
  public synchronized List<Cycle> cycles() {
    return cycles(NEAR_GOOD_THRESHOLD, true);
  }

  /**
   * Cycles whose legs score at least {@code minLeg} (no lower than {@link #DEAL_EDGE_THRESHOLD}),
   * with or without triangles that hold a swap, strongest first.
   */
  public synchronized List<Cycle> cycles(double minLeg, boolean pureOnly) {
    Map<String, Cycle> best = new HashMap<>();
    for (Cycle c : allCycles(legs(Math.max(minLeg, DEAL_EDGE_THRESHOLD), DEAL_TOP_K), pureOnly)) {
      best.merge(
          String.join("|", c.entityIds()), c, (x, y) -> CYCLE_ORDER.compare(x, y) <= 0 ? x : y);
    }
    List<Cycle> list = new ArrayList<>(best.values());
    list.sort(CYCLE_ORDER);
    return list;
  }

  /**
   * The set of swaps and 3-way cycles with the highest total score in which every post is used at
   * most once (exact branch and bound over all candidate swaps and cycles whose legs are plan legs:
   * see {@link #PLAN_EDGE_THRESHOLD}).
   */
  public synchronized DealPlan optimalDeals() {
    Map<String, Map<String, List<Leg>>> legs = legs(PLAN_EDGE_THRESHOLD, PLAN_TOP_K);
    List<DealOptimizer.Candidate<Object>> candidates = new ArrayList<>();
    for (Swap s : allSwaps(legs)) {
      candidates.add(new DealOptimizer.Candidate<>(postsOf(s.first(), s.second()), s.score(), s));
    }
    for (Cycle c : allCycles(legs, false)) {
      candidates.add(
          new DealOptimizer.Candidate<>(postsOf(c.legs().toArray(new Leg[0])), c.score(), c));
    }
    long t0 = System.nanoTime();
    DealOptimizer.Result<Object> result = new DealOptimizer().solve(candidates);
    if (Boolean.getBoolean("gielda.matching.debug")) {
      System.err.printf(
          "optimalDeals: %d candidates, %.1f ms%n",
          candidates.size(), (System.nanoTime() - t0) / 1e6);
    }
    List<Swap> swaps = new ArrayList<>();
    List<Cycle> cycles = new ArrayList<>();
    for (Object o : result.chosen()) {
      if (o instanceof Swap s) {
        swaps.add(s);
      } else {
        cycles.add((Cycle) o);
      }
    }
    sortSwaps(swaps);
    cycles.sort(Comparator.comparingDouble(Cycle::score).reversed());
    return new DealPlan(swaps, cycles, result.total(), result.provenOptimal(), result.upperBound());
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
