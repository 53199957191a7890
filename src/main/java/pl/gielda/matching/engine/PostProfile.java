package pl.gielda.matching.engine;

import java.util.Map;

/**
 * A post after analysis: a sparse weighted vector of features (lemma keys "l:…" and concept ids
 * "c:…", sorted by key), the word each feature came from (for reasons), and the parsed
 * availability, head count and town (with its place, if known), whether the author travels, and
 * whether it asks for or offers money. Immutable.
 */
record PostProfile(
    MatchPost post,
    String category,
    String townKey,
    Gazetteer.Place place,
    String[] keys,
    double[] weights,
    double norm,
    Map<String, String> display,
    Availability availability,
    int headCount,
    boolean travels,
    boolean money) {

  String id() {
    return post.id();
  }

  String entityId() {
    return post.entityId();
  }

  MatchPost.Kind kind() {
    return post.kind();
  }
}
