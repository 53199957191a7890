package pl.gielda.contract.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The money checker on both labelled sets (src/test/resources/labelled). The rules were written
 * from what fairs exchange, not from these sets' misses; the floor guards against regressions.
 */
class MoneyCheckerDevSetTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev.json", "dev2.json"})
  void flagsTheMoneyPostsAndNoDecoy(String set) throws Exception {
    Path path = Path.of("src", "test", "resources", "labelled", set);
    assertThat(Files.isRegularFile(path)).as("labelled set %s", path).isTrue();

    MoneyCheckerEvaluation.Result result =
        MoneyCheckerEvaluation.evaluate(path, new MoneyChecker());

    assertThat(result.posts()).isGreaterThan(0);
    assertThat(result.truePositives() + result.falseNegatives())
        .as("money posts in the set")
        .isGreaterThan(0);
    assertThat(result.precision())
        .as("precision; false positives: %s", ids(result.falsePositiveOutcomes()))
        .isGreaterThanOrEqualTo(0.95);
    assertThat(result.recall())
        .as("recall; false negatives: %s", ids(result.falseNegativeOutcomes()))
        .isGreaterThanOrEqualTo(0.95);
    assertThat(ids(result.flaggedDecoys())).as("decoys flagged").isEqualTo("[]");
  }

  private static String ids(java.util.List<MoneyCheckerEvaluation.Outcome> outcomes) {
    return outcomes.stream().map(MoneyCheckerEvaluation.Outcome::postId).toList().toString();
  }
}
