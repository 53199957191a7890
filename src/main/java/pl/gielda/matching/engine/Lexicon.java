package pl.gielda.matching.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The curated domain concept table ({@code /matching/concepts.txt}): synonyms and related words
 * grouped into weighted concepts (rzutnik = projektor, nagłośnienie = głośnik + mikrofon, ...),
 * plus weight overrides for generic words. Terms are lemmatised with the same analyser as posts, so
 * they match any inflected form. Also provides typo-tolerant lookup of unknown words against the
 * table's vocabulary.
 */
final class Lexicon {

  record Concept(String id, double weight) {}

  /**
   * Share of its own weight at which a broader concept is implied (a projector is equipment, but a
   * projector and a table are not alike just because both are equipment).
   */
  static final double PARENT_SHARE = 0.5;

  /** Concept id → broader concepts it implies (e.g. CAKE → FOOD). */
  private final Map<String, List<String>> parents = new HashMap<>();

  private final Map<String, Concept> concepts = new HashMap<>();

  /** A multi-word term: lemma-key alternatives for each word. */
  private record Phrase(List<Set<String>> words, Concept concept) {}

  /** A concept found in a token sequence, covering {@code length} tokens from the start. */
  record Hit(Concept concept, int length) {}

  private final Map<String, List<Concept>> single = new HashMap<>();
  private final Map<String, List<Phrase>> phrasesByFirst = new HashMap<>();
  private final Map<String, Double> wordWeights = new HashMap<>();

  /** Table words by (length, first letter): typos rarely hit the first letter. */
  private final Map<Integer, List<String>> vocabularyByLength = new HashMap<>();

  private final Map<String, List<String>> fuzzyCache = new HashMap<>();

  static Lexicon load(PolishTextAnalyzer analyzer) {
    return load(analyzer, Set.of());
  }

