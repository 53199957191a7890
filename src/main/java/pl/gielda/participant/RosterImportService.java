package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.participant.ParticipantDtos.ImportReport;
import pl.gielda.participant.ParticipantDtos.ImportRowView;

/** Imports a roster in one transaction: all rows or none. */
@ApplicationScoped
public class RosterImportService {

  private final AccessGuard guard;
  private final ParticipantService participants;

  RosterImportService(AccessGuard guard, ParticipantService participants) {
    this.guard = guard;
    this.participants = participants;
  }

  @WithTransaction
  public Uni<ImportReport> importRoster(Caller caller, long fairId, byte[] csv, boolean dryRun) {
    RosterCsv.Result parsed = RosterCsv.parse(csv);
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> Fair.require(fairId))
        .chain(
            fair -> {
              if (fair.phase == Phase.CLOSED) {
                throw ApiException.conflict("fair-closed", "The fair is closed");
              }
              if (!parsed.valid()) {
                throw new ApiException(
                    422,
                    "import-rejected",
                    "Import rejected",
                    parsed.invalidLines() + " row(s) are invalid; nothing was imported",
                    Map.of("lines", parsed.invalidLines(), "charset", parsed.charset()),
                    List.of(),
                    parsed.errors());
              }
              return plan(fairId, parsed.rows())
                  .chain(
                      plan ->
                          dryRun
                              ? Uni.createFrom().item(report(plan, parsed.charset(), true))
                              : apply(fairId, plan)
                                  .replaceWith(() -> report(plan, parsed.charset(), false)));
            });
  }

  /** What each row will do: a new entity or an existing one, a new person or one already there. */
  private record Planned(RosterCsv.Row row, boolean newEntity, boolean newPerson) {}

  private Uni<List<Planned>> plan(long fairId, List<RosterCsv.Row> rows) {
    return Organisation.ofFair(fairId)
        .chain(
            existing ->
                Person.ofFair(fairId)
                    .map(
                        people -> {
                          Map<Long, String> entityKeys = new HashMap<>();
                          existing.forEach(e -> entityKeys.put(e.id, key(e.name)));
                          Set<String> entities = new HashSet<>(entityKeys.values());
                          Set<String> known = new HashSet<>();
                          people.forEach(
                              p ->
                                  known.add(entityKeys.get(p.entityId) + "|" + key(p.displayName)));
                          List<Planned> plan = new ArrayList<>();
                          for (RosterCsv.Row row : rows) {
                            String entity = key(row.entity());
                            boolean newEntity = entities.add(entity);
                            boolean newPerson =
                                row.person() != null && known.add(entity + "|" + key(row.person()));
                            plan.add(new Planned(row, newEntity, newPerson));
                          }
                          return plan;
                        }));
  }

  private static ImportReport report(List<Planned> plan, String charset, boolean dryRun) {
    int entities = 0;
    int created = 0;
    int skipped = 0;
    List<ImportRowView> rows = new ArrayList<>();
    for (Planned p : plan) {
      entities += p.newEntity() ? 1 : 0;
      created += p.newPerson() ? 1 : 0;
      skipped += p.row().person() != null && !p.newPerson() ? 1 : 0;
      RosterCsv.Row r = p.row();
      rows.add(
          new ImportRowView(
              r.line(),
              r.entity(),
              r.sector(),
              r.town(),
              r.person(),
              r.roles().stream().map(Role::group).toList(),
              p.newEntity(),
              p.newPerson()));
    }
    return new ImportReport(entities, created, skipped, dryRun, charset, rows);
  }

  private Uni<Void> apply(long fairId, List<Planned> plan) {
    return Organisation.ofFair(fairId)
        .chain(
            existing -> {
              Map<String, Organisation> entities = new HashMap<>();
              existing.forEach(e -> entities.put(key(e.name), e));
              return Multi.createFrom()
                  .iterable(plan)
                  .onItem()
                  .transformToUniAndConcatenate(p -> applyRow(fairId, p, entities).replaceWith(1))
                  .collect()
                  .last()
                  .replaceWithVoid();
            });
  }

  private Uni<Void> applyRow(long fairId, Planned planned, Map<String, Organisation> entities) {
    RosterCsv.Row row = planned.row();
    Organisation present = entities.get(key(row.entity()));
    Uni<Organisation> entity =
        present != null
            ? Uni.createFrom().item(present)
            : participants
                .persistEntity(fairId, row.entity(), row.sector(), row.town(), row.contact())
                .invoke(e -> entities.put(key(e.name), e));
    return entity.chain(
        e ->
            planned.newPerson()
                ? participants.newPerson(fairId, e, row.person(), row.roles()).replaceWithVoid()
                : Uni.createFrom().voidItem());
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
