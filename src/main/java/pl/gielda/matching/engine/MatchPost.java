package pl.gielda.matching.engine;

import java.util.Objects;

/**
 * A post as the matching engine sees it: an offer (what an entity can give) or a request (what it
 * needs). All text fields are free text as typed by people; only {@code id}, {@code entityId} and
 * {@code kind} are required.
 */
public record MatchPost(
    String id,
    String entityId,
    Kind kind,
    String category,
    String title,
    String description,
    String quantity,
    String when,
    String town) {

  /** Which side of the exchange a post is on. */
  public enum Kind {
    OFFER,
    REQUEST;

    public Kind opposite() {
      return this == OFFER ? REQUEST : OFFER;
    }
  }

  public MatchPost {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entityId, "entityId");
    Objects.requireNonNull(kind, "kind");
  }
}
