package pl.gielda.join;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import pl.gielda.audit.AuditAction;
import pl.gielda.audit.AuditTrail;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.join.JoinDtos.JoinRequestView;
import pl.gielda.join.JoinDtos.JoinView;
import pl.gielda.join.JoinRequest.Status;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.ParticipantDtos.EntityView;
import pl.gielda.participant.ParticipantService;
import pl.gielda.participant.Person;

/**
 * Consent: a member of the entity, the help desk or the organiser lets a newcomer in or turns them
 * away; the help desk or the organiser confirms an entity a stranger created. Each decision is one
 * event on the fair's log, so the newcomer's phone and the members' phones learn of it at once.
 */
@ApplicationScoped
public class ConsentService {

  static final String DECIDED = "join.decided";
  static final String CONFIRMED = "entity.confirmed";

  /** Who may decide a request: its entity's members (checked below), the help desk, organisers. */
  private static final Role[] DECIDERS = {Role.PARTICIPANT, Role.ANIMATOR, Role.ORGANISER};

  private final AccessGuard guard;
  private final EventLog log;
  private final ParticipantService participants;
  private final JoinService joins;
  private final AuditTrail audit;

  ConsentService(
      AccessGuard guard,
      EventLog log,
      ParticipantService participants,
      JoinService joins,
      AuditTrail audit) {
    this.audit = audit;
    this.guard = guard;
    this.log = log;
    this.participants = participants;
    this.joins = joins;
  }

  /**
   * Requests still waiting: the help desk and organisers see all of the fair's, a member only those
   * for their own entity.
   */
  @WithSession
  public Uni<List<JoinRequestView>> waiting(Caller caller, long fairId) {
    Instant now = Instant.now();
    return guard
        .inFair(caller, fairId, DECIDERS)
        .chain(() -> scopeOf(caller, fairId))
        .chain(
            entity ->
                entity == null
                    ? JoinRequest.<JoinRequest>list(
                        "fairId = ?1 and status = ?2 and expiresAt > ?3 order by createdAt, id",
                        fairId,
                        Status.PENDING,
                        now)
                    : JoinRequest.<JoinRequest>list(
                        "fairId = ?1 and entityId = ?2 and status = ?3 and expiresAt > ?4"
                            + " order by createdAt, id",
                        fairId,
                        entity,
                        Status.PENDING,
                        now))
        .chain(list -> views(fairId, list, now));
  }

  /** What the newcomer's phone shows: for whom they wait, and the answer once there is one. */
  @WithSession
  public Uni<JoinRequestView> mine(Caller caller) {
    return own(caller).chain(r -> view(r, Instant.now()));
  }

  /** Once let in, the newcomer's phone trades its read-only token for the member's. */
  @WithSession
  public Uni<JoinView> memberToken(Caller caller) {
    return own(caller)
        .chain(
            r -> {
              Status s = r.statusAt(Instant.now());
              if (s != Status.APPROVED) {
                throw ApiException.conflict(
                    "join-" + s.name().toLowerCase(), "The request is " + s.name().toLowerCase());
              }
              return Person.<Person>findById(r.personId)
                  .chain(
                      p ->
                          Organisation.<Organisation>findById(p.entityId)
                              .map(e -> joins.memberView(p, e)));
            });
  }

  @WithTransaction
  public Uni<JoinRequestView> approve(Caller caller, long fairId, long requestId) {
    return decide(caller, fairId, requestId, Status.APPROVED);
  }

  @WithTransaction
  public Uni<JoinRequestView> reject(Caller caller, long fairId, long requestId) {
    return decide(caller, fairId, requestId, Status.REJECTED);
  }

  /** The help desk or the organiser vouches for an entity a stranger created by self-join. */
  @WithTransaction
  public Uni<EntityView> confirmEntity(Caller caller, long fairId, long entityId) {
    return guard
        .inFair(caller, fairId, Role.ANIMATOR, Role.ORGANISER)
        .chain(() -> Organisation.<Organisation>findById(entityId, LockModeType.PESSIMISTIC_WRITE))
        .chain(
            e -> {
              if (e == null || !e.fairId.equals(fairId)) {
                throw ApiException.notFound("Entity " + entityId);
              }
              if (e.confirmed) {
                return Uni.createFrom().item(EntityView.of(e));
              }
              e.confirmed = true;
              e.confirmedBy = caller.principal();
              e.confirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
              return log.append(fairId, CONFIRMED, Map.of("entityId", e.id))
                  .call(
                      () ->
                          audit.record(
                              caller, fairId, AuditAction.ENTITY_CONFIRMED.on("entity", e.id)))
                  .map(seq -> EntityView.of(e));
            });
  }

