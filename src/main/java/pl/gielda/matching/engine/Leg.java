package pl.gielda.matching.engine;

import java.util.List;

/**
 * One directed leg of a deal: entity {@code giverEntityId} gives offer {@code offerId} to entity
 * {@code receiverEntityId}, meeting its request {@code requestId}, with match score {@code score}
 * and the reasons of that match (as for a suggestion; empty until the leg is listed).
 */
public record Leg(
    String offerId,
    String requestId,
    String giverEntityId,
    String receiverEntityId,
    double score,
    List<String> reasons) {

  public Leg {
    reasons = List.copyOf(reasons);
  }

  Leg withReasons(List<String> why) {
    return new Leg(offerId, requestId, giverEntityId, receiverEntityId, score, why);
  }
}
