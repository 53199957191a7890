package pl.gielda.matching.engine;

import java.util.List;

/**
 * One ranked suggestion for a post: a post of the other kind, a score in [0, 1], whether it is a
 * "good match" (score at or above {@link MatchingEngine#GOOD_MATCH_THRESHOLD}) and human-readable
 * reasons in Polish (e.g. "rzutnik ≈ projektor", "ta sama kategoria", "Tczew").
 */
public record Suggestion(String postId, double score, boolean good, List<String> reasons) {
  public Suggestion {
    reasons = List.copyOf(reasons);
  }
}
