package pl.gielda.join;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import pl.gielda.join.JoinRequest.Status;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.Sector;

public final class JoinDtos {

  private JoinDtos() {}

  public record JoinInput(
      @NotBlank @Size(max = 16) String joinCode,
      @NotBlank @Size(max = 120) String displayName,
      Long entityId,
      @Valid EntityInput newEntity) {}

  /**
   * MEMBER: signed in for the entity (a new one, or a resident's own). WAITING: the token is a
   * newcomer's, read-only, until the entity's consent ({@code requestId}, {@code entityName}).
   */
  public enum Standing {
    MEMBER,
    WAITING
  }

  public record JoinView(
      String token,
      Instant expiresAt,
      String badgeToken,
      long fairId,
      Long personId,
      Standing standing,
      Long requestId,
      String entityName) {}

  public record PublicEntityView(long id, String name, Sector sector) {}

  /** A request to join, as the newcomer, the entity's members and the help desk see it. */
  public record JoinRequestView(
      long id,
      long fairId,
      long entityId,
      String entityName,
      String displayName,
      Status status,
      Instant createdAt,
      Instant expiresAt,
      Instant decidedAt) {}
}
