package pl.gielda.join;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pl.gielda.auth.Role;
import pl.gielda.auth.TokenIssuer;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.join.JoinDtos.JoinInput;
import pl.gielda.join.JoinDtos.JoinView;
import pl.gielda.join.JoinDtos.PublicEntityView;
import pl.gielda.join.JoinDtos.Standing;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.ParticipantService;
import pl.gielda.participant.Person;
import pl.gielda.participant.Sector;

/**
 * Self-join with the fair's code while it is in REGISTRATION or LIVE. The code is on the wall, so
 * it proves nothing about who one is: a newcomer may found a new entity (unconfirmed until the help
 * desk confirms it) or join as a resident, but joining an existing entity is only a request that
 * the entity's members, the help desk or the organiser decide ({@link ConsentService}).
 */
@ApplicationScoped
public class JoinService {

  static final String REQUESTED = "join.requested";

  private final ParticipantService participants;
  private final TokenIssuer tokens;
  private final EventLog log;
  private final Duration requestTtl;

  JoinService(
      ParticipantService participants,
      TokenIssuer tokens,
      EventLog log,
      @ConfigProperty(name = "gielda.join.request-ttl", defaultValue = "PT30M")
          Duration requestTtl) {
    this.participants = participants;
    this.tokens = tokens;
    this.log = log;
    this.requestTtl = requestTtl;
  }

  /**
   * Entities a newcomer may join while the fair is open. Individuals are left out: a resident's
   * name is not shown to anyone holding the join code.
   */
  @WithSession
  public Uni<List<PublicEntityView>> joinableEntities(String joinCode) {
    return Fair.findByJoinCode(joinCode)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("A fair with this code"))
        .invoke(Fair::requireOpen)
        .chain(fair -> Organisation.ofFair(fair.id))
        .map(
            list ->
                list.stream()
                    .filter(e -> e.sector != Sector.INDIVIDUAL)
                    .map(e -> new PublicEntityView(e.id, e.name, e.sector))
                    .toList());
  }

  @WithTransaction
  public Uni<JoinView> join(JoinInput input) {
    return Fair.findByJoinCode(input.joinCode())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.invalid("joinCode", "no fair has this code"))
        .chain(
            fair -> {
              fair.requireOpen();
              if (input.newEntity() != null) {
                return founding(fair, input.newEntity())
                    .chain(e -> member(fair, e, input.displayName()));
              }
              if (input.entityId() != null) {
                return request(fair, input.entityId(), input.displayName());
              }
              return participants
                  .selfJoinedIndividual(fair.id, input.displayName())
                  .chain(e -> member(fair, e, input.displayName()));
            });
  }

  /**
   * A new entity, never an existing one under its name: newcomers racing to found the same
   * organisation take turns on a lock for the name, so one founds it and the others are told it
   * exists (and may ask to join it) instead of failing on the unique index.
   */
  private Uni<Organisation> founding(Fair fair, EntityInput input) {
    if (input.sector() == Sector.INDIVIDUAL) {
      throw ApiException.invalid("newEntity.sector", "a resident joins without an entity");
    }
    String name = input.name().trim().toLowerCase(Locale.ROOT);
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) x")
                    .setParameter(1, "entity-name:" + fair.id + ":" + name)
                    .getSingleResult())
        .chain(() -> Organisation.byName(fair.id, input.name()))
        .chain(
            existing -> {
              if (existing != null) {
                throw ApiException.conflict(
                    "entity-exists",
                    "An entity with this name already takes part: choose it to ask to join it");
              }
              return participants.selfJoinedEntity(fair.id, input);
            });
  }

  private Uni<JoinView> member(Fair fair, Organisation entity, String displayName) {
    return participants
        .newPerson(fair.id, entity, displayName, EnumSet.of(Role.PARTICIPANT))
        .chain(p -> fair.phase == Phase.LIVE ? participants.markPresent(p) : item(p))
        .map(p -> memberView(p, entity));
  }

  JoinView memberView(Person p, Organisation entity) {
    var token = tokens.person(p.id, p.fairId, p.roleSet(), p.badgeVersion, p.displayName);
    return new JoinView(
        token.token(),
        token.expiresAt(),
        p.signInSecret,
        p.fairId,
        p.id,
        Standing.MEMBER,
        null,
        entity.name);
  }

  /** Asks an existing entity to let the newcomer in; a resident's entity cannot be joined. */
  private Uni<JoinView> request(Fair fair, long entityId, String displayName) {
    return Organisation.inFair(fair.id, entityId)
        .chain(
            entity -> {
              // The same answer for a resident as for no entity: the id reveals no one.
              if (entity == null || entity.sector == Sector.INDIVIDUAL) {
                throw ApiException.invalid("entityId", "no entity to join with this id");
              }
              Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
              JoinRequest r = new JoinRequest();
              r.fairId = fair.id;
              r.entityId = entity.id;
              r.displayName = displayName.trim();
              r.status = JoinRequest.Status.PENDING;
              r.createdAt = now;
              r.expiresAt = now.plus(requestTtl);
              return r.<JoinRequest>persist()
                  .call(
                      x ->
                          log.append(
                              fair.id, REQUESTED, Map.of("requestId", x.id, "entityId", entity.id)))
                  .map(x -> waitingView(x, entity));
            });
  }

  private JoinView waitingView(JoinRequest r, Organisation entity) {
    var token = tokens.newcomer(r.id, r.fairId, r.displayName);
    return new JoinView(
        token.token(),
        token.expiresAt(),
        null,
        r.fairId,
        null,
        Standing.WAITING,
        r.id,
        entity.name);
  }

  private static <T> Uni<T> item(T value) {
    return Uni.createFrom().item(value);
  }
}
