package pl.gielda.matching.engine.tools;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import pl.gielda.matching.engine.MatchPost;
import pl.gielda.matching.engine.MatchingEngine;
import pl.gielda.matching.engine.Suggestion;
import pl.gielda.matching.engine.Tuning;

/**
 * Cross-validation of the matching engine on a labelled set, split by entity into {@link #FOLDS}
 * folds (entities in id order, dealt round-robin), so that a fold's requests come from entities the
 * tuning never saw.
 *
 * <p>For each fold, the tuning ({@link Tuning}: category share, title weight, category concept
 * weight) with the best mean nDCG@5 on the requests of the other four folds — among those giving no
 * no-match request a good match there — is chosen, and the fold's own requests are scored with it.
 * Every request is ranked against all offers of the set, as at a fair of the same size. Reports
 * nDCG@5, recall@10 and no-match requests given a good match per fold and pooled, beside the
 * whole-set figures of the default tuning.
 *
 * <p>With {@code --concepts}, also removes each concept of the table in turn and reports, per fold,
 * how much nDCG@5 it adds: a concept that helps only one fold is likely fitted to that fold's
 * posts.
 *
 * <p>Usage: {@code MatchingCrossValidation [path/to/set.json] [--concepts]}.
 */
public final class MatchingCrossValidation {

  public static final int FOLDS = 5;

  /** One request's figures under one tuning. */
  public record RequestScore(
      String requestId,
      int fold,
      boolean noMatch,
      double ndcg5,
      double recall10,
      boolean falseGood) {}

  private MatchingCrossValidation() {}

  public static void main(String[] args) throws Exception {
    Path path = Path.of("src/test/resources/labelled/dev.json");
    boolean concepts = false;
    for (String a : args) {
      if (a.equals("--concepts")) {
        concepts = true;
      } else {
        path = Path.of(a);
      }
    }
    DevSet set = DevSet.load(path);
    Map<String, Integer> foldOf = folds(set);
    List<Tuning> grid = grid();
    Map<Tuning, List<RequestScore>> byTuning = new LinkedHashMap<>();
    for (Tuning t : grid) {
      byTuning.put(t, score(set, t, foldOf));
    }
    for (Tuning t : grid) {
      StringBuilder sb = new StringBuilder();
      for (double f : perFold(byTuning.get(t))) {
        sb.append(String.format(Locale.ROOT, " %.3f", f));
      }
      System.out.printf(
          Locale.ROOT,
          "tuning %s: nDCG@5 per fold%s, whole set %s%n",
          describe(t),
          sb,
          summary(byTuning.get(t)));
    }
    List<RequestScore> whole = byTuning.get(Tuning.DEFAULT);
    Tuning bestWhole = Tuning.DEFAULT;
    for (Tuning t : grid) {
      if (mean(byTuning.get(t).stream().filter(r -> !r.noMatch()).mapToDouble(RequestScore::ndcg5))
          > mean(
              byTuning.get(bestWhole).stream()
                  .filter(r -> !r.noMatch())
                  .mapToDouble(RequestScore::ndcg5))) {
        bestWhole = t;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "whole set, best tuning of the grid (%s): %s%n",
        describe(bestWhole),
        summary(byTuning.get(bestWhole)));
    System.out.printf(
        Locale.ROOT,
        "whole set, default tuning (%s): %s%n",
        describe(Tuning.DEFAULT),
        summary(whole));
    List<RequestScore> pooled = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      int fold = k;
      Tuning best = Tuning.DEFAULT;
      double bestNdcg = -1;
      for (Tuning t : grid) {
        List<RequestScore> train = byTuning.get(t).stream().filter(r -> r.fold() != fold).toList();
        if (train.stream().anyMatch(RequestScore::falseGood)) {
          continue;
        }
        double n = mean(train.stream().filter(r -> !r.noMatch()).mapToDouble(RequestScore::ndcg5));
        if (n > bestNdcg + 1e-9) {
          bestNdcg = n;
          best = t;
        }
      }
      List<RequestScore> test = byTuning.get(best).stream().filter(r -> r.fold() == fold).toList();
      List<RequestScore> testDefault = whole.stream().filter(r -> r.fold() == fold).toList();
      pooled.addAll(test);
      System.out.printf(
          Locale.ROOT,
          "fold %d: tuned on the other folds (%s, train nDCG@5 %.4f) → %s | default tuning → %s%n",
          k + 1,
          describe(best),
          bestNdcg,
          summary(test),
          summary(testDefault));
    }
    System.out.printf(Locale.ROOT, "cross-validated (pooled over folds): %s%n", summary(pooled));
    if (concepts) {
      ablation(set, foldOf, whole);
    }
  }

  /** Entities in id order (numeric part first), dealt round-robin into folds. */
  public static Map<String, Integer> folds(DevSet set) {
    TreeSet<String> entities =
        new TreeSet<>(
            (a, b) -> {
              int c = Long.compare(digits(a), digits(b));
              return c != 0 ? c : a.compareTo(b);
            });
    set.posts().forEach(p -> entities.add(p.entityId()));
    Map<String, Integer> out = new HashMap<>();
    int i = 0;
    for (String e : entities) {
      out.put(e, i++ % FOLDS);
    }
    return out;
  }

