package pl.gielda.matching.engine;

/**
 * A reciprocal pair: entity A meets a need of entity B ({@code first}) and B meets a need of A
 * ({@code second}). {@code score} is the sum of both legs' scores; {@link #strength()} the weaker
 * leg's score, by which deals are listed (a deal is only as good as its weakest leg).
 */
public record Swap(Leg first, Leg second, double score) {
  public double strength() {
    return Math.min(first.score(), second.score());
  }

  public String entityA() {
    return first.giverEntityId();
  }

  public String entityB() {
    return first.receiverEntityId();
  }
}
