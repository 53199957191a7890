package pl.gielda.report;

import java.time.Instant;
import pl.gielda.report.tally.Tallies;

public final class ReportDtos {

  private ReportDtos() {}

  /**
   * The figures a fair closed with, at log number {@code seq} and chain head {@code chainHead}.
   * {@code tallies} come from folding the event log; {@code matches} says whether the tables gave
   * the same ({@code mismatch} lists the differing fields when not, and {@code tablesTallies} is
   * then filled with what the tables said).
   */
  public record ClosingView(
      long fairId,
      long seq,
      String chainHead,
      int contracts,
      boolean matches,
      String mismatch,
      Instant computedAt,
      Tallies tallies,
      Tallies tablesTallies) {}
}
