package pl.gielda.matching.engine;

/**
 * A reciprocal pair: entity A meets a need of entity B ({@code first}) and B meets a need of A
 * ({@code second}). {@code score} is the sum of both legs' scores.
 */
public record Swap(Leg first, Leg second, double score) {
  public String entityA() {
    return first.giverEntityId();
  }

  public String entityB() {
    return first.receiverEntityId();
  }
}
