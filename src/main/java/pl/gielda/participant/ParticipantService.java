package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.auth.TokenIssuer;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.participant.ParticipantDtos.BadgeView;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.ParticipantDtos.EntityView;
import pl.gielda.participant.ParticipantDtos.PersonInput;
import pl.gielda.participant.ParticipantDtos.PersonView;
import pl.gielda.participant.ParticipantDtos.ScreenLinkView;

@ApplicationScoped
public class ParticipantService {

  private final AccessGuard guard;
  private final EventLog log;
  private final TokenIssuer tokens;
  private final Links links;

  ParticipantService(AccessGuard guard, EventLog log, TokenIssuer tokens, Links links) {
    this.guard = guard;
    this.log = log;
    this.tokens = tokens;
    this.links = links;
  }

  @WithSession
  public Uni<List<EntityView>> entities(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY)
        .chain(() -> Organisation.ofFair(fairId))
        .map(list -> list.stream().map(EntityView::of).toList());
  }

  @WithTransaction
  public Uni<EntityView> createEntity(Caller caller, long fairId, EntityInput input) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR)
        .chain(() -> Fair.require(fairId))
        .chain(fair -> newEntity(fair.id, input))
        .map(EntityView::of);
  }

  @WithSession
  public Uni<List<PersonView>> people(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR, Role.NOTARY)
        .chain(() -> Organisation.ofFair(fairId))
        .chain(
            entities ->
                Person.ofFair(fairId)
                    .map(
                        people -> {
                          Map<Long, Organisation> byId =
                              entities.stream()
                                  .collect(Collectors.toMap(e -> e.id, Function.identity()));
                          // Only organisers see badge tokens: a help-desk tablet must not sign
                          // in as anyone.
                          boolean showBadges = caller.kind() == Caller.Kind.ORGANISER;
                          return people.stream()
                              .map(p -> view(p, byId.get(p.entityId), showBadges))
                              .toList();
                        }));
  }

  @WithTransaction
  public Uni<PersonView> createPerson(Caller caller, long fairId, PersonInput input) {
    EnumSet<Role> roles = parseRoles(input.roles());
    boolean onlyParticipant = roles.equals(EnumSet.of(Role.PARTICIPANT));
    Role[] allowed =
        onlyParticipant ? new Role[] {Role.ORGANISER, Role.ANIMATOR} : new Role[] {Role.ORGANISER};
    return guard
        .inFair(caller, fairId, allowed)
        .chain(() -> Fair.require(fairId))
        .chain(fair -> entityFor(fair.id, input.entityId(), input.displayName()))
        .chain(
            entity ->
                newPerson(fairId, entity, input.displayName(), roles)
                    .map(p -> view(p, entity, true)));
  }

  @WithTransaction
  public Uni<PersonView> changeRoles(
      Caller caller, long fairId, long personId, Set<String> requested) {
    EnumSet<Role> roles = parseRoles(requested);
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> requirePerson(fairId, personId))
        .chain(
            p -> {
              p.roles = Role.join(roles);
              // New roles need a new token: bump the version so the old token stops working.
              p.badgeVersion++;
              return badgeChanged(p)
                  .chain(() -> Organisation.<Organisation>findById(p.entityId))
                  .map(e -> view(p, e, true));
            });
  }

  /** Revokes a lost badge and issues a new one; the old badge and its tokens stop working. */
  @WithTransaction
  public Uni<BadgeView> reissueBadge(Caller caller, long fairId, long personId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR)
        .chain(() -> requirePerson(fairId, personId))
        .chain(
            p -> {
              p.badgeToken = Secrets.token();
              p.badgeVersion++;
              return badgeChanged(p)
                  .map(seq -> new BadgeView(p.id, p.badgeToken, links.badge(p.badgeToken)));
            });
  }

  /** Instances that cache valid badges forget them (BadgeCache); no name, only the id. */
  private Uni<Long> badgeChanged(Person p) {
    return log.append(p.fairId, EventLog.BADGE_CHANGED, Map.of("personId", p.id));
  }

  @WithTransaction
  public Uni<PersonView> checkIn(Caller caller, long fairId, long personId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR)
        .chain(() -> requirePerson(fairId, personId))
        .chain(
            p -> {
              Uni<Person> done = p.checkedInAt != null ? Uni.createFrom().item(p) : markPresent(p);
              return done.chain(
                  x ->
                      Organisation.<Organisation>findById(x.entityId)
                          .map(e -> view(x, e, caller.kind() == Caller.Kind.ORGANISER)));
            });
  }

  /** The help desk scans a badge: the person is present. */
  @WithTransaction
  public Uni<PersonView> checkInByBadge(Caller caller, long fairId, String badgeToken) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR)
        .chain(() -> Person.byBadge(badgeToken.trim()))
        .chain(
            p -> {
              if (p == null || !p.fairId.equals(fairId)) {
                throw ApiException.invalid("badgeToken", "no such badge in this fair");
              }
              return checkIn(caller, fairId, p.id);
            });
  }

  /** Marks a person present (at a LIVE fair) and tells the fair. */
  public Uni<Person> markPresent(Person p) {
    // Microseconds, as the database keeps them: the event must carry the stored value.
    p.checkedInAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return log.append(
            p.fairId,
            "person.checkedIn",
            Map.of("personId", p.id, "entityId", p.entityId, "at", p.checkedInAt.toString()))
        .replaceWith(p);
  }

  @WithTransaction
  public Uni<ScreenLinkView> createScreenLink(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.NOTARY)
        .chain(() -> Fair.require(fairId))
        .chain(
            fair -> {
              ScreenLink link = new ScreenLink();
              link.fairId = fairId;
              link.token = Secrets.token();
              link.createdBy = caller.principal();
              link.createdAt = Instant.now();
              return link.<ScreenLink>persist();
            })
        .map(link -> new ScreenLinkView(link.token, links.screen(link.token)));
  }

  Uni<Organisation> newEntity(long fairId, EntityInput input) {
    return Organisation.byName(fairId, input.name())
        .chain(
            existing -> {
              if (existing != null) {
                throw ApiException.conflict(
                    "entity-exists", "An entity with this name already takes part");
              }
              return persistEntity(
                  fairId, input.name(), input.sector(), input.town(), input.contact());
            });
  }

  public Uni<Organisation> existingOrNew(long fairId, EntityInput input) {
    return Organisation.byName(fairId, input.name())
        .chain(
            existing ->
                existing != null
                    ? Uni.createFrom().item(existing)
                    : persistEntity(
                        fairId, input.name(), input.sector(), input.town(), input.contact()));
  }

  /** The named entity, or — for a resident without one — an individual entity in their name. */
  public Uni<Organisation> entityFor(long fairId, Long entityId, String personName) {
    if (entityId != null) {
      return Organisation.inFair(fairId, entityId)
          .onItem()
          .ifNull()
          .failWith(() -> ApiException.invalid("entityId", "no such entity in this fair"));
    }
    return persistEntity(fairId, uniqueIndividualName(personName), Sector.INDIVIDUAL, null, null);
  }

  private static String uniqueIndividualName(String personName) {
    // Two residents may share a name; the suffix keeps entity names unique within the fair.
    return personName.trim() + " (" + Secrets.code(4) + ")";
  }

  Uni<Organisation> persistEntity(
      long fairId, String name, Sector sector, String town, String contact) {
    Organisation e = new Organisation();
    e.fairId = fairId;
    e.name = name.trim();
    e.sector = sector;
    e.town = blankToNull(town);
    e.contact = blankToNull(contact);
    e.createdAt = Instant.now();
    return e.<Organisation>persist()
        .call(
            x ->
                log.append(
                    fairId, "entity.created", Map.of("entityId", x.id, "sector", x.sector.name())));
  }

  public Uni<Person> newPerson(long fairId, Organisation entity, String name, Set<Role> roles) {
    Person p = new Person();
    p.fairId = fairId;
    p.entityId = entity.id;
    p.displayName = name.trim();
    p.roles = Role.join(roles);
    p.badgeToken = Secrets.token();
    p.badgeVersion = 1;
    p.createdAt = Instant.now();
    return p.<Person>persist()
        .call(
            x ->
                log.append(
                    fairId, "person.joined", Map.of("personId", x.id, "entityId", entity.id)));
  }

  private Uni<Person> requirePerson(long fairId, long personId) {
    return Person.inFair(fairId, personId)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("Person " + personId));
  }

  static EnumSet<Role> parseRoles(Set<String> requested) {
    if (requested == null || requested.isEmpty()) {
      return EnumSet.of(Role.PARTICIPANT);
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : requested) {
      Role role =
          Role.parse(r)
              .filter(Role.PERSON_ROLES::contains)
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "roles", "unknown role " + r + " (participant, animator, notary)"));
      roles.add(role);
    }
    return roles;
  }

  PersonView view(Person p, Organisation e, boolean withBadge) {
    return new PersonView(
        p.id,
        p.displayName,
        p.entityId,
        e == null ? null : e.name,
        e == null ? null : e.sector,
        p.roleSet().stream().map(Role::group).toList(),
        p.checkedInAt,
        withBadge ? p.badgeToken : null,
        withBadge ? links.badge(p.badgeToken) : null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
