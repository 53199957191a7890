package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Builds {@link PostProfile}s: lemmatised, concept-tagged, weighted text features. */
final class Profiler {

  static final double TITLE_WEIGHT = 2.0;
  static final double DESCRIPTION_WEIGHT = 1.0;
  static final double QUANTITY_WEIGHT = 0.5;

  /** Weight of a sentence that is about the other direction (a need inside an offer, etc.). */
  static final double ASIDE_WEIGHT = 0.25;

  /** Weight of the concept implied by the post's category. */
  static final double CATEGORY_CONCEPT_WEIGHT = 1.5;

  private static final Pattern SENTENCE =
      Pattern.compile("(?<=[.!?;])\\s+|\\n+|\\s+[-–—]\\s+(?=przy okazji)");

  /** In an offer: sentences where the author says what they need themselves. */
  private static final Pattern NEED_ASIDE =
      Pattern.compile(
          "\\b(szukam\\w*|potrzebuj\\w*|potrzebn\\w*|brakuje|brak nam|gdyby ktos|przy okazji"
              + "|przydal\\w* by|need|looking for)\\b");

  /** In a request: sentences where the author says what they give in return. */
  private static final Pattern GIVE_ASIDE =
      Pattern.compile(
          "\\b(w zamian|in exchange|odwdziecz\\w*|przy okazji|oferujemy|we can offer"
              + "|mozemy (udostepnic|wystawic|zaoferowac|dac))\\b");

  private static final Pattern TRAVELS =
      Pattern.compile(
          "\\b(dojezdzamy|dojade|przyjedziemy|przyjade|przyjechac|dowieziemy|u was|zdalnie|online"
              + "|mailowo|w powiecie|po calym powiecie|calego powiatu|okolic\\w*|sasiednich"
              + "|remote\\w*|we travel|any town)\\b");

  private final PolishTextAnalyzer analyzer;
  private final Lexicon lexicon;

  Profiler(PolishTextAnalyzer analyzer, Lexicon lexicon) {
    this.analyzer = analyzer;
    this.lexicon = lexicon;
  }

  PostProfile profile(MatchPost p) {
    String title = nz(p.title());
    String description = nz(p.description());
    // Text typed without any Polish letters is read with diacritics restored ("kolko" → "kółko"),
    // unless it is English ("run" must not become "runa").
    boolean noDiacritics =
        !PolishTextAnalyzer.hasPolishDiacritics(title + description)
            && (title + description).length() > 20
            && !analyzer.looksEnglish(title + " " + description);
    String townKey = townKey(p.town());
    Map<String, Double> weights = new HashMap<>();
    Map<String, String> display = new HashMap<>();
    addText(title, TITLE_WEIGHT, noDiacritics, townKey, weights, display);
    for (String sentence : SENTENCE.split(description)) {
      String folded = PolishTextAnalyzer.fold(sentence);
      boolean aside =
          p.kind() == MatchPost.Kind.OFFER
              ? NEED_ASIDE.matcher(folded).find()
              : GIVE_ASIDE.matcher(folded).find();
      addText(
          sentence,
          DESCRIPTION_WEIGHT * (aside ? ASIDE_WEIGHT : 1.0),
          noDiacritics,
          townKey,
          weights,
          display);
    }
    addText(nz(p.quantity()), QUANTITY_WEIGHT, noDiacritics, townKey, weights, display);
    String category = CategoryAffinity.normalise(p.category());
    String categoryConcept = CategoryAffinity.conceptOf(category);
    if (categoryConcept != null && lexicon.concept(categoryConcept) != null) {
      // The category is part of what the post is about: a VOLUNTEERS offer of "young people who
      // help setting up" is about volunteers even if the word never appears.
      put(weights, display, "c:" + categoryConcept, CATEGORY_CONCEPT_WEIGHT, "");
    }

    TreeMap<String, Double> sorted = new TreeMap<>(weights);
    String[] keys = new String[sorted.size()];
    double[] w = new double[sorted.size()];
    int i = 0;
    double norm2 = 0;
    for (Map.Entry<String, Double> e : sorted.entrySet()) {
      keys[i] = e.getKey();
      w[i] = e.getValue();
      norm2 += w[i] * w[i];
      i++;
    }
    String all = PolishTextAnalyzer.fold(title + " " + description + " " + nz(p.quantity()));
    int head = Capacity.parse(p.quantity());
    if (head == 0) {
      head = Capacity.parse(title + " " + description);
    }
    Availability availability = Availability.parse(p.when());
    analyzer.trimCaches();
    return new PostProfile(
        p,
        entityNos.computeIfAbsent(p.entityId(), k -> entityNos.size()),
        category,
        categoryNo(category),
        townKey,
        townKey.isEmpty() ? -1 : featureNo("l:" + townKey),
        Gazetteer.get().find(p.town()),
        keys,
        featureNos(keys),
        w,
        Math.sqrt(norm2),
        Map.copyOf(display),
        availability,
        head,
        TRAVELS.matcher(all).find(),
        MoneySignals.mentionsMoney(title + " " + description + " " + nz(p.quantity())));
  }

