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

  private static final Map<String, Double> PAIRS = new HashMap<>();
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
    PAIRS.put(a + "|" + b, v);
    PAIRS.put(b + "|" + a, v);
  }

  static String normalise(String category) {
    return category == null ? "" : category.trim().toUpperCase(Locale.ROOT);
  }

  static double of(String a, String b) {
    if (a.isEmpty() || b.isEmpty()) {
      return DEFAULT;
    }
    if (a.equals(b)) {
      return SAME;
    }
    return PAIRS.getOrDefault(a + "|" + b, DEFAULT);
  }

  /** The lexicon concept a category stands for, or null (OTHER, unknown categories). */
  static String conceptOf(String category) {
    return CONCEPT.get(category);
  }

  static String polishName(String category) {
    return POLISH.getOrDefault(category, category.toLowerCase(Locale.ROOT));
  }
}
