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

  /** {@code confirmed}: false while a self-joined entity waits for the help desk's confirmation. */
  public record EntityView(
      long id, String name, Sector sector, String town, String contact, boolean confirmed) {
    public static EntityView of(Organisation e) {
      return new EntityView(e.id, e.name, e.sector, e.town, e.contact, e.confirmed);
    }
  }

  public record PersonInput(
      @NotBlank @Size(max = 120) String displayName,
      Long entityId,
      @Size(max = 3) Set<@NotBlank @Size(max = 20) String> roles) {}

  public record RolesInput(
      @NotNull @Size(min = 1, max = 3) Set<@NotBlank @Size(max = 20) String> roles) {}

  /**
   * The partner code is public. The sign-in secret and its link are filled only for organisers and
   * for the help desk's answer to a person it just added or reissued (who hand it to that person).
   */
  public record PersonView(
      long id,
      String displayName,
      long entityId,
      String entityName,
      Sector sector,
      List<String> roles,
      Instant checkedInAt,
      String partnerCode,
      boolean phoneBound,
      String signInSecret,
      String signInUrl) {}

  /** A scanned or typed partner code (the badge's face). */
  public record BadgeScan(@NotBlank @Size(max = 200) String partnerCode) {}

  /** A new sign-in secret, for the person alone (print it or show its QR to them). */
  public record BadgeView(
      long personId, String partnerCode, String signInSecret, String signInUrl) {}

  /**
   * What an import did (or, with {@code dryRun}, would do): {@code charset} says how the file was
   * read, {@code rows} lists every person and entity read, for the organiser to confirm the names.
   */
  public record ImportReport(
      int entitiesCreated,
      int peopleCreated,
      int peopleSkipped,
      boolean dryRun,
      String charset,
      List<ImportRowView> rows) {}

  /** One row as read: {@code newPerson} false with a person means it is there already. */
  public record ImportRowView(
      int line,
      String entity,
      Sector sector,
      String town,
      String person,
      List<String> roles,
      boolean newEntity,
      boolean newPerson) {}

  public record ScreenLinkView(String screenToken, String url) {}
}
