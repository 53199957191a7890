package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The incremental engine (pruned scans, kept suggestions, deal-graph edges) must answer exactly as
 * scoring every pair would, after any sequence of upserts, updates and removals.
 */
class IncrementalConsistencyTest {

  private static final double EPS = 1e-9;

  private static final String[] TOWNS = {"Tczew", "Pelplin", "Gniew", "Subkowy", "", "Zblewo"};
  private static final String[] CATEGORIES = {
    "ROOMS", "EQUIPMENT", "WORKSHOPS", "TRAINING", "ARTS", "OTHER", "", "LOKALNE_SPRAWY"
  };
  private static final String[] WORDS = {
    "sala", "rzutnik", "projektor", "ekran", "warsztaty", "szkolenie", "krzesła", "stoły",
    "namiot", "bus", "kierowca", "ciasto", "koncert", "plakaty", "dzieci", "seniorzy",
    "festyn", "Pelplin", "Gniew", "dojeżdżamy", "zapłacimy", "pomoc", "laptop", "nagłośnienie"
  };
  private static final String[] WHEN = {null, "weekendy", "pon–pt rano", "lipiec", "wieczorem"};

  private static MatchPost post(Random rnd, String id, MatchPost.Kind kind) {
    StringBuilder title = new StringBuilder();
    StringBuilder description = new StringBuilder();
    for (int i = 0; i < 1 + rnd.nextInt(3); i++) {
      title.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
    }
    for (int i = 0; i < rnd.nextInt(6); i++) {
      description.append(WORDS[rnd.nextInt(WORDS.length)]).append(' ');
    }
    return new MatchPost(
        id,
        "e" + rnd.nextInt(12),
        kind,
        CATEGORIES[rnd.nextInt(CATEGORIES.length)],
        title.toString().trim(),
        description.toString().trim(),
        rnd.nextInt(3) == 0 ? (5 + rnd.nextInt(40)) + " osób" : null,
        WHEN[rnd.nextInt(WHEN.length)],
        TOWNS[rnd.nextInt(TOWNS.length)]);
  }

  /** Every suggestion list equals the best pairs by brute-force scoring, for several limits. */
  private static void assertSuggestionsExact(MatchingEngine engine, Map<String, MatchPost> live) {
    for (MatchPost p : live.values()) {
      Map<String, Double> all = new HashMap<>();
      for (MatchPost q : live.values()) {
        double s = engine.score(p.id(), q.id());
        if (s > 0) {
          all.put(q.id(), s);
        }
      }
      for (int limit : new int[] {1, 3, 10, 50, 1000}) {
        List<Suggestion> got = engine.suggestionsFor(p.id(), limit);
        assertThat(got).hasSize(Math.min(limit, all.size()));
        Set<String> shown = new HashSet<>();
        double last = Double.MAX_VALUE;
        for (Suggestion s : got) {
          assertThat(all).containsKey(s.postId());
          assertThat(s.score())
              .isCloseTo(all.get(s.postId()), org.assertj.core.data.Offset.offset(EPS));
          assertThat(s.score()).isLessThanOrEqualTo(last);
          assertThat(s.good()).isEqualTo(s.score() >= MatchingEngine.GOOD_MATCH_THRESHOLD);
          last = s.score();
          shown.add(s.postId());
        }
        for (Map.Entry<String, Double> e : all.entrySet()) {
          if (!shown.contains(e.getKey())) {
            assertThat(e.getValue()).isLessThanOrEqualTo(last + EPS);
          }
        }
      }
    }
  }

  private static Set<String> goodBruteForce(
      MatchingEngine engine, Map<String, MatchPost> live, String id) {
    Set<String> out = new HashSet<>();
    for (MatchPost q : live.values()) {
      if (engine.score(id, q.id()) >= MatchingEngine.GOOD_MATCH_THRESHOLD) {
        out.add(q.id());
      }
    }
    return out;
  }

