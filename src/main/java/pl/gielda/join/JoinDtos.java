package pl.gielda.join;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.Sector;

public final class JoinDtos {

  private JoinDtos() {}

  public record JoinInput(
      @NotBlank @Size(max = 16) String joinCode,
      @NotBlank @Size(max = 120) String displayName,
      Long entityId,
      @Valid EntityInput newEntity) {}

  public record JoinView(
      String token, Instant expiresAt, String badgeToken, long fairId, long personId) {}

  public record PublicEntityView(long id, String name, Sector sector) {}
}
