package pl.gielda.participant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;

public final class ParticipantDtos {

  private ParticipantDtos() {}

  public record EntityInput(
      @NotBlank @Size(max = 200) String name,
      @NotNull Sector sector,
      @Size(max = 100) String town,
      @Size(max = 200) String contact) {}

  public record EntityView(long id, String name, Sector sector, String town, String contact) {
    public static EntityView of(Organisation e) {
      return new EntityView(e.id, e.name, e.sector, e.town, e.contact);
    }
  }

  public record PersonInput(
      @NotBlank @Size(max = 120) String displayName,
      Long entityId,
      @Size(max = 3) Set<@NotBlank @Size(max = 20) String> roles) {}

  public record RolesInput(
      @NotNull @Size(min = 1, max = 3) Set<@NotBlank @Size(max = 20) String> roles) {}

  /** Badge fields are filled only for organisers and animators (who print or hand out badges). */
  public record PersonView(
      long id,
      String displayName,
      long entityId,
      String entityName,
      Sector sector,
      List<String> roles,
      Instant checkedInAt,
      String badgeToken,
      String badgeUrl) {}

  public record BadgeScan(@NotBlank @Size(max = 100) String badgeToken) {}

  public record BadgeView(long personId, String badgeToken, String badgeUrl) {}

  public record ImportReport(
      int entitiesCreated, int peopleCreated, int peopleSkipped, boolean dryRun) {}

  public record ScreenLinkView(String screenToken, String url) {}
}
