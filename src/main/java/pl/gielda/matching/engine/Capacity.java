package pl.gielda.matching.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads head counts and seat counts ("ok. 20 osób", "bus 9-os.", "max 20 osób", "30 miejsc"). */
final class Capacity {

  private static final Pattern PEOPLE =
      Pattern.compile(
          "(\\d{1,4})(?:\\s*-\\s*(\\d{1,4}))?\\s*-?\\s*(osob\\w*|os\\b|ludzi|dzieci|uczestnik\\w*"
              + "|senior\\w*|miejsc\\w*|stanowisk\\w*|pasazer\\w*|wolontariusz\\w*|harcerzy"
              + "|people|persons?|seats?|teens|kids|children|volunteers)");

  private Capacity() {}

  /** The largest head count mentioned, or 0 if none. */
  static int parse(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    String t = PolishTextAnalyzer.fold(text).replace('–', '-');
    Matcher m = PEOPLE.matcher(t);
    int best = 0;
    while (m.find()) {
      int n = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(1));
      best = Math.max(best, n);
    }
    return best;
  }
}