  private static long digits(String s) {
    String d = s.replaceAll("\\D", "");
    return d.isEmpty() ? -1 : Long.parseLong(d.substring(0, Math.min(d.length(), 18)));
  }

  static List<Tuning> grid() {
    List<Tuning> out = new ArrayList<>();
    out.add(Tuning.DEFAULT);
    for (double share : new double[] {0.4, 0.5, 0.6, 0.7}) {
      for (double title : new double[] {1.5, 2.0}) {
        for (double cc : new double[] {1.0, 1.5}) {
          Tuning t = new Tuning(share, title, cc, Set.of());
          if (!t.equals(Tuning.DEFAULT)) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  /** Every request's figures with one tuning, all posts of the set open. */
  public static List<RequestScore> score(DevSet set, Tuning tuning, Map<String, Integer> foldOf) {
    MatchingEngine engine = new MatchingEngine(tuning);
    for (MatchPost p : set.posts()) {
      engine.upsert(p);
    }
    List<RequestScore> out = new ArrayList<>();
    for (MatchPost p : set.posts()) {
      if (p.kind() != MatchPost.Kind.REQUEST) {
        continue;
      }
      Map<String, Integer> rel = set.relevance().getOrDefault(p.id(), Map.of());
      List<Suggestion> ranked = engine.suggestionsFor(p.id(), 10);
      int fold = foldOf.get(p.entityId());
      if (rel.isEmpty()) {
        boolean good = !ranked.isEmpty() && ranked.get(0).good();
        out.add(new RequestScore(p.id(), fold, true, 0, 0, good));
        continue;
      }
      int found = 0;
      for (Suggestion s : ranked) {
        if (rel.containsKey(s.postId())) {
          found++;
        }
      }
      out.add(
          new RequestScore(
              p.id(),
              fold,
              false,
              MatchingEval.ndcg(ranked, rel, 5, false),
              (double) found / rel.size(),
              false));
    }
    return out;
  }

  private static String summary(List<RequestScore> rs) {
    List<RequestScore> withRel = rs.stream().filter(r -> !r.noMatch()).toList();
    long noMatch = rs.stream().filter(RequestScore::noMatch).count();
    long falseGood = rs.stream().filter(RequestScore::falseGood).count();
    return String.format(
        Locale.ROOT,
        "nDCG@5 %.4f, recall@10 %.4f (%d requests), no-match with a good match %d of %d",
        mean(withRel.stream().mapToDouble(RequestScore::ndcg5)),
        mean(withRel.stream().mapToDouble(RequestScore::recall10)),
        withRel.size(),
        falseGood,
        noMatch);
  }

  private static double mean(java.util.stream.DoubleStream s) {
    return s.average().orElse(0);
  }

  private static String describe(Tuning t) {
    return String.format(
        Locale.ROOT,
        "category share %.1f, title %.1f, category concept %.1f",
        t.categoryShare(),
        t.titleWeight(),
        t.categoryConceptWeight());
  }

  /** nDCG@5 gained per fold by each concept of the table (full table minus table without it). */
  private static void ablation(DevSet set, Map<String, Integer> foldOf, List<RequestScore> full)
      throws Exception {
    double[] base = perFold(full);
    int helpsMany = 0;
    int helpsOne = 0;
    int helpsNone = 0;
    List<String> one = new ArrayList<>();
    List<String> hurts = new ArrayList<>();
    for (String id : conceptIds()) {
      double[] without = perFold(score(set, Tuning.DEFAULT.withoutConcept(id), foldOf));
      int helped = 0;
      int hurt = 0;
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < FOLDS; k++) {
        double gain = base[k] - without[k];
        sb.append(String.format(Locale.ROOT, " %+.3f", gain));
        if (gain > 0.001) {
          helped++;
        } else if (gain < -0.001) {
          hurt++;
        }
      }
      System.out.printf(Locale.ROOT, "concept %-18s gain per fold:%s%n", id, sb);
      if (helped >= 2) {
        helpsMany++;
      } else if (helped == 1) {
        helpsOne++;
        one.add(id);
      } else {
        helpsNone++;
      }
      if (hurt > helped) {
        hurts.add(id);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "concepts helping 2+ folds: %d, one fold: %d %s, none (no dev post needs them): %d;"
            + " hurting more folds than they help: %s%n",
        helpsMany,
        helpsOne,
        one,
        helpsNone,
        hurts);
  }

  /** Mean nDCG@5 of each fold's requests with relevant offers. */
  public static double[] perFold(List<RequestScore> rs) {
    double[] sum = new double[FOLDS];
    int[] n = new int[FOLDS];
    for (RequestScore r : rs) {
      if (!r.noMatch()) {
        sum[r.fold()] += r.ndcg5();
        n[r.fold()]++;
      }
    }
    for (int k = 0; k < FOLDS; k++) {
      sum[k] = n[k] == 0 ? 0 : sum[k] / n[k];
    }
    return sum;
  }

  private static Set<String> conceptIds() throws Exception {
    Set<String> out = new java.util.LinkedHashSet<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                MatchingEngine.class.getResourceAsStream("/matching/concepts.txt"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#") && !line.startsWith("~")) {
          out.add(line.split("\\s+", 2)[0]);
        }
      }
    }
    return out;
  }
}
