package pl.gielda.matching.engine;

/**
 * One directed leg of a deal: entity {@code giverEntityId} gives offer {@code offerId} to entity
 * {@code receiverEntityId}, meeting its request {@code requestId}, with match score {@code score}.
 */
public record Leg(
    String offerId,
    String requestId,
    String giverEntityId,
    String receiverEntityId,
    double score) {}
