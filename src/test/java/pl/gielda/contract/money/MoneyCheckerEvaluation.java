package pl.gielda.contract.money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Measures the money checker on a labelled matching set (dev.json): every post is checked; posts
 * listed in {@code money_flags} are positives, all others negatives ({@code money_decoys} are
 * negatives worth reporting separately).
 *
 * <p>Run: {@code ./mvnw -q -DskipWebClient=true -Pmoney-eval process-test-classes} (optionally
 * {@code -Dmoney.eval.path=/path/to/set.json}).
 */
public final class MoneyCheckerEvaluation {

  static final Path DEFAULT_PATH = Path.of("src", "test", "resources", "labelled", "dev.json");
  private static final List<String> TEXT_FIELDS =
      List.of("title", "description", "quantity", "when");

  /** One post as checked. */
  record Outcome(String postId, Map<String, String> fields, List<MoneyFinding> findings) {
    boolean flagged() {
      return !findings.isEmpty();
    }
  }

  /** Confusion counts plus the posts behind the errors. */
  record Result(
      int posts,
      int truePositives,
      int falsePositives,
      int falseNegatives,
      List<Outcome> falsePositiveOutcomes,
      List<Outcome> falseNegativeOutcomes,
      List<Outcome> flaggedDecoys,
      List<Outcome> truePositiveOutcomes) {

    double precision() {
      int flagged = truePositives + falsePositives;
      return flagged == 0 ? 1.0 : (double) truePositives / flagged;
    }

    double recall() {
      int positives = truePositives + falseNegatives;
      return positives == 0 ? 1.0 : (double) truePositives / positives;
    }
  }

  private MoneyCheckerEvaluation() {}

  static Result evaluate(Path path, MoneyChecker checker) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(path, StandardCharsets.UTF_8));
    Set<String> flags = ids(root.path("money_flags"));
    Set<String> decoys = ids(root.path("money_decoys"));
    int tp = 0;
    int fp = 0;
    int fn = 0;
    List<Outcome> fpList = new ArrayList<>();
    List<Outcome> fnList = new ArrayList<>();
    List<Outcome> decoyList = new ArrayList<>();
    List<Outcome> tpList = new ArrayList<>();
    int posts = 0;
    for (JsonNode post : root.path("posts")) {
      posts++;
      String id = post.path("id").asText();
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : TEXT_FIELDS) {
        JsonNode value = post.get(name);
        if (value != null && !value.isNull()) {
          fields.put(name, value.asText());
        }
      }
      Outcome outcome = new Outcome(id, fields, checker.check(fields));
      boolean positive = flags.contains(id);
      if (outcome.flagged() && positive) {
        tp++;
        tpList.add(outcome);
      } else if (outcome.flagged()) {
        fp++;
        fpList.add(outcome);
        if (decoys.contains(id)) {
          decoyList.add(outcome);
        }
      } else if (positive) {
        fn++;
        fnList.add(outcome);
      }
    }
    return new Result(posts, tp, fp, fn, fpList, fnList, decoyList, tpList);
  }

  private static Set<String> ids(JsonNode array) {
    Set<String> ids = new HashSet<>();
    for (JsonNode node : array) {
      // Entries are post ids; tolerate objects such as {"post": "p7"} or {"id": "p7"} too.
      if (node.isTextual()) {
        ids.add(node.asText());
      } else if (node.has("post")) {
        ids.add(node.get("post").asText());
      } else if (node.has("id")) {
        ids.add(node.get("id").asText());
      }
    }
    return ids;
  }

  public static void main(String[] args) throws IOException {
    Path path = args.length > 0 && !args[0].isBlank() ? Path.of(args[0]) : DEFAULT_PATH;
    boolean verbose = args.length > 1 && args[1].equals("--verbose");
    Result r = evaluate(path, new MoneyChecker());
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.printf("Money checker on %s (%d posts)%n", path.toAbsolutePath().normalize(), r.posts());
    out.printf(
        Locale.ROOT,
        "precision %.3f (%d of %d flagged)   recall %.3f (%d of %d money posts)%n",
        r.precision(),
        r.truePositives(),
        r.truePositives() + r.falsePositives(),
        r.recall(),
        r.truePositives(),
        r.truePositives() + r.falseNegatives());
    out.printf("decoys flagged: %d%n", r.flaggedDecoys().size());
    print(out, "FALSE POSITIVES", r.falsePositiveOutcomes());
    print(out, "FALSE NEGATIVES", r.falseNegativeOutcomes());
    if (verbose) {
      print(out, "TRUE POSITIVES", r.truePositiveOutcomes());
    }
  }

  private static void print(PrintStream out, String heading, List<Outcome> outcomes) {
    out.printf("%n%s (%d)%n", heading, outcomes.size());
    for (Outcome o : outcomes) {
      out.printf("  %s  %s%n", o.postId(), String.join(" | ", o.fields().values()));
      for (MoneyFinding f : o.findings()) {
        out.printf("      [%s] %s%n", f.field(), f.reasonEn());
      }
    }
    if (!outcomes.isEmpty()) {
      out.println(
          "  ids: " + outcomes.stream().map(Outcome::postId).collect(Collectors.joining(", ")));
    }
  }
}
