package pl.gielda.matching.engine;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How related two post categories are, in [0, 1]. Category is a signal, not a filter: a WORKSHOPS
 * request is often met by a TRAINING or ARTS offer. Unknown (event-specific) categories are only
 * related to themselves and to OTHER.
 */
final class CategoryAffinity {

  static final double SAME = 1.0;
  static final double DEFAULT = 0.3;
  static final double RELATED = 0.6;

  /** Category → related category → affinity (both directions): no string building per lookup. */
  private static final Map<String, Map<String, Double>> PAIRS = new HashMap<>();

  private static final Map<String, String> POLISH = new HashMap<>();
  private static final Map<String, String> CONCEPT = new HashMap<>();

  static {
    pair("WORKSHOPS", "TRAINING", 0.9);
    pair("WORKSHOPS", "ARTS", 0.85);
    pair("TRAINING", "ARTS", 0.6);
    pair("PROMOTION", "PRINTING", 0.85);
    pair("PROMOTION", "ARTS", 0.7);
    pair("PROMOTION", "IT_SERVICES", 0.5);
    pair("ADVICE", "TRAINING", 0.75);
    pair("ADVICE", "WORKSHOPS", 0.5);
    pair("IT_SERVICES", "EQUIPMENT", 0.45);
    pair("IT_SERVICES", "TRAINING", 0.6);
    pair("ROOMS", "EQUIPMENT", 0.5);
    pair("TRANSPORT", "EQUIPMENT", 0.4);
    pair("VOLUNTEERS", "ARTS", 0.5);
    pair("VOLUNTEERS", "WORKSHOPS", 0.45);
    pair("VOLUNTEERS", "TRAINING", 0.5);
    pair("VOLUNTEERS", "PROMOTION", 0.4);
    pair("CATERING", "WORKSHOPS", 0.4);
    pair("EQUIPMENT", "ARTS", 0.5);
    pair("PRINTING", "ARTS", 0.5);
    for (String c :
        new String[] {
          "ROOMS",
          "VOLUNTEERS",
          "EQUIPMENT",
          "TRANSPORT",
          "WORKSHOPS",
          "TRAINING",
          "PROMOTION",
          "IT_SERVICES",
          "ARTS",
          "CATERING",
          "PRINTING",
          "ADVICE"
        }) {
      pair("OTHER", c, 0.6);
    }
    CONCEPT.put("ROOMS", "ROOM");
    CONCEPT.put("VOLUNTEERS", "VOLUNTEER");
    CONCEPT.put("EQUIPMENT", "EQUIPMENT");
    CONCEPT.put("TRANSPORT", "TRANSPORT");
    CONCEPT.put("WORKSHOPS", "WORKSHOP");
    CONCEPT.put("TRAINING", "TRAINING");
    CONCEPT.put("PROMOTION", "PROMOTION");
    CONCEPT.put("IT_SERVICES", "IT_HELP");
    CONCEPT.put("ARTS", "ARTS");
    CONCEPT.put("CATERING", "FOOD");
    CONCEPT.put("PRINTING", "PRINT");
    CONCEPT.put("ADVICE", "ADVICE");
    POLISH.put("ROOMS", "sale");
    POLISH.put("VOLUNTEERS", "wolontariat");
    POLISH.put("EQUIPMENT", "sprzęt");
    POLISH.put("OTHER", "inne");
    POLISH.put("TRANSPORT", "transport");
    POLISH.put("WORKSHOPS", "warsztaty");
    POLISH.put("TRAINING", "szkolenia");
    POLISH.put("PROMOTION", "promocja");
    POLISH.put("IT_SERVICES", "pomoc IT");
    POLISH.put("ARTS", "sztuka");
    POLISH.put("CATERING", "catering");
    POLISH.put("PRINTING", "druk");
    POLISH.put("ADVICE", "doradztwo");
  }

  private CategoryAffinity() {}

  private static void pair(String a, String b, double v) {
    PAIRS.computeIfAbsent(a, k -> new HashMap<>()).put(b, v);
    PAIRS.computeIfAbsent(b, k -> new HashMap<>()).put(a, v);
  }

  static String normalise(String category) {
    return category == null ? "" : category.trim().toUpperCase(Locale.ROOT);
  }

  /** Known categories (those with related categories) numbered from 1; 0 is "no category". */
  private static final Map<String, Integer> KNOWN = new HashMap<>();

  private static final double[][] MATRIX;

  static {
    for (String c : new java.util.TreeSet<>(PAIRS.keySet())) {
      KNOWN.put(c, KNOWN.size() + 1);
    }
    MATRIX = new double[KNOWN.size() + 1][KNOWN.size() + 1];
    for (double[] row : MATRIX) {
      java.util.Arrays.fill(row, DEFAULT);
    }
    PAIRS.forEach(
        (a, related) -> related.forEach((b, v) -> MATRIX[KNOWN.get(a)][KNOWN.get(b)] = v));
  }

  /** Number of known categories: their numbers are 1 … this. */
  static int knownCount() {
    return KNOWN.size();
  }

  /**
   * The number of a known (normalised) category, 0 for none, or -1 for an event-specific one, which
   * the caller numbers above {@link #knownCount()}.
   */
  static int knownNumber(String category) {
    return category.isEmpty() ? 0 : KNOWN.getOrDefault(category, -1);
  }

  /**
   * {@link #of(String, String)} for category numbers: 0 is no category, 1 … {@link #knownCount()}
   * the known ones, higher numbers event-specific ones (equal numbers, equal categories).
   */
  static double of(int a, int b) {
    if (a == 0 || b == 0) {
      return DEFAULT;
    }
    if (a == b) {
      return SAME;
    }
    return a < MATRIX.length && b < MATRIX.length ? MATRIX[a][b] : DEFAULT;
  }

  static double of(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return DEFAULT;
    }
    if (a.equals(b)) {
      return SAME;
    }
    Map<String, Double> related = PAIRS.get(a);
    return related == null ? DEFAULT : related.getOrDefault(b, DEFAULT);
  }

  /** The lexicon concept a category stands for, or null (OTHER, unknown categories). */
  static String conceptOf(String category) {
    return CONCEPT.get(category);
  }

  static String polishName(String category) {
    return POLISH.getOrDefault(category, category.toLowerCase(Locale.ROOT));
  }
}
