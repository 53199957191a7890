package pl.gielda.matching.engine;

import java.util.List;

/**
 * A 3-way cycle A→B→C→A: each leg's giver meets a need of the next entity. {@code entityIds} is in
 * giving order starting from the smallest id; {@code score} is the sum of the three legs' scores,
 * {@link #strength()} the weakest leg's score.
 */
public record Cycle(List<String> entityIds, List<Leg> legs, double score) {
  public Cycle {
    entityIds = List.copyOf(entityIds);
    legs = List.copyOf(legs);
  }

  public double strength() {
    return legs.stream().mapToDouble(Leg::score).min().orElse(0);
  }
}
