package pl.gielda.matching.engine.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import pl.gielda.matching.engine.Cycle;
import pl.gielda.matching.engine.DealPlan;
import pl.gielda.matching.engine.MatchPost;
import pl.gielda.matching.engine.MatchingEngine;
import pl.gielda.matching.engine.Suggestion;
import pl.gielda.matching.engine.Swap;

/**
 * Evaluates the matching engine on a labelled set (default {@code
 * src/test/resources/labelled/dev.json} relative to the project root): nDCG@5 and recall@10 of
 * suggested offers per request with relevant offers, no-match requests given a good match, swaps
 * and cycles found vs listed.
 *
 * <p>Usage: {@code MatchingEval [path/to/set.json] [--verbose]}.
 */
public final class MatchingEval {

  /** The computed metrics. */
  public record Metrics(
      double ndcg5,
      double ndcg5Exp,
      double recall10,
      int requestsWithRelevant,
      int noMatchRequests,
      int noMatchWithGood,
      int relevantPairs,
      int relevantPairsGood,
      int goodPairs,
      int goodPairsRelevant,
      int swapsListed,
      int swapsFound,
      int swapsTotal,
      int cyclesListed,
      int cyclesFound,
      int cyclesTotal,
      int swapsInGraph,
      int cyclesInGraph,
      DealPlan plan) {

    public String report() {
      return String.format(
          Locale.ROOT,
          "requests with relevant offers: %d%n"
              + "nDCG@5 (linear gain):   %.4f%n"
              + "nDCG@5 (2^g-1 gain):    %.4f%n"
              + "recall@10:              %.4f%n"
              + "no-match requests with a good match: %d of %d%n"
              + "relevant pairs marked good: %d of %d; good pairs that are relevant: %d of %d%n"
              + "swaps shown to brokers: %d of %d listed found, %d shown in total"
              + " (every leg ≥ %.2f); in the deal graph: %d of %d%n"
              + "cycles shown to brokers: %d of %d listed found, %d shown in total"
              + " (every leg ≥ %.2f, no swap inside); in the deal graph: %d of %d%n"
              + "optimal deal plan: %d swaps + %d cycles, total score %.3f, proven optimal: %s"
              + " (upper bound %.3f)%n",
          requestsWithRelevant,
          ndcg5,
          ndcg5Exp,
          recall10,
          noMatchWithGood,
          noMatchRequests,
          relevantPairsGood,
          relevantPairs,
          goodPairsRelevant,
          goodPairs,
          swapsFound,
          swapsListed,
          swapsTotal,
          MatchingEngine.DEAL_LEG_THRESHOLD,
          swapsInGraph,
          swapsListed,
          cyclesFound,
          cyclesListed,
          cyclesTotal,
          MatchingEngine.DEAL_LEG_THRESHOLD,
          cyclesInGraph,
          cyclesListed,
          plan.swaps().size(),
          plan.cycles().size(),
          plan.totalScore(),
          plan.provenOptimal(),
          plan.upperBound());
    }
  }

  private MatchingEval() {}

