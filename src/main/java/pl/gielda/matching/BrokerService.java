package pl.gielda.matching;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.matching.MatchingDtos.HelpView;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Person;

/** The broker queue: people ask for help, brokers take and close requests, all through the log. */
@ApplicationScoped
public class BrokerService {

  private final AccessGuard guard;
  private final EventLog log;

  BrokerService(AccessGuard guard, EventLog log) {
    this.guard = guard;
    this.log = log;
  }

  @WithTransaction
  public Uni<HelpView> ask(Caller caller, long fairId, String note) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT)
        .chain(() -> Fair.require(fairId))
        .invoke(Fair::requireOpen)
        .chain(() -> Person.inFair(fairId, caller.id()))
        .chain(
            person ->
                HelpRequest.<HelpRequest>find("personId = ?1 and status <> 'DONE'", person.id)
                    .firstResult()
                    .chain(
                        open -> {
                          if (open != null) {
                            return Uni.createFrom().item(open);
                          }
                          HelpRequest h = new HelpRequest();
                          h.fairId = fairId;
                          h.personId = person.id;
                          h.entityId = person.entityId;
                          h.note = note == null || note.isBlank() ? null : note.trim();
                          h.status = "OPEN";
                          h.createdAt = Instant.now();
                          h.updatedAt = h.createdAt;
                          return h.<HelpRequest>persist()
                              .call(
                                  x ->
                                      log.append(
                                          fairId,
                                          "help.requested",
                                          Map.of("helpId", x.id, "entityId", x.entityId)));
                        }))
        .chain(this::view);
  }

  /** The caller's own open request, if any (so any device shows "help is on the way"). */
  @WithSession
  public Uni<List<HelpView>> mine(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT)
        .chain(
            () ->
                HelpRequest.<HelpRequest>list(
                    "fairId = ?1 and personId = ?2 and status <> 'DONE'", fairId, caller.id()))
        .chain(list -> views(fairId, list));
  }

  @WithSession
  public Uni<List<HelpView>> queue(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR, Role.NOTARY)
        .chain(
            () ->
                HelpRequest.<HelpRequest>list(
                    "fairId = ?1 and status <> 'DONE' order by createdAt", fairId))
        .chain(list -> views(fairId, list));
  }

  @WithTransaction
  public Uni<HelpView> take(Caller caller, long fairId, long helpId) {
    return change(caller, fairId, helpId, "TAKEN", "help.taken");
  }

  @WithTransaction
  public Uni<HelpView> done(Caller caller, long fairId, long helpId) {
    return change(caller, fairId, helpId, "DONE", "help.done");
  }

  /**
   * The person who asked withdraws it (help found on the way, or asked by mistake): it leaves the
   * brokers' queue. Only one's own request; cancelling twice answers the same.
   */
  @WithTransaction
  public Uni<HelpView> cancel(Caller caller, long fairId, long helpId) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT)
        .chain(
            () ->
                HelpRequest.<HelpRequest>find(
                        "fairId = ?1 and id = ?2 and personId = ?3", fairId, helpId, caller.id())
                    .<HelpRequest>firstResult())
        .chain(
            h -> {
              if (h == null) {
                throw ApiException.notFound("Help request " + helpId);
              }
              if (h.status.equals("DONE")) {
                return Uni.createFrom().item(h);
              }
              h.status = "DONE";
              h.updatedAt = Instant.now();
              Map<String, Object> event =
                  h.entityId == null
                      ? Map.of("helpId", h.id)
                      : Map.of("helpId", h.id, "entityId", h.entityId);
              return log.append(fairId, "help.cancelled", event).replaceWith(h);
            })
        .chain(this::view);
  }

  private Uni<HelpView> change(
      Caller caller, long fairId, long helpId, String status, String event) {
    return guard
        .inFair(caller, fairId, Role.ANIMATOR, Role.NOTARY)
        .chain(
            () ->
                HelpRequest.<HelpRequest>find("fairId = ?1 and id = ?2", fairId, helpId)
                    .<HelpRequest>firstResult())
        .chain(
            h -> {
              if (h == null) {
                throw ApiException.notFound("Help request " + helpId);
              }
              if (h.status.equals(status) || h.status.equals("DONE")) {
                return Uni.createFrom().item(h);
              }
              h.status = status;
              h.takenBy = caller.id();
              h.updatedAt = Instant.now();
              return log.append(fairId, event, Map.of("helpId", h.id, "entityId", h.entityId))
                  .replaceWith(h);
            })
        .chain(this::view);
  }

  private Uni<HelpView> view(HelpRequest h) {
    return views(h.fairId, List.of(h)).map(list -> list.get(0));
  }

  private Uni<List<HelpView>> views(long fairId, List<HelpRequest> list) {
    return Person.ofFair(fairId)
        .chain(
            people ->
                Organisation.ofFair(fairId)
                    .map(
                        entities -> {
                          Map<Long, Person> p =
                              people.stream()
                                  .collect(Collectors.toMap(x -> x.id, Function.identity()));
                          Map<Long, Organisation> e =
                              entities.stream()
                                  .collect(Collectors.toMap(x -> x.id, Function.identity()));
                          return list.stream()
                              .map(
                                  h ->
                                      new HelpView(
                                          h.id,
                                          h.personId,
                                          p.get(h.personId).displayName,
                                          h.entityId,
                                          e.get(h.entityId).name,
                                          h.note,
                                          h.status,
                                          h.takenBy == null ? null : p.get(h.takenBy).displayName,
                                          h.createdAt))
                              .toList();
                        }));
  }
}
