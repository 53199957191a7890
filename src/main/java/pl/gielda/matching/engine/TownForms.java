package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The inflected forms of a Polish town name, derived by declension rules, so that "w Pelplinie", "z
 * Tczewa", "do Subków" or "w Starogardzie Gdańskim" are read as naming Pelplin, Tczew, Subkowy and
 * Starogard Gdański. Morfologik knows no proper names, so without this an inflected town in a
 * post's text is just an unknown word.
 *
 * <p>Forms are diacritic-folded ({@link PolishTextAnalyzer#fold}), which also makes the ó → o
 * alternation ("Kraków" → "Krakowie") free. Rules cover the case endings of the noun classes towns
 * fall into — masculine nouns ("Tczew": -a, -u, -owi, -em, -ie with the stem alternations d → dzi,
 * t → ci, r → rz…, -u after k, g, ch and soft consonants), feminine nouns in -a ("Knybawa": -y/-i,
 * -ie/-e with k → c, g → dz…), neuter nouns in -o and -e ("Bałdowo", "Turze"), plural names in -y,
 * -i and -e ("Subkowy": Subków, Subkowach, Subkowom, Subkowami; "Rokitki": Rokitek) — and
 * adjectives ("Gdański": Gdańskiego, Gdańskim; "Tczewska": Tczewskiej). A form is only ever derived
 * from a name by a rule, never matched by prefix, so an ordinary word cannot become a town by
 * resembling one.
 */
final class TownForms {

  private static final Locale POLISH = Locale.forLanguageTag("pl");

  /** Forms shorter than this are not recognised (too likely to be something else). */
  static final int MIN_FORM_LENGTH = 4;

  private TownForms() {}

  /**
   * The folded forms of one word of a town name (including its folded nominative).
   *
   * @param adjective whether the word is an adjective ("Gdański", "Nowa", "Pomorskie")
   */
  static Set<String> wordForms(String word, boolean adjective) {
    String w = word.toLowerCase(POLISH).strip();
    Set<String> out = new LinkedHashSet<>();
    out.add(w);
    if (adjective) {
      adjectiveForms(w, out);
    } else {
      nounForms(w, out);
    }
    Set<String> folded = new LinkedHashSet<>();
    for (String f : out) {
      if (f.length() >= MIN_FORM_LENGTH || f.equals(w)) {
        folded.add(PolishTextAnalyzer.fold(f));
      }
    }
    return folded;
  }

  /**
   * Whether a word of a multi-word town name is an adjective, judged by its ending: "-ski", "-cka",
   * "-ckie"… or, for other endings, when {@code knownAdjective} says so ("Nowa", "Małe").
   */
  static boolean looksAdjective(String word, Predicate<String> knownAdjective) {
    String w = PolishTextAnalyzer.fold(word);
    if (w.matches(".*[sc]k(i|a|ie)")) {
      return true;
    }
    return w.matches(".*(y|i|a|e)") && knownAdjective.test(word.toLowerCase(POLISH));
  }

  /**
   * All folded forms of a whole town name; a multi-word name gives space-separated forms (every
   * form of each word with every form of the other: the pair is specific enough).
   */
  static Set<String> forms(String name, Predicate<String> knownAdjective) {
    String[] words = name.strip().split("\\s+");
    List<Set<String>> perWord = new ArrayList<>();
    for (String word : words) {
      boolean adjective = words.length > 1 && looksAdjective(word, knownAdjective);
      perWord.add(wordForms(word, adjective));
    }
    Set<String> out = new LinkedHashSet<>();
    combine(perWord, 0, "", out);
    return out;
  }

  private static void combine(List<Set<String>> perWord, int i, String prefix, Set<String> out) {
    if (i == perWord.size()) {
      out.add(prefix);
      return;
    }
    for (String f : perWord.get(i)) {
      combine(perWord, i + 1, i == 0 ? f : prefix + " " + f, out);
    }
  }

  private static boolean vowel(char c) {
    return "aąeęioóuy".indexOf(c) >= 0;
  }

  /** Consonants (or clusters) after which Polish takes -u in the locative and -y/-e, not -ie. */
  private static boolean hardenedOrVelar(String stem) {
    return stem.endsWith("k")
        || stem.endsWith("g")
        || stem.endsWith("ch")
        || stem.endsWith("cz")
        || stem.endsWith("sz")
        || stem.endsWith("rz")
        || stem.endsWith("ż")
        || stem.endsWith("c")
        || stem.endsWith("dz")
        || stem.endsWith("dź")
        || stem.endsWith("j")
        || stem.endsWith("l")
        || stem.endsWith("ń")
        || stem.endsWith("ś")
        || stem.endsWith("ć")
        || stem.endsWith("ź");
  }

  /** The locative/dative "-e" form of a hard stem: Tczew → Tczewie, Starogard → Starogardzie. */
  private static String softened(String stem) {
    String[][] alternations = {
      {"st", "ście"},
      {"zd", "ździe"},
      {"sł", "śle"},
      {"ł", "le"},
      {"d", "dzie"},
      {"t", "cie"},
      {"r", "rze"},
      {"k", "ce"},
      {"g", "dze"},
      {"ch", "sze"},
    };
    for (String[] a : alternations) {
      if (stem.endsWith(a[0])) {
        return stem.substring(0, stem.length() - a[0].length()) + a[1];
      }
    }
    return stem + "ie";
  }

  /** The soft stem of a word ending in ń, ś, ć, ź, dź: "jeleń" → "jeleni" (before a vowel). */
  private static String beforeVowel(String stem) {
    String[][] soft = {{"dź", "dzi"}, {"ń", "ni"}, {"ś", "si"}, {"ć", "ci"}, {"ź", "zi"}};
    for (String[] s : soft) {
      if (stem.endsWith(s[0])) {
        return stem.substring(0, stem.length() - s[0].length()) + s[1];
      }
    }
    return stem;
  }

  /** "-y" or "-i" after a stem: -i after k, g, l, j and soft stems, -y otherwise. */
  private static String yOrI(String stem) {
    return stem.endsWith("k")
            || stem.endsWith("g")
            || stem.endsWith("l")
            || stem.endsWith("j")
            || stem.endsWith("i")
        ? "i"
        : "y";
  }

  private static void nounForms(String w, Set<String> out) {
    char last = w.charAt(w.length() - 1);
    if (w.length() < 3) {
      return;
    }
    if (last == 'y' || last == 'i') {
      pluralForms(w.substring(0, w.length() - 1), out);
    } else if (last == 'o') {
      neuterForms(w.substring(0, w.length() - 1), out, true);
    } else if (last == 'e') {
      String stem = w.substring(0, w.length() - 1);
      neuterForms(stem, out, false);
      // Plural names in -e ("Kulice": w Kulicach, z Kulic).
      out.add(stem + "ach");
      out.add(stem + "om");
      out.add(stem + "ami");
      if (stem.length() >= 5 && !stem.endsWith("i")) {
        // Not after -i-: "Stanisławie" must not claim the first name Stanisław.
        out.add(stem);
      }
    } else if (last == 'a') {
      feminineForms(w.substring(0, w.length() - 1), out);
    } else if (w.endsWith("iew") && w.length() > 5) {
      // Feminine in -iew: "Cerkiew" → Cerkwi, Cerkwią.
      String stem = w.substring(0, w.length() - 3) + "w";
      out.add(stem + "i");
      out.add(stem + "ią");
    } else if (!vowel(last)) {
      masculineForms(w, out);
    }
  }

  private static void masculineForms(String w, Set<String> out) {
    masculineEndings(beforeVowel(w), w, out);
    // A fleeting e: "Zgorzelec" → Zgorzelca, "Wąbrzeźno"-like stems are not masculine.
    if (w.matches(".*[^aeiouyąęó]e[ck]") && w.length() > 5) {
      String stem = w.substring(0, w.length() - 2) + w.charAt(w.length() - 1);
      masculineEndings(stem, null, out);
    }
  }

  private static void masculineEndings(String stem, String nominative, Set<String> out) {
    out.add(stem + "a");
    out.add(stem + "u");
    out.add(stem + "owi");
    boolean velar = stem.endsWith("k") || stem.endsWith("g");
    out.add(stem + (velar ? "iem" : "em"));
    String hard = nominative == null ? stem : nominative;
    if (hardenedOrVelar(hard) || stem.endsWith("i")) {
      // Gdańsk → Gdańsku, Pruszcz → Pruszczu, Jeleń → Jeleniu, Rożental → Rożentalu.
      out.add(stem + "u");
    } else {
      out.add(softened(stem));
    }
  }

  private static void feminineForms(String stem, Set<String> out) {
    // Genitive: Knybawy, Dąbrówki, Kolonii, Słońcy.
    if (stem.endsWith("i")) {
      out.add(stem + "i");
      out.add(stem + "ę");
      out.add(stem + "ą");
      return;
    }
    out.add(stem + yOrI(stem));
    out.add(stem + "ę");
    out.add(stem + "ą");
    out.add(stem + "o");
    // Dative/locative: Knybawie, Dąbrówce, Słońcy (hardened consonants take -y).
    if (stem.endsWith("k") || stem.endsWith("g") || stem.endsWith("ch")) {
      out.add(softened(stem));
    } else if (hardenedOrVelar(stem)) {
      out.add(stem + yOrI(stem));
    } else {
      out.add(softened(stem));
    }
  }

  private static void neuterForms(String stem, Set<String> out, boolean hardO) {
    out.add(stem + "a");
    out.add(stem + "u");
    out.add(stem + (stem.endsWith("k") || stem.endsWith("g") ? "iem" : "em"));
    if (hardO && !hardenedOrVelar(stem)) {
      // Bałdowo → Bałdowie, Piaseczno → Piasecznie, Rudno → Rudnie.
      out.add(softened(stem));
    }
  }

  private static void pluralForms(String stem, Set<String> out) {
    out.add(stem + "ach");
    out.add(stem + "om");
    out.add(stem + "ami");
    // Genitive: Subkowy → Subków, Rokitki → Rokitek, Śliwiny → Śliwin, Skarszewy → Skarszew.
    if (stem.matches(".*[^aeiouyąęó][kc]") && stem.length() > 3) {
      out.add(stem.substring(0, stem.length() - 1) + "e" + stem.charAt(stem.length() - 1));
    } else if (stem.endsWith("ow")) {
      out.add(stem.substring(0, stem.length() - 2) + "ów");
    } else {
      out.add(stem);
    }
    out.add(stem + "ów");
  }

  private static void adjectiveForms(String w, Set<String> out) {
    String stem;
    boolean soft; // -i- after k, g: gdański → gdańskiego, wielki → wielkiego
    if (w.endsWith("ie")) {
      stem = w.substring(0, w.length() - 2);
      soft = true;
    } else if (w.endsWith("i") || w.endsWith("y")) {
      stem = w.substring(0, w.length() - 1);
      soft = w.endsWith("i");
    } else if (w.endsWith("a") || w.endsWith("e")) {
      stem = w.substring(0, w.length() - 1);
      soft = stem.endsWith("k") || stem.endsWith("g");
    } else {
      return;
    }
    String i = soft ? "i" : "";
    String y = soft ? "i" : "y";
    // Masculine/neuter singular: Gdańskiego, Gdańskiemu, Gdańskim.
    out.add(stem + i + "ego");
    out.add(stem + i + "emu");
    out.add(stem + y + "m");
    // Feminine singular: Tczewskiej, Tczewską, Tczewską.
    out.add(stem + i + "ej");
    out.add(stem + "ą");
    out.add(stem + "a");
    // Plural (Brody Pomorskie, Małe Walichnowy): Pomorskich, Pomorskim, Pomorskimi.
    out.add(stem + y + "ch");
    out.add(stem + y + "mi");
    out.add(stem + y);
    out.add(stem + i + "e");
  }
}