  /** Numbers of features ("l:…", "c:…"), event-specific categories and entities, as they appear. */
  private final Map<String, Integer> featureNos = new HashMap<>();

  private final Map<String, Integer> otherCategoryNos = new HashMap<>();

  private final Map<String, Integer> entityNos = new HashMap<>();

  private int featureNo(String key) {
    Integer no = featureNos.get(key);
    if (no == null) {
      no = featureNos.size();
      featureNos.put(key, no);
    }
    return no;
  }

  private int[] featureNos(String[] keys) {
    int[] out = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = featureNo(keys[i]);
    }
    java.util.Arrays.sort(out);
    return out;
  }

  private int categoryNo(String category) {
    int known = CategoryAffinity.knownNumber(category);
    if (known >= 0) {
      return known;
    }
    Integer no = otherCategoryNos.get(category);
    if (no == null) {
      no = CategoryAffinity.knownCount() + 1 + otherCategoryNos.size();
      otherCategoryNos.put(category, no);
    }
    return no;
  }

  private String townKey(String town) {
    if (town == null || town.isBlank()) {
      return "";
    }
    List<PolishTextAnalyzer.Token> tokens = analyzer.analyze(town, false);
    if (tokens.size() == 1 && !tokens.get(0).lemmas().isEmpty()) {
      return tokens.get(0).lemmas().get(0).key();
    }
    return PolishTextAnalyzer.fold(town.trim());
  }

  private void addText(
      String text,
      double fieldWeight,
      boolean noDiacritics,
      String townKey,
      Map<String, Double> weights,
      Map<String, String> display) {
    if (text.isBlank()) {
      return;
    }
    List<PolishTextAnalyzer.Token> tokens = analyzer.analyze(text, noDiacritics);
    for (int i = 0; i < tokens.size(); i++) {
      PolishTextAnalyzer.Token t = tokens.get(i);
      if (t.surface().chars().allMatch(Character::isDigit)) {
        continue;
      }
      List<Lexicon.Hit> hits = new ArrayList<>(lexicon.hitsAt(tokens, i));
      hits = lexicon.withParents(hits);
      List<String> extraKeys = new ArrayList<>();
      if (!t.known() && !lexicon.knows(PolishTextAnalyzer.fold(t.surface()))) {
        for (String near : lexicon.fuzzy(PolishTextAnalyzer.fold(t.surface()))) {
          extraKeys.add(near);
          for (Lexicon.Concept c : lexicon.conceptsOf(near)) {
            hits.add(new Lexicon.Hit(c, 1));
          }
        }
        hits = lexicon.withParents(hits);
      }
      String shown = t.lemmas().get(0).display();
      for (Lexicon.Hit hit : hits) {
        String shownHit = shown;
        if (hit.length() > 1) {
          StringBuilder sb = new StringBuilder();
          for (int k = i; k < i + hit.length(); k++) {
            sb.append(k == i ? "" : " ").append(tokens.get(k).lemmas().get(0).display());
          }
          shownHit = sb.toString();
        }
        put(
            weights,
            display,
            "c:" + hit.concept().id(),
            fieldWeight * hit.concept().weight(),
            shownHit);
      }
      if (analyzer.isStopword(t.surface())) {
        continue;
      }
      // A word with several possible lemmas ("działa": działo / działać) spreads its weight.
      double ambiguity = 1 / Math.sqrt(t.lemmas().size());
      for (PolishTextAnalyzer.Lemma l : t.lemmas()) {
        put(
            weights,
            display,
            "l:" + l.key(),
            fieldWeight * ambiguity * lemmaWeight(l, townKey),
            l.display());
      }
      for (String near : extraKeys) {
        put(weights, display, "l:" + near, fieldWeight * 0.6, near);
      }
    }
  }

  private double lemmaWeight(PolishTextAnalyzer.Lemma l, String townKey) {
    if (!townKey.isEmpty() && l.key().equals(townKey)) {
      return 0.05;
    }
    Double override = lexicon.wordWeight(l.key());
    if (override != null) {
      return override;
    }
    double cw = lexicon.conceptWeightOf(l.key());
    if (cw > 0) {
      return 0.5 * cw;
    }
    if (analyzer.isStopword(l.key())) {
      return 0;
    }
    return switch (l.pos()) {
      case NOUN -> 1.0;
      case UNKNOWN -> 0.8;
      case VERB -> 0.6;
      case ADJ -> 0.5;
      case OTHER -> 0.15;
    };
  }

  private static void put(
      Map<String, Double> weights,
      Map<String, String> display,
      String key,
      double w,
      String shown) {
    if (w <= 0) {
      return;
    }
    Double old = weights.get(key);
    if (old == null || w > old) {
      weights.put(key, w);
      display.put(key, shown);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
