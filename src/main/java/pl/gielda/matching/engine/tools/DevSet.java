package pl.gielda.matching.engine.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pl.gielda.matching.engine.MatchPost;

/** The labelled matching set (dev.json / held-out set): posts, graded pairs, swaps, cycles. */
public record DevSet(
    List<MatchPost> posts,
    Map<String, Map<String, Integer>> relevance,
    List<List<String>> swaps,
    List<List<String>> cycles) {

  public static DevSet load(Path path) throws IOException {
    JsonNode root = new ObjectMapper().readTree(path.toFile());
    Map<String, String> entityTown = new HashMap<>();
    for (JsonNode e : root.path("entities")) {
      entityTown.put(e.path("id").asText(), text(e, "town"));
    }
    List<MatchPost> posts = new ArrayList<>();
    for (JsonNode p : root.path("posts")) {
      String entity = p.path("entity").asText();
      String town = text(p, "town");
      posts.add(
          new MatchPost(
              p.path("id").asText(),
              entity,
              MatchPost.Kind.valueOf(p.path("kind").asText()),
              text(p, "category"),
              text(p, "title"),
              text(p, "description"),
              text(p, "quantity"),
              text(p, "when"),
              town != null ? town : entityTown.get(entity)));
    }
    Map<String, Map<String, Integer>> relevance = new HashMap<>();
    for (JsonNode r : root.path("relevance")) {
      relevance
          .computeIfAbsent(r.path("request").asText(), k -> new HashMap<>())
          .put(r.path("offer").asText(), r.path("grade").asInt());
    }
    return new DevSet(posts, relevance, groups(root.path("swaps")), groups(root.path("cycles")));
  }

  private static List<List<String>> groups(JsonNode node) {
    List<List<String>> out = new ArrayList<>();
    for (JsonNode g : node) {
      List<String> ids = new ArrayList<>();
      g.forEach(x -> ids.add(x.asText()));
      out.add(ids);
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
