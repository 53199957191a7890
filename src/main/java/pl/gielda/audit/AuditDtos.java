package pl.gielda.audit;

import java.time.Instant;
import java.util.List;

public final class AuditDtos {

  private AuditDtos() {}

  /** One entry, with the names the organiser recognises (resolved when read). */
  public record AuditView(
      long id,
      Instant at,
      String actor,
      String actorName,
      String actorRoles,
      String action,
      String subjectType,
      Long subjectId,
      String subjectName,
      String detail,
      String instance) {}

  /** Newest first; {@code page} counts from 0. */
  public record AuditPage(List<AuditView> items, int page, int size, long total) {}
}
