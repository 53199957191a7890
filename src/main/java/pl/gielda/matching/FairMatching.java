package pl.gielda.matching;

import java.util.HashMap;
import java.util.Map;
import pl.gielda.matching.engine.MatchPost;
import pl.gielda.matching.engine.MatchingEngine;

/**
 * One fair's matching engine and the log number it reflects. Touched only on the matching worker
 * thread, which applies events in log order.
 */
final class FairMatching {

  /** What the app needs to know of a post beyond the engine: whose it is and what it says. */
  record PostSummary(
      long id, long entityId, MatchPost.Kind kind, String title, String entityName) {}

  final long fairId;
  final MatchingEngine engine = new MatchingEngine();
  final Map<Long, PostSummary> posts = new HashMap<>();
  final Map<Long, String> entityTowns = new HashMap<>();
  volatile long seq;

  FairMatching(long fairId) {
    this.fairId = fairId;
  }
}
