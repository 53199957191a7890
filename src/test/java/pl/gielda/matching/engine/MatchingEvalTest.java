package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pl.gielda.matching.engine.tools.DevSet;
import pl.gielda.matching.engine.tools.MatchingEval;

/** Runs the evaluation on the labelled development set and checks the quality floor. */
class MatchingEvalTest {

  private static final Path DEV = Path.of("../shared/data/matching/dev.json");

  @Test
  void devSetMeetsTheQualityFloor() throws Exception {
    assertThat(DEV).as("the labelled dev set beside the project").exists();
    MatchingEval.Metrics m = MatchingEval.evaluate(DevSet.load(DEV), false);
    System.out.print(m.report());
    // Floors a little below the current results, to catch regressions.
    assertThat(m.ndcg5()).isGreaterThan(0.85);
    assertThat(m.recall10()).isGreaterThan(0.98);
    assertThat(m.noMatchWithGood()).isZero();
    // The deal graph holds every listed deal; brokers are shown a short list of strong ones.
    assertThat(m.swapsInGraph()).isEqualTo(m.swapsListed());
    assertThat(m.cyclesInGraph()).isEqualTo(m.cyclesListed());
    assertThat(m.swapsTotal()).isLessThanOrEqualTo(25);
    assertThat(m.cyclesTotal()).isLessThanOrEqualTo(25);
    assertThat(m.plan().provenOptimal()).isTrue();
  }
}