  private Uni<JoinRequestView> decide(Caller caller, long fairId, long requestId, Status decision) {
    return guard
        .inFair(caller, fairId, DECIDERS)
        .chain(() -> JoinRequest.<JoinRequest>findById(requestId, LockModeType.PESSIMISTIC_WRITE))
        .chain(
            r -> {
              if (r == null || !r.fairId.equals(fairId)) {
                throw ApiException.notFound("Join request " + requestId);
              }
              return mayDecide(caller, r)
                  .chain(() -> Fair.require(fairId))
                  .chain(f -> apply(caller, f, r, decision));
            });
  }

  /** A person without the help desk's role decides only for their own entity. */
  private Uni<Void> mayDecide(Caller caller, JoinRequest r) {
    if (caller.kind() != Caller.Kind.PERSON || caller.has(Role.ANIMATOR)) {
      return Uni.createFrom().voidItem();
    }
    return Person.inFair(r.fairId, caller.id())
        .invoke(
            p -> {
              if (p == null
                  || !p.entityId.equals(r.entityId)
                  || !p.roleSet().contains(Role.PARTICIPANT)) {
                throw ApiException.forbidden(
                    "Only a member of this entity, the help desk or the organiser may decide");
              }
            })
        .replaceWithVoid();
  }

  private Uni<JoinRequestView> apply(Caller caller, Fair fair, JoinRequest r, Status decision) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Status current = r.statusAt(now);
    if (current == decision) {
      return view(r, now); // the same decision again (a second member, a retry): nothing to do
    }
    if (current != Status.PENDING) {
      throw ApiException.conflict(
          "join-" + current.name().toLowerCase(),
          "This request is " + current.name().toLowerCase() + " already");
    }
    fair.requireOpen();
    r.status = decision;
    r.decidedBy = caller.principal();
    r.decidedAt = now;
    Uni<Void> effect = decision == Status.APPROVED ? admit(fair, r) : Uni.createFrom().voidItem();
    return effect
        .chain(
            () ->
                log.append(
                    r.fairId,
                    DECIDED,
                    Map.of("requestId", r.id, "entityId", r.entityId, "status", decision.name())))
        .call(
            () ->
                audit.record(
                    caller,
                    r.fairId,
                    (decision == Status.APPROVED
                            ? AuditAction.JOIN_APPROVED
                            : AuditAction.JOIN_REJECTED)
                        .on("join_request", r.id)
                        .with("entityId", r.entityId)))
        .chain(() -> view(r, now));
  }

  /** The trusted path: the newcomer becomes a participant of the entity (present if LIVE). */
  private Uni<Void> admit(Fair fair, JoinRequest r) {
    return Organisation.<Organisation>findById(r.entityId)
        .chain(e -> participants.newPerson(fair.id, e, r.displayName, EnumSet.of(Role.PARTICIPANT)))
        .chain(
            p -> fair.phase == Phase.LIVE ? participants.markPresent(p) : Uni.createFrom().item(p))
        .invoke(p -> r.personId = p.id)
        .replaceWithVoid();
  }

  private Uni<JoinRequest> own(Caller caller) {
    if (caller.kind() != Caller.Kind.NEWCOMER) {
      return Uni.createFrom().failure(ApiException.forbidden("Only a newcomer has a join request"));
    }
    return JoinRequest.<JoinRequest>findById(caller.id())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown join request"));
  }

  /** The entity whose requests a caller may see, or null for all of the fair's. */
  private Uni<Long> scopeOf(Caller caller, long fairId) {
    if (caller.kind() != Caller.Kind.PERSON || caller.has(Role.ANIMATOR)) {
      return Uni.createFrom().nullItem();
    }
    return Person.inFair(fairId, caller.id()).map(p -> p.entityId);
  }

  private Uni<JoinRequestView> view(JoinRequest r, Instant now) {
    return Organisation.<Organisation>findById(r.entityId)
        .map(e -> toView(r, e == null ? "" : e.name, now));
  }

  private Uni<List<JoinRequestView>> views(long fairId, List<JoinRequest> list, Instant now) {
    if (list.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    return Organisation.ofFair(fairId)
        .map(
            entities -> {
              Map<Long, String> names =
                  entities.stream().collect(Collectors.toMap(e -> e.id, e -> e.name, (a, b) -> a));
              return list.stream()
                  .map(r -> toView(r, names.getOrDefault(r.entityId, ""), now))
                  .toList();
            });
  }

  private static JoinRequestView toView(JoinRequest r, String entityName, Instant now) {
    return new JoinRequestView(
        r.id,
        r.fairId,
        r.entityId,
        entityName,
        r.displayName,
        r.statusAt(now),
        r.createdAt,
        r.expiresAt,
        r.decidedAt);
  }
}