  /** The table without the concepts {@code without} (their lines are skipped), for ablation. */
  static Lexicon load(PolishTextAnalyzer analyzer, Set<String> without) {
    try (InputStream in = Lexicon.class.getResourceAsStream("/matching/concepts.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource /matching/concepts.txt");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Lexicon lexicon = new Lexicon();
      String line;
      while ((line = reader.readLine()) != null) {
        String id = line.strip().split("\\s+", 2)[0];
        if (without.contains(id)) {
          continue;
        }
        lexicon.addLine(line.strip(), analyzer);
      }
      return lexicon;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addLine(String line, PolishTextAnalyzer analyzer) {
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("bad concept line: " + line);
    }
    String[] head = line.substring(0, colon).trim().split("\\s+");
    String[] terms = line.substring(colon + 1).split(",");
    if (head[0].equals("~")) {
      double w = Double.parseDouble(head[1]);
      for (String term : terms) {
        for (PolishTextAnalyzer.Token t : analyzer.analyze(term.trim(), false)) {
          for (String key : keysOf(t)) {
            wordWeights.merge(key, w, Math::min);
          }
        }
      }
      return;
    }
    Concept concept = new Concept(head[0], Double.parseDouble(head[1]));
    concepts.put(concept.id(), concept);
    for (int k = 2; k < head.length; k++) {
      if (!head[k].equals(">")) {
        parents.computeIfAbsent(concept.id(), x -> new ArrayList<>()).add(head[k]);
      }
    }
    for (String term : terms) {
      List<PolishTextAnalyzer.Token> tokens = analyzer.analyze(term.trim(), false);
      if (tokens.isEmpty()) {
        continue;
      }
      if (tokens.size() == 1) {
        for (String key : termKeysOf(tokens.get(0))) {
          List<Concept> list = single.computeIfAbsent(key, k -> new ArrayList<>(2));
          if (!list.contains(concept)) {
            list.add(concept);
          }
          if (key.length() >= 5) {
            vocabularyByLength
                .computeIfAbsent(bucket(key.length(), key.charAt(0)), k -> new ArrayList<>())
                .add(key);
          }
        }
      } else {
        List<Set<String>> words = new ArrayList<>();
        for (PolishTextAnalyzer.Token t : tokens) {
          words.add(termKeysOf(t));
        }
        Phrase phrase = new Phrase(words, concept);
        for (String key : words.get(0)) {
          phrasesByFirst.computeIfAbsent(key, k -> new ArrayList<>()).add(phrase);
        }
      }
    }
  }

  /**
   * Keys of a word of the table. Terms are written in base form, so when the word is one of its own
   * lemmas only that lemma is used ("dane" must not also mean "dać"); otherwise noun lemmas are
   * preferred.
   */
  private static Set<String> termKeysOf(PolishTextAnalyzer.Token t) {
    String surface = PolishTextAnalyzer.fold(t.surface());
    Set<String> keys = new HashSet<>();
    keys.add(surface);
    boolean surfaceIsLemma = t.lemmas().stream().anyMatch(l -> l.key().equals(surface));
    boolean hasNoun = t.lemmas().stream().anyMatch(l -> l.pos() == PolishTextAnalyzer.Pos.NOUN);
    if (!surfaceIsLemma) {
      for (PolishTextAnalyzer.Lemma l : t.lemmas()) {
        if (!hasNoun || l.pos() == PolishTextAnalyzer.Pos.NOUN) {
          keys.add(l.key());
        }
      }
    }
    return keys;
  }

  private static Set<String> keysOf(PolishTextAnalyzer.Token t) {
    Set<String> keys = new HashSet<>();
    keys.add(PolishTextAnalyzer.fold(t.surface()));
    for (PolishTextAnalyzer.Lemma l : t.lemmas()) {
      keys.add(l.key());
    }
    return keys;
  }

  /** Concepts of single words and of phrases starting at token {@code i}. */
  List<Hit> hitsAt(List<PolishTextAnalyzer.Token> tokens, int i) {
    List<Hit> hits = new ArrayList<>();
    PolishTextAnalyzer.Token t = tokens.get(i);
    Set<String> keys = keysOf(t);
    for (String key : keys) {
      for (Concept c : single.getOrDefault(key, List.of())) {
        addHit(hits, c, 1);
      }
      for (Phrase p : phrasesByFirst.getOrDefault(key, List.of())) {
        if (matches(p, tokens, i)) {
          addHit(hits, p.concept(), p.words().size());
        }
      }
    }
    return hits;
  }

  /**
   * Adds the broader concepts implied by the hits found so far (at PARENT_SHARE of their weight).
   */
  List<Hit> withParents(List<Hit> hits) {
    List<Hit> out = new ArrayList<>(hits);
    for (int i = 0; i < out.size(); i++) {
      for (String parentId : parents.getOrDefault(out.get(i).concept().id(), List.of())) {
        Concept parent = concepts.get(parentId);
        if (parent != null) {
          addHit(
              out, new Concept(parent.id(), PARENT_SHARE * parent.weight()), out.get(i).length());
        }
      }
    }
    return out;
  }

  Concept concept(String id) {
    return concepts.get(id);
  }

  private static void addHit(List<Hit> hits, Concept c, int length) {
    for (int k = 0; k < hits.size(); k++) {
      if (hits.get(k).concept().id().equals(c.id())) {
        if (hits.get(k).length() < length) {
          hits.set(k, new Hit(c, length));
        }
        return;
      }
    }
    hits.add(new Hit(c, length));
  }

  private static boolean matches(Phrase p, List<PolishTextAnalyzer.Token> tokens, int start) {
    if (start + p.words().size() > tokens.size()) {
      return false;
    }
    for (int k = 1; k < p.words().size(); k++) {
      Set<String> want = p.words().get(k);
      PolishTextAnalyzer.Token t = tokens.get(start + k);
      boolean ok = want.contains(PolishTextAnalyzer.fold(t.surface()));
      for (PolishTextAnalyzer.Lemma l : t.lemmas()) {
        ok |= want.contains(l.key());
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Weight override for a lemma key, or {@code null} if the word has none. */
  Double wordWeight(String key) {
    return wordWeights.get(key);
  }

  /** Highest weight of a concept containing this single word, or 0. */
  double conceptWeightOf(String key) {
    double w = 0;
    for (Concept c : single.getOrDefault(key, List.of())) {
      w = Math.max(w, c.weight());
    }
    return w;
  }

  /** Concepts that contain this single word. */
  List<Concept> conceptsOf(String key) {
    return single.getOrDefault(key, List.of());
  }

  boolean knows(String key) {
    return single.containsKey(key) || phrasesByFirst.containsKey(key);
  }

  /**
   * Table words within a small edit distance of an unknown word (typos such as "projekor",
   * "wolontarjusze"): distance 1 for words of 5–8 letters, 2 for longer ones.
   */
  List<String> fuzzy(String key) {
    if (key.length() < 5) {
      return List.of();
    }
    return fuzzyCache.computeIfAbsent(
        key,
        k -> {
          int max = k.length() >= 9 ? 2 : 1;
          List<String> out = new ArrayList<>();
          for (int len = k.length() - max; len <= k.length() + max; len++) {
            for (String cand :
                vocabularyByLength.getOrDefault(bucket(len, k.charAt(0)), List.of())) {
              if (!cand.equals(k) && damerauLevenshtein(k, cand, max) <= max) {
                out.add(cand);
              }
            }
          }
          return List.copyOf(out);
        });
  }

  private static int bucket(int length, char first) {
    return length * 65536 + first;
  }

  /** Optimal-string-alignment distance, with early exit above {@code max}. */
  static int damerauLevenshtein(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    int[][] d = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      int rowMin = Integer.MAX_VALUE;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[n][m];
  }
}
