package pl.gielda.matching.engine;

import java.util.List;

/**
 * A set of swaps and cycles in which every post is used at most once, chosen to maximise the total
 * match score. {@code provenOptimal} is false only if the exact search hit its safety limit on an
 * unusually large conflict component (then the best plan found so far is returned).
 */
public record DealPlan(
    List<Swap> swaps, List<Cycle> cycles, double totalScore, boolean provenOptimal) {
  public DealPlan {
    swaps = List.copyOf(swaps);
    cycles = List.copyOf(cycles);
  }
}
