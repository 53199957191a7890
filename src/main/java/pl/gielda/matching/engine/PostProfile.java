package pl.gielda.matching.engine;

import java.util.Map;

/**
 * A post after analysis: a sparse weighted vector of features (lemma keys "l:…" and concept ids
 * "c:…", sorted by key), the word each feature came from (for reasons), and the parsed
 * availability, head count, hard requirements ({@link Requirements}) and town (with its place, if
 * known), whether the author travels, and whether it asks for or offers money. Immutable.
 *
 * <p>For fast scoring the profiler also numbers things (numbers are per profiler, so only profiles
 * of one engine can be compared): {@code entityNo}, {@code categoryNo} (see {@link
 * CategoryAffinity#of(int, int)}), {@code townNo} (the number of the feature "l:" + town key, -1
 * without a town) and {@code featureNos} (the numbers of all {@code keys}, ascending).
 */
record PostProfile(
    MatchPost post,
    int entityNo,
    String category,
    int categoryNo,
    String townKey,
    int townNo,
    Gazetteer.Place place,
    String[] keys,
    int[] featureNos,
    double[] weights,
    double norm,
    Map<String, String> display,
    Availability availability,
    int headCount,
    Requirements requirements,
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
