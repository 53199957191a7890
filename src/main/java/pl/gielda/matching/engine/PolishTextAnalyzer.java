package pl.gielda.matching.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns Polish (and a little English) text as typed on phones into lemma tokens.
 *
 * <p>Tokenisation uses Lucene's {@link StandardTokenizer}; lemmatisation uses the Morfologik Polish
 * dictionary (the one behind Lucene's {@code MorfologikFilter}). Text typed without diacritics
 * ("seniorow", "obslugi") is handled by trying the diacritic restorations of a word against the
 * dictionary. Lemmas are compared in diacritic-folded form, so "zajecia" and "zajęcia" meet. Not
 * thread-safe (the Morfologik lookup is not); {@link MatchingEngine} serialises access.
 */
final class PolishTextAnalyzer {

  /** Part-of-speech class of a lemma, used for weighting. */
  enum Pos {
    NOUN,
    VERB,
    ADJ,
    OTHER,
    UNKNOWN
  }

  /** One lemma alternative of a token: folded key, display form, part of speech. */
  record Lemma(String key, String display, Pos pos) {}

  /** A token of the input with all its lemma alternatives (never empty). */
  record Token(String surface, List<Lemma> lemmas, boolean known) {}

  private static final int MAX_RESTORATIONS = 96;
  private static final int CACHE_LIMIT = 200_000;

  /** Classpath location of the Polish dictionary shipped with lucene-analysis-morfologik. */
  private static final String POLISH_DICTIONARY = "/morfologik/stemming/polish/polish.dict";

  private final DictionaryLookup stemmer = new DictionaryLookup(loadPolishDictionary());
  private final CharArraySet stopwords = PolishAnalyzer.getDefaultStopSet();
  private final Map<String, List<Lemma>> directCache = new HashMap<>();
  private final Map<String, List<Lemma>> restoredCache = new HashMap<>();

  private static Dictionary loadPolishDictionary() {
    URL url = PolishTextAnalyzer.class.getResource(POLISH_DICTIONARY);
    if (url == null) {
      throw new IllegalStateException("Morfologik Polish dictionary not on the classpath");
    }
    try {
      return Dictionary.read(url);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-cases and strips Polish (and other) diacritics: "Gniewie" → "gniewie", "ł" → "l". */
  static String fold(String s) {
    if (s == null) {
      return "";
    }
    String lower = s.toLowerCase(Locale.ROOT).replace('ł', 'l');
    String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(nfd.length());
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  static boolean hasPolishDiacritics(String s) {
    for (int i = 0; i < s.length(); i++) {
      if ("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** English function words: a few posts are in English, and "for" or "the" say nothing. */
  private final CharArraySet englishStopwords =
      new CharArraySet(
          java.util.List.of(
              "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if", "in",
              "into", "is", "me", "my", "no", "not", "of", "on", "or", "so", "such", "that", "the",
              "their", "then", "there", "these", "they", "this", "to", "too", "was", "we", "were",
              "will", "with", "you", "i", "i'm", "we're", "our", "us", "your", "any", "some",
              "very", "just", "also", "than", "up", "out", "about", "who", "what", "which", "do",
              "does", "have", "has", "had", "would", "could", "should", "can"),
          false);

  /** Whether text looks English: at least a sixth of its words are English function words. */
  boolean looksEnglish(String text) {
    List<String> tokens = tokenize(text);
    int english = 0;
    for (String t : tokens) {
      if (englishStopwords.contains(t) && !stopwords.contains(t)) {
        english++;
      }
    }
    return english >= 2 && english * 6 >= tokens.size();
  }

  boolean isStopword(String token) {
    return stopwords.contains(token) || englishStopwords.contains(token);
  }

  private final StandardTokenizer tokenizer = new StandardTokenizer();
  private final CharTermAttribute termAttribute = tokenizer.addAttribute(CharTermAttribute.class);
  private static final Locale POLISH = new Locale("pl");

  /** Splits text into lower-cased word tokens (Lucene standard tokenisation, reused tokenizer). */
  List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    try {
      tokenizer.setReader(new StringReader(text));
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        out.add(termAttribute.toString().toLowerCase(POLISH));
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /**
   * Analyses text into tokens with lemma alternatives.
   *
   * @param restoreAll also try diacritic restorations of words that are valid as typed (use for
   *     texts typed entirely without diacritics, where "kolko" means "kółko")
   */
  List<Token> analyze(String text, boolean restoreAll) {
    List<Token> out = new ArrayList<>();
    for (String tok : tokenize(text)) {
      out.add(analyzeWord(tok, restoreAll));
    }
    return out;
  }

  Token analyzeWord(String tok, boolean restoreAll) {
    List<Lemma> direct = directCache.computeIfAbsent(tok, this::lookup);
    boolean plainAscii = !hasPolishDiacritics(tok);
    if (plainAscii && (direct.isEmpty() || restoreAll)) {
      List<Lemma> restored = restoredCache.computeIfAbsent(tok, this::restore);
      if (!restored.isEmpty()) {
        Map<String, Lemma> merged = new LinkedHashMap<>();
        direct.forEach(l -> merged.put(l.key(), l));
        restored.forEach(l -> merged.putIfAbsent(l.key(), l));
        return new Token(tok, List.copyOf(merged.values()), true);
      }
    }
    if (!direct.isEmpty()) {
      return new Token(tok, direct, true);
    }
    return new Token(tok, unknownWordLemmas(tok), false);
  }

  /**
   * Lemmas of a word Morfologik does not know: the word itself and its English singular (Lucene's
   * {@link EnglishMinimalStemmer}: "rooms", "volunteers", "activities", "boxes" — it replaces a
   * hand-written plural rule). Lucene's Stempel stems of such words were tried as a further
   * alternative and lowered nDCG@5 on dev (the weight of an unknown word is spread over more
   * alternatives), so they are not used.
   */
  private List<Lemma> unknownWordLemmas(String tok) {
    String key = fold(tok);
    List<Lemma> out = new ArrayList<>(3);
    out.add(new Lemma(key, tok, Pos.UNKNOWN));
    char[] buf = key.toCharArray();
    String english = new String(buf, 0, englishStemmer.stem(buf, buf.length));
    if (key.length() > 3 && !english.equals(key)) {
      out.add(new Lemma(english, tok, Pos.UNKNOWN));
    }
    return out;
  }

  private final EnglishMinimalStemmer englishStemmer = new EnglishMinimalStemmer();

  private List<Lemma> lookup(String word) {
    if (word.isEmpty() || word.length() > 40) {
      return List.of();
    }
    List<WordData> data;
    try {
      data = stemmer.lookup(word);
    } catch (RuntimeException e) {
      return List.of();
    }
    if (data.isEmpty()) {
      return List.of();
    }
    Map<String, Lemma> nonGerund = new LinkedHashMap<>();
    Map<String, Lemma> gerund = new LinkedHashMap<>();
    for (WordData d : data) {
      String stem = d.getStem().toString().toLowerCase(new Locale("pl"));
      String tag = d.getTag() == null ? "" : d.getTag().toString();
      Pos pos = posOf(tag);
      Lemma lemma = new Lemma(fold(stem), stem, pos);
      if (tag.startsWith("ger")) {
        // A gerund ("nagłośnienie" as the verb "nagłośnić") is kept only when the word is not
        // also a noun: "nagłośnienie" (sound system) must not become "nagłośnić" (to publicise).
        gerund.putIfAbsent(lemma.key(), new Lemma(lemma.key(), stem, Pos.NOUN));
      } else {
        nonGerund.merge(
            lemma.key(), lemma, (a, b) -> a.pos().ordinal() <= b.pos().ordinal() ? a : b);
      }
    }
    return List.copyOf((nonGerund.isEmpty() ? gerund : nonGerund).values());
  }

  private static Pos posOf(String tag) {
    if (tag.startsWith("subst") || tag.startsWith("depr") || tag.startsWith("brev")) {
      return Pos.NOUN;
    }
    if (tag.startsWith("verb")
        || tag.startsWith("inf")
        || tag.startsWith("pact")
        || tag.startsWith("ppas")
        || tag.startsWith("pcon")
        || tag.startsWith("pant")) {
      return Pos.VERB;
    }
    if (tag.startsWith("adj")) {
      return Pos.ADJ;
    }
    return Pos.OTHER;
  }

  private static final String PLAIN = "acelnoszz";
  private static final String MARKED = "ąćęłńóśżź";

  /** Tries diacritic restorations of an ASCII word ("seniorow" → "seniorów") in the dictionary. */
  private List<Lemma> restore(String word) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < word.length(); i++) {
      if (PLAIN.indexOf(word.charAt(i)) >= 0) {
        positions.add(i);
      }
    }
    if (positions.isEmpty() || word.length() < 3) {
      return List.of();
    }
    Map<String, Lemma> out = new LinkedHashMap<>();
    char[] buf = word.toCharArray();
    int[] budget = {MAX_RESTORATIONS};
    restoreRec(buf, positions, 0, false, out, budget);
    return List.copyOf(out.values());
  }

  private void restoreRec(
      char[] buf, List<Integer> pos, int i, boolean changed, Map<String, Lemma> out, int[] budget) {
    if (budget[0] <= 0) {
      return;
    }
    if (i == pos.size()) {
      if (changed) {
        budget[0]--;
        for (Lemma l : lookup(new String(buf))) {
          out.putIfAbsent(l.key(), l);
        }
      }
      return;
    }
    int p = pos.get(i);
    char orig = buf[p];
    restoreRec(buf, pos, i + 1, changed, out, budget);
    for (int k = 0; k < PLAIN.length(); k++) {
      if (PLAIN.charAt(k) == orig) {
        buf[p] = MARKED.charAt(k);
        restoreRec(buf, pos, i + 1, true, out, budget);
      }
    }
    buf[p] = orig;
  }

  void trimCaches() {
    if (directCache.size() > CACHE_LIMIT) {
      directCache.clear();
    }
    if (restoredCache.size() > CACHE_LIMIT) {
      restoredCache.clear();
    }
  }
}