  @Test
  void suggestionsAndGoodMatchesEqualBruteForceThroughChurn() {
    Random rnd = new Random(11);
    MatchingEngine engine = new MatchingEngine();
    Map<String, MatchPost> live = new LinkedHashMap<>();
    for (int step = 0; step < 400; step++) {
      int op = rnd.nextInt(10);
      if (op < 6 || live.size() < 20) {
        String id = "p" + step;
        MatchPost p =
            post(rnd, id, rnd.nextBoolean() ? MatchPost.Kind.OFFER : MatchPost.Kind.REQUEST);
        UpsertResult r = engine.upsert(p);
        live.put(id, p);
        assertThat(new HashSet<>(r.newGoodMatches())).isEqualTo(goodBruteForce(engine, live, id));
      } else if (op < 8) {
        // Update an existing post (same id, new text and town).
        String id = new ArrayList<>(live.keySet()).get(rnd.nextInt(live.size()));
        Set<String> before = goodBruteForce(engine, live, id);
        MatchPost p = post(rnd, id, live.get(id).kind());
        UpsertResult r = engine.upsert(p);
        live.put(id, p);
        Set<String> now = goodBruteForce(engine, live, id);
        Set<String> added = new HashSet<>(now);
        added.removeAll(before);
        Set<String> lost = new HashSet<>(before);
        lost.removeAll(now);
        assertThat(new HashSet<>(r.newGoodMatches())).isEqualTo(added);
        assertThat(new HashSet<>(r.lostGoodMatches())).isEqualTo(lost);
      } else {
        String id = new ArrayList<>(live.keySet()).get(rnd.nextInt(live.size()));
        Set<String> good = goodBruteForce(engine, live, id);
        assertThat(new HashSet<>(engine.remove(id))).isEqualTo(good);
        live.remove(id);
      }
      if (step % 100 == 99) {
        assertSuggestionsExact(engine, live);
      }
    }
    assertSuggestionsExact(engine, live);

    // The deal graph kept through churn equals one built from scratch.
    MatchingEngine fresh = new MatchingEngine();
    List<MatchPost> reversed = new ArrayList<>(live.values());
    java.util.Collections.reverse(reversed);
    reversed.forEach(fresh::upsert);
    assertThat(swapKeys(engine.swaps())).isEqualTo(swapKeys(fresh.swaps()));
    assertThat(cycleKeys(engine.cycles())).isEqualTo(cycleKeys(fresh.cycles()));
    // The plans agree (their search has a time budget: compare totals only when both are proven).
    DealPlan a = engine.optimalDeals();
    DealPlan b = fresh.optimalDeals();
    assertThat(a.totalScore()).isLessThanOrEqualTo(b.upperBound() + 1e-6);
    assertThat(b.totalScore()).isLessThanOrEqualTo(a.upperBound() + 1e-6);
    if (a.provenOptimal() && b.provenOptimal()) {
      assertThat(a.totalScore())
          .isCloseTo(b.totalScore(), org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void townFlagsDoNotOutliveRemovedPostsThroughIndexCompaction() {
    MatchingEngine engine = new MatchingEngine();
    int n = 1100;
    for (int i = 0; i < n; i++) {
      engine.upsert(
          new MatchPost(
              "r" + i,
              "e" + i,
              MatchPost.Kind.REQUEST,
              "ROOMS",
              "Sala Pelplin",
              "Potrzebna sala na spotkanie.",
              null,
              null,
              "Gniew"));
    }
    for (int i = 0; i < 600; i++) {
      engine.remove("r" + i);
    }
    // An offer whose own text names its town scans requests while the town's list holds removed
    // posts.
    engine.upsert(
        new MatchPost(
            "o1",
            "x1",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala Pelplin",
            "Duża sala.",
            null,
            null,
            "Pelplin"));
    for (int i = 600; i < n; i++) {
      engine.remove("r" + i); // the index compacts on the way
    }
    engine.upsert(
        new MatchPost(
            "rn",
            "e-new",
            MatchPost.Kind.REQUEST,
            "ROOMS",
            "Sala na spotkanie",
            "Potrzebna sala.",
            null,
            null,
            "Gniew"));
    engine.upsert(
        new MatchPost(
            "o2",
            "x2",
            MatchPost.Kind.OFFER,
            "ROOMS",
            "Sala na spotkanie",
            "Duża sala.",
            null,
            null,
            "Pelplin"));
    List<Suggestion> s = engine.suggestionsFor("o2", 5);
    assertThat(s).extracting(Suggestion::postId).contains("rn");
    for (Suggestion x : s) {
      assertThat(x.score())
          .isCloseTo(engine.score("o2", x.postId()), org.assertj.core.data.Offset.offset(EPS));
    }
  }

  private static Set<String> swapKeys(List<Swap> swaps) {
    Set<String> out = new HashSet<>();
    swaps.forEach(s -> out.add(s.entityA() + "|" + s.entityB()));
    return out;
  }

  private static Set<String> cycleKeys(List<Cycle> cycles) {
    Set<String> out = new HashSet<>();
    cycles.forEach(c -> out.add(String.join("|", c.entityIds())));
    return out;
  }

  @Test
  void textBoundNeverRulesOutAQualifyingScore() {
    for (double text = 0.001; text < 1.0; text += 0.001) {
      double best = 1 - Math.exp(-Scorer.CALIBRATION * text);
      for (double threshold = 0.01; threshold < 0.9; threshold += 0.01) {
        if (best >= threshold) {
          assertThat(text).isGreaterThanOrEqualTo(Scorer.textNeededFor(threshold));
        }
      }
    }
  }

  @Test
  void topKKeepsTheBestInSuggestionOrder() {
    TopK top = new TopK(3);
    top.offer("b", 0.5);
    top.offer("a", 0.2);
    top.offer("c", 0.5);
    top.offer("d", 0.9);
    top.offer("a2", 0.5);
    top.offer("z", 0.1);
    assertThat(top.sorted())
        .containsExactly(
            new TopK.Entry("d", 0.9), new TopK.Entry("a2", 0.5), new TopK.Entry("b", 0.5));
    assertThat(top.floor()).isEqualTo(0.5);
    TopK none = new TopK(0);
    none.offer("a", 0.7);
    assertThat(none.sorted()).isEmpty();
    assertThat(none.floor()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void dealGraphRemovesEdgesBothWaysAndReusesNodes() {
    DealGraph g = new DealGraph();
    int a = g.add(null);
    int b = g.add(null);
    int c = g.add(null);
    g.connect(a, b, 0.3);
    g.connect(a, c, 0.4);
    g.connect(b, c, 0.5);
    g.remove(a);
    assertThat(g.degree(b)).isEqualTo(1);
    assertThat(g.neighbour(b, 0)).isEqualTo(c);
    assertThat(g.score(b, 0)).isEqualTo(0.5);
    assertThat(g.degree(c)).isEqualTo(1);
    int d = g.add(null);
    assertThat(d).isEqualTo(a);
    assertThat(g.degree(d)).isZero();
  }
}
