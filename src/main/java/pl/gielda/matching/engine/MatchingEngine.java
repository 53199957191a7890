package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * A swap or cycle is listed ({@link #swaps()}, {@link #cycles()}, {@link #optimalDeals()}) only
   * when every leg is a good match: a broker acts on it, and one weak leg makes a false deal.
   */
  public static final double DEAL_LEG_THRESHOLD = GOOD_MATCH_THRESHOLD;

  /**
   * Pairs at or above this score are edges of the deal graph (the suggestions of a post with many
   * edges come from them; {@link #swaps(double)} can show what weaker legs would add).
   */
  public static final double DEAL_EDGE_THRESHOLD = 0.2;

  /** Offers per request (its best suggestions) that can be a leg of a swap or cycle. */
  public static final int DEAL_TOP_K = 10;

  /**
   * Legs of the deal plan must also be among the request's {@link #PLAN_TOP_K} best suggestions: a
   * plan proposes deals people will sign, and this keeps the exact optimisation small.
   */
  static final int PLAN_TOP_K = 4;

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

  private final DealFinder deals = new DealFinder(graph, posts::get);

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
   * Reciprocal pairs of entities (A can meet a need of B and B one of A) whose both legs are good
   * matches ({@link #DEAL_LEG_THRESHOLD}), one per entity pair with its strongest legs and their
   * reasons, strongest first ({@link Swap#strength()}: the confidence of the deal, then total).
   */
  public synchronized List<Swap> swaps() {
    return swaps(DEAL_LEG_THRESHOLD);
  }

  /**
   * Swaps whose legs score at least {@code minLeg} (at least {@link #DEAL_EDGE_THRESHOLD}, the
   * weakest edge the deal graph keeps), strongest first: {@link #swaps()} lists those a broker can
   * trust; a lower bound shows what the deal graph holds.
   */
  public synchronized List<Swap> swaps(double minLeg) {
    return deals.swaps(Math.max(minLeg, DEAL_EDGE_THRESHOLD), DEAL_TOP_K);
  }

  /**
   * 3-way cycles A→B→C→A whose every leg is a good match ({@link #DEAL_LEG_THRESHOLD}), one per
   * entity triple and direction with its best legs, strongest first. A triangle where two of the
   * three could also swap is left out: the swap is listed, and which is better is decided by {@link
   * #optimalDeals()}.
   */
  public synchronized List<Cycle> cycles() {
    return cycles(DEAL_LEG_THRESHOLD, true);
  }

  /**
   * Cycles whose legs score at least {@code minLeg} (no lower than {@link #DEAL_EDGE_THRESHOLD}),
   * with or without triangles that hold a swap, strongest first.
   */
  public synchronized List<Cycle> cycles(double minLeg, boolean pureOnly) {
    return deals.cycles(Math.max(minLeg, DEAL_EDGE_THRESHOLD), DEAL_TOP_K, pureOnly);
  }

  /**
   * The set of swaps and 3-way cycles with the highest total score in which every post is used at
   * most once, every leg a good match among its request's {@link #PLAN_TOP_K} best offers.
   */
  public synchronized DealPlan optimalDeals() {
    return deals.optimal(DEAL_LEG_THRESHOLD, PLAN_TOP_K);
  }
}
