package pl.gielda.contract.money;

import java.util.regex.Pattern;

/**
 * A context that makes a money word innocent ("bez opłat", "darowizna rzeczowa", "szkolenie z
 * e-faktur"). {@code except}, when present, cancels the guard for a sentence it matches.
 */
public record MoneyGuard(String name, String why, Where where, Pattern pattern, Pattern except) {

  /** Which text the guard's pattern is tried on. */
  public enum Where {
    /** The sentence up to the match. */
    BEFORE,
    /** The whole sentence. */
    SENTENCE,
    /** The whole sentence, or the post's title. */
    SENTENCE_OR_TITLE,
    /** The sentence up to the match, a "|" marker, then the matched words. */
    BEFORE_MATCH;

    static Where parse(String text, int line) {
      try {
        return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            MoneyRuleBook.RESOURCE + " line " + line + ": unknown 'where: " + text + "'");
      }
    }
  }

  /** True when the match [start, end) of {@code folded} sits in this guard's context. */
  boolean applies(String folded, Sentence sentence, int start, int end, String foldedTitle) {
    String sentenceText = folded.substring(sentence.from(), sentence.to());
    if (except != null && except.matcher(sentenceText).find()) {
      return false;
    }
    String before = folded.substring(sentence.from(), start);
    return switch (where) {
      case BEFORE -> pattern.matcher(before).find();
      case SENTENCE -> pattern.matcher(sentenceText).find();
      case SENTENCE_OR_TITLE ->
          pattern.matcher(sentenceText).find() || pattern.matcher(foldedTitle).find();
      case BEFORE_MATCH -> pattern.matcher(before + "|" + folded.substring(start, end)).find();
    };
  }
}
