package pl.gielda.matching.engine;

import java.util.List;

/**
 * A set of swaps and cycles in which every post is used at most once, chosen to maximise the total
 * match score. {@code provenOptimal} is false only if the exact search hit its node or time budget
 * on a very dense deal graph; then the best plan found is returned and {@code upperBound} (a
 * Lagrangian bound on the optimum) shows how far from optimal it can be at most. When proven
 * optimal, {@code upperBound == totalScore}.
 */
public record DealPlan(
    List<Swap> swaps,
    List<Cycle> cycles,
    double totalScore,
    boolean provenOptimal,
    double upperBound) {
  public DealPlan {
    swaps = List.copyOf(swaps);
    cycles = List.copyOf(cycles);
  }
}