  public static void main(String[] args) throws Exception {
    Path path = Path.of("src/test/resources/labelled/dev.json");
    boolean verbose = false;
    for (String a : args) {
      if (a.equals("--verbose") || a.equals("-v")) {
        verbose = true;
      } else {
        path = Path.of(a);
      }
    }
    if (!Files.exists(path)) {
      System.err.println("labelled set not found: " + path.toAbsolutePath());
      System.exit(2);
    }
    long t0 = System.nanoTime();
    Metrics m = evaluate(DevSet.load(path), verbose);
    System.out.print(m.report());
    System.out.printf(Locale.ROOT, "time: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
  }

  public static Metrics evaluate(DevSet set, boolean verbose) {
    MatchingEngine engine = new MatchingEngine();
    Map<String, MatchPost> byId = new java.util.HashMap<>();
    for (MatchPost p : set.posts()) {
      engine.upsert(p);
      byId.put(p.id(), p);
    }
    double ndcgSum = 0;
    double ndcgExpSum = 0;
    double recallSum = 0;
    int withRelevant = 0;
    int noMatch = 0;
    int noMatchGood = 0;
    int relevantPairs = 0;
    int relevantGood = 0;
    int goodPairs = 0;
    int goodRelevant = 0;
    for (MatchPost p : set.posts()) {
      if (p.kind() != MatchPost.Kind.REQUEST) {
        continue;
      }
      Map<String, Integer> rel = set.relevance().getOrDefault(p.id(), Map.of());
      List<Suggestion> ranked = engine.suggestionsFor(p.id(), 1000);
      for (Suggestion s : ranked) {
        if (s.good()) {
          goodPairs++;
          if (rel.containsKey(s.postId())) {
            goodRelevant++;
          }
        }
      }
      for (String o : rel.keySet()) {
        relevantPairs++;
        if (ranked.stream().anyMatch(s -> s.postId().equals(o) && s.good())) {
          relevantGood++;
        }
      }
      if (rel.isEmpty()) {
        noMatch++;
        boolean anyGood = !ranked.isEmpty() && ranked.get(0).good();
        if (anyGood) {
          noMatchGood++;
        }
        if (verbose && (anyGood || !ranked.isEmpty())) {
          System.out.printf(
              Locale.ROOT,
              "%s NO-MATCH %s %s | top: %s%n",
              anyGood ? "!!" : "  ",
              p.id(),
              p.title(),
              ranked.isEmpty() ? "-" : describe(ranked.get(0), byId, rel));
        }
        continue;
      }
      withRelevant++;
      double ndcg = ndcg(ranked, rel, 5, false);
      double ndcgExp = ndcg(ranked, rel, 5, true);
      ndcgSum += ndcg;
      ndcgExpSum += ndcgExp;
      int found = 0;
      for (int i = 0; i < Math.min(10, ranked.size()); i++) {
        if (rel.containsKey(ranked.get(i).postId())) {
          found++;
        }
      }
      double recall = (double) found / rel.size();
      recallSum += recall;
      if (verbose && (ndcg < 0.999 || recall < 1)) {
        System.out.printf(
            Locale.ROOT, "ndcg=%.2f recall=%.2f %s %s %s%n", ndcg, recall, p.id(), p.title(), rel);
        for (int i = 0; i < Math.min(7, ranked.size()); i++) {
          System.out.println("      " + describe(ranked.get(i), byId, rel));
        }
        for (String o : rel.keySet()) {
          int pos = -1;
          for (int i = 0; i < ranked.size(); i++) {
            if (ranked.get(i).postId().equals(o)) {
              pos = i;
            }
          }
          if (pos < 0 || pos >= 7) {
            System.out.printf(
                "      missing %s (%s) at rank %d score %.3f%n",
                o, byId.get(o).title(), pos + 1, engine.score(p.id(), o));
          }
        }
      }
    }
    Set<String> mySwaps = new TreeSet<>();
    for (Swap s : engine.swaps()) {
      mySwaps.add(key(List.of(s.entityA(), s.entityB())));
    }
    int swapsFound = 0;
    for (List<String> s : set.swaps()) {
      if (mySwaps.contains(key(s))) {
        swapsFound++;
      } else if (verbose) {
        System.out.println("missing swap " + s);
      }
    }
    Set<String> myCycles = new TreeSet<>();
    for (Cycle c : engine.cycles()) {
      myCycles.add(key(c.entityIds()));
    }
    int cyclesFound = 0;
    for (List<String> c : set.cycles()) {
      if (myCycles.contains(key(c))) {
        cyclesFound++;
      } else if (verbose) {
        System.out.println("missing cycle " + c);
      }
    }
    if (verbose) {
      Set<String> listed = new HashSet<>();
      set.swaps().forEach(s -> listed.add(key(s)));
      mySwaps.stream()
          .filter(s -> !listed.contains(s))
          .forEach(s -> System.out.println("extra swap " + s));
    }
    Set<String> graphSwaps = new TreeSet<>();
    for (Swap s : engine.swaps(MatchingEngine.DEAL_EDGE_THRESHOLD)) {
      graphSwaps.add(key(List.of(s.entityA(), s.entityB())));
    }
    Set<String> graphCycles = new TreeSet<>();
    for (Cycle c : engine.cycles(MatchingEngine.DEAL_EDGE_THRESHOLD, false)) {
      graphCycles.add(key(c.entityIds()));
    }
    int swapsInGraph = (int) set.swaps().stream().filter(s -> graphSwaps.contains(key(s))).count();
    int cyclesInGraph =
        (int) set.cycles().stream().filter(c -> graphCycles.contains(key(c))).count();
    DealPlan plan = engine.optimalDeals();
    return new Metrics(
        ndcgSum / Math.max(1, withRelevant),
        ndcgExpSum / Math.max(1, withRelevant),
        recallSum / Math.max(1, withRelevant),
        withRelevant,
        noMatch,
        noMatchGood,
        relevantPairs,
        relevantGood,
        goodPairs,
        goodRelevant,
        set.swaps().size(),
        swapsFound,
        mySwaps.size(),
        set.cycles().size(),
        cyclesFound,
        myCycles.size(),
        swapsInGraph,
        cyclesInGraph,
        plan);
  }

  private static String describe(
      Suggestion s, Map<String, MatchPost> byId, Map<String, Integer> rel) {
    return String.format(
        Locale.ROOT,
        "%s %.3f%s %s [%s] %s",
        rel.containsKey(s.postId()) ? "g" + rel.get(s.postId()) : "  ",
        s.score(),
        s.good() ? "*" : " ",
        s.postId(),
        byId.get(s.postId()).title(),
        String.join("; ", s.reasons()));
  }

  private static String key(List<String> ids) {
    return String.join("|", new TreeSet<>(ids));
  }

  static double ndcg(List<Suggestion> ranked, Map<String, Integer> rel, int k, boolean exp) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      int g = rel.getOrDefault(ranked.get(i).postId(), 0);
      dcg += gain(g, exp) / (Math.log(i + 2) / Math.log(2));
    }
    List<Integer> ideal = new ArrayList<>(rel.values());
    ideal.sort((a, b) -> b - a);
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += gain(ideal.get(i), exp) / (Math.log(i + 2) / Math.log(2));
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  private static double gain(int grade, boolean exp) {
    return exp ? Math.pow(2, grade) - 1 : grade;
  }
}
