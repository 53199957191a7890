package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Builds {@link PostProfile}s: lemmatised, concept-tagged, weighted text features. */
final class Profiler {

  static final double DESCRIPTION_WEIGHT = 1.0;
  static final double QUANTITY_WEIGHT = 0.5;

  /** Weight of a sentence that is about the other direction (a need inside an offer, etc.). */
  static final double ASIDE_WEIGHT = 0.25;

  /** Weights of title words and of the concept implied by the post's category. */
  private final Tuning tuning;

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

  /**
   * Inflected forms (folded) of the gazetteer's towns → the lemma the town's own name gives (its
   * key is the town key of a post in that town): "pelplinie" → pelplin, "gdansku" → gdansk.
   */
  private final Map<String, PolishTextAnalyzer.Lemma> townWordForms = new HashMap<>();

  /**
   * The same for two-word towns, keyed "word word": "starogardzie gdanskim" → starogard gdanski.
   */
  private final Map<String, PolishTextAnalyzer.Lemma> townPairForms = new HashMap<>();

  Profiler(PolishTextAnalyzer analyzer, Lexicon lexicon) {
    this(analyzer, lexicon, Tuning.DEFAULT);
  }

  Profiler(PolishTextAnalyzer analyzer, Lexicon lexicon, Tuning tuning) {
    this.tuning = tuning;
    this.analyzer = analyzer;
    this.lexicon = lexicon;
    buildTownForms(Gazetteer.get().names());
  }

  /**
   * Precomputes the inflected forms of the towns ({@link TownForms}), so that recognising a town in
   * a post's text costs one hash lookup per word. Conservative: a form two towns could take is
   * dropped, as is a form that is another town's own name; a town whose name is an ordinary word
   * ("Gniew", "Nowe", "Brody") claims none of its forms that are ordinary words too (Morfologik
   * already reads "w Gniewie" as gniew); the single word of a two-word town ("w Starogardzie") is
   * recognised only when it is no ordinary word.
   */
  private void buildTownForms(List<String> names) {
    Map<String, PolishTextAnalyzer.Lemma> words = new HashMap<>();
    Map<String, PolishTextAnalyzer.Lemma> pairs = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    Set<String> nominatives = new HashSet<>();
    for (String name : names) {
      nominatives.add(PolishTextAnalyzer.fold(name.strip()));
    }
    for (String name : names) {
      String key = townKey(name);
      String[] parts = name.strip().split("\\s+");
      if (parts.length == 1) {
        PolishTextAnalyzer.Token exact = analyzer.analyzeWord(lower(name), false);
        PolishTextAnalyzer.Lemma lemma =
            new PolishTextAnalyzer.Lemma(key, lower(name), exact.lemmas().get(0).pos());
        for (String form : TownForms.forms(name, this::knownAdjective)) {
          if (!exact.known() || !analyzer.analyzeWord(form, false).known()) {
            claim(words, ambiguous, form, lemma);
          }
        }
      } else if (parts.length == 2) {
        PolishTextAnalyzer.Lemma lemma =
            new PolishTextAnalyzer.Lemma(key, lower(name), PolishTextAnalyzer.Pos.UNKNOWN);
        for (String form : TownForms.forms(name, this::knownAdjective)) {
          claim(pairs, ambiguous, form, lemma);
        }
        for (String part : parts) {
          if (!TownForms.looksAdjective(part, this::knownAdjective)
              && !analyzer.analyzeWord(lower(part), false).known()) {
            for (String form : TownForms.wordForms(part, false)) {
              claim(words, ambiguous, form, lemma);
            }
          }
        }
      }
    }
    for (Map.Entry<String, PolishTextAnalyzer.Lemma> e : words.entrySet()) {
      if (!ambiguous.contains(e.getKey())
          && (!nominatives.contains(e.getKey())
              || e.getKey().equals(PolishTextAnalyzer.fold(e.getValue().display())))) {
        townWordForms.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, PolishTextAnalyzer.Lemma> e : pairs.entrySet()) {
      if (!ambiguous.contains(e.getKey())) {
        townPairForms.put(e.getKey(), e.getValue());
      }
    }
  }

  private static void claim(
      Map<String, PolishTextAnalyzer.Lemma> forms,
      Set<String> ambiguous,
      String form,
      PolishTextAnalyzer.Lemma town) {
    PolishTextAnalyzer.Lemma old = forms.putIfAbsent(form, town);
    if (old != null && !old.key().equals(town.key())) {
      ambiguous.add(form);
    }
  }

  private boolean knownAdjective(String word) {
    return analyzer.analyzeWord(word, false).lemmas().stream()
        .anyMatch(l -> l.pos() == PolishTextAnalyzer.Pos.ADJ);
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.forLanguageTag("pl"));
  }

  /** The town lemma of an inflected town name at token i ("Pelplinie"), or null. */
  PolishTextAnalyzer.Lemma townAt(String[] folded, int i) {
    return townWordForms.get(folded[i]);
  }

  /** The town lemma of a two-word town name at tokens i, i+1 ("Starogardzie Gdańskim"), or null. */
  PolishTextAnalyzer.Lemma townPairAt(String[] folded, int i) {
    return i + 1 < folded.length ? townPairForms.get(folded[i] + " " + folded[i + 1]) : null;
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
    addText(title, tuning.titleWeight(), noDiacritics, townKey, weights, display);
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
      put(weights, display, "c:" + categoryConcept, tuning.categoryConceptWeight(), "");
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
    String stated = title + " " + description + " " + nz(p.quantity()) + " " + nz(p.when());
    Requirements requirements =
        p.kind() == MatchPost.Kind.REQUEST
            ? Requirements.ofRequest(stated)
            : Requirements.ofOffer(stated);
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
        requirements,
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
    String[] folded = new String[tokens.size()];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = PolishTextAnalyzer.fold(tokens.get(i).surface());
    }
    for (int i = 0; i < tokens.size(); i++) {
      PolishTextAnalyzer.Token t = tokens.get(i);
      if (t.surface().chars().allMatch(Character::isDigit)) {
        continue;
      }
      PolishTextAnalyzer.Lemma pairTown = townPairAt(folded, i);
      if (pairTown != null) {
        // "w Starogardzie Gdańskim": the town as one feature, like a one-word town.
        put(
            weights,
            display,
            "l:" + pairTown.key(),
            fieldWeight * lemmaWeight(pairTown, townKey),
            pairTown.display());
      }
      PolishTextAnalyzer.Lemma town = townAt(folded, i);
      if (town != null && t.lemmas().stream().noneMatch(l -> l.key().equals(town.key()))) {
        // "w Pelplinie": the word keeps its own features and also names the town, as "Pelplin"
        // would (the post's own town with the low weight of lemmaWeight).
        put(
            weights,
            display,
            "l:" + town.key(),
            fieldWeight * lemmaWeight(town, townKey),
            town.display());
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
