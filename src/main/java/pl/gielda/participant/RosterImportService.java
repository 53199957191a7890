package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
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
                    parsed.errors().size() + " row(s) are invalid; nothing was imported",
                    List.of(),
                    parsed.errors());
              }
              if (dryRun) {
                return Uni.createFrom().item(new ImportReport(0, 0, 0, true));
              }
              return apply(fairId, parsed.rows());
            });
  }

  private Uni<ImportReport> apply(long fairId, List<RosterCsv.Row> rows) {
    return Organisation.ofFair(fairId)
        .chain(
            existing ->
                Person.ofFair(fairId)
                    .chain(
                        people -> {
                          Map<String, Organisation> entities = new HashMap<>();
                          existing.forEach(e -> entities.put(key(e.name), e));
                          Set<String> known = new HashSet<>();
                          people.forEach(p -> known.add(p.entityId + "|" + key(p.displayName)));
                          int[] counts = new int[3];
                          return Multi.createFrom()
                              .iterable(rows)
                              .onItem()
                              .transformToUniAndConcatenate(
                                  row ->
                                      applyRow(fairId, row, entities, known, counts).replaceWith(1))
                              .collect()
                              .last()
                              .map(x -> new ImportReport(counts[0], counts[1], counts[2], false));
                        }));
  }

  private Uni<Void> applyRow(
      long fairId,
      RosterCsv.Row row,
      Map<String, Organisation> entities,
      Set<String> known,
      int[] counts) {
    Organisation present = entities.get(key(row.entity()));
    Uni<Organisation> entity;
    if (present != null) {
      entity = Uni.createFrom().item(present);
    } else {
      counts[0]++;
      entity =
          participants
              .persistEntity(fairId, row.entity(), row.sector(), row.town(), row.contact())
              .invoke(e -> entities.put(key(e.name), e));
    }
    return entity.chain(
        e -> {
          if (row.person() == null) {
            return Uni.createFrom().voidItem();
          }
          if (!known.add(e.id + "|" + key(row.person()))) {
            counts[2]++;
            return Uni.createFrom().voidItem();
          }
          counts[1]++;
          return participants.newPerson(fairId, e, row.person(), row.roles()).replaceWithVoid();
        });
  }

  private static String key(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
