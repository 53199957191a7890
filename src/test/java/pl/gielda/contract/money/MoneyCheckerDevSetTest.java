package pl.gielda.contract.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The money checker on the labelled development set (src/test/resources/labelled/dev.json). */
class MoneyCheckerDevSetTest {

  @Test
  void precisionAndRecallOnDevSetAreAtLeastNinetyPercent() throws Exception {
    assertThat(MoneyCheckerEvaluation.DEFAULT_PATH)
        .as("labelled set, relative to the project root")
        .satisfies(p -> assertThat(Files.isRegularFile(p)).isTrue());

    MoneyCheckerEvaluation.Result result =
        MoneyCheckerEvaluation.evaluate(MoneyCheckerEvaluation.DEFAULT_PATH, new MoneyChecker());

    assertThat(result.posts()).isGreaterThan(0);
    assertThat(result.truePositives() + result.falseNegatives())
        .as("money posts in the set")
        .isGreaterThan(0);
    assertThat(result.precision())
        .as("precision; false positives: %s", ids(result.falsePositiveOutcomes()))
        .isGreaterThanOrEqualTo(0.9);
    assertThat(result.recall())
        .as("recall; false negatives: %s", ids(result.falseNegativeOutcomes()))
        .isGreaterThanOrEqualTo(0.9);
  }

  private static String ids(java.util.List<MoneyCheckerEvaluation.Outcome> outcomes) {
    return outcomes.stream().map(MoneyCheckerEvaluation.Outcome::postId).toList().toString();
  }
}
