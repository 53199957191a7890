package pl.gielda.matching.engine;

import java.util.List;

/**
 * What changed after {@link MatchingEngine#upsert(MatchPost)}.
 *
 * @param postId the upserted post
 * @param newGoodMatches posts of the other kind that now have this post as a good match and did not
 *     before (their owners can be told "Nowe dopasowanie"), best first
 * @param lostGoodMatches posts of the other kind that had this post as a good match before the edit
 *     and no longer do
 */
public record UpsertResult(
    String postId, List<String> newGoodMatches, List<String> lostGoodMatches) {
  public UpsertResult {
    newGoodMatches = List.copyOf(newGoodMatches);
    lostGoodMatches = List.copyOf(lostGoodMatches);
  }
}
