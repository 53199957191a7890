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
import pl.gielda.audit.AuditAction;
import pl.gielda.audit.AuditTrail;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.auth.RoleRules;
import pl.gielda.auth.RoleRules.Act;
import pl.gielda.auth.TokenIssuer;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.ParticipantDtos.EntityView;
import pl.gielda.participant.ParticipantDtos.PersonInput;
import pl.gielda.participant.ParticipantDtos.PersonView;
import pl.gielda.participant.ParticipantDtos.ScreenLinkView;

@ApplicationScoped
public class ParticipantService {

  /** Ł after L, Ż after Z, whatever the database's collation is. */
  private static final java.util.Comparator<Person> POLISH_ORDER =
      java.util.Comparator.<Person, String>comparing(
              p -> p.displayName, java.text.Collator.getInstance(new java.util.Locale("pl", "PL")))
          .thenComparing(p -> p.id);

  private final AccessGuard guard;
  private final EventLog log;
  private final TokenIssuer tokens;
  private final Links links;
  private final AuditTrail audit;

  ParticipantService(
      AccessGuard guard, EventLog log, TokenIssuer tokens, Links links, AuditTrail audit) {
    this.guard = guard;
    this.log = log;
    this.tokens = tokens;
    this.links = links;
    this.audit = audit;
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
                          // Only organisers see sign-in secrets: a help-desk tablet must not
                          // sign in as anyone.
                          boolean showBadges = caller.kind() == Caller.Kind.ORGANISER;
                          return people.stream()
                              .sorted(POLISH_ORDER)
                              .map(p -> view(p, byId.get(p.entityId), showBadges))
                              .toList();
                        }));
  }

  @WithTransaction
  public Uni<PersonView> createPerson(Caller caller, long fairId, PersonInput input) {
    EnumSet<Role> roles = parseRoles(input.roles());
    return guard
        .inFair(caller, fairId, RoleRules.actors(Act.ADD_PERSON))
        .invoke(() -> RoleRules.require(caller, Act.ADD_PERSON, roles))
        .chain(() -> Fair.require(fairId))
        .chain(fair -> entityFor(fair.id, input.entityId(), input.displayName()))
        .chain(entity -> newPerson(fairId, entity, input.displayName(), roles))
        .call(p -> auditGrant(caller, p, EnumSet.noneOf(Role.class)))
        .chain(p -> Organisation.<Organisation>findById(p.entityId).map(e -> view(p, e, true)));
  }

  /** A person given more than the participant's role: who granted it is on record. */
  Uni<Void> auditGrant(Caller caller, Person p, Set<Role> before) {
    Set<Role> now = p.roleSet();
    if (now.equals(before) || now.equals(EnumSet.of(Role.PARTICIPANT)) && before.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return audit.record(
        caller,
        p.fairId,
        AuditAction.ROLE_GRANTED
            .on("person", p.id)
            .with("before", Role.join(before))
            .with("after", Role.join(now)));
  }

  /** Instances that cache valid badges forget them (BadgeCache); no name, only the id. */
  Uni<Long> badgeChanged(Person p) {
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

  /** The help desk scans a badge's partner code: the person is present. */
  @WithTransaction
  public Uni<PersonView> checkInByBadge(Caller caller, long fairId, String partnerCode) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.ANIMATOR)
        .chain(() -> Person.byPartnerCode(fairId, partnerCode))
        .chain(
            p -> {
              if (p == null) {
                throw ApiException.invalid("partnerCode", "no such badge in this fair");
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

  /**
   * An entity a newcomer creates by joining: nobody vouched for it yet, so it stays unconfirmed
   * (its contracts cannot be registered) until the help desk or the organiser confirms it.
   */
  public Uni<Organisation> selfJoinedEntity(long fairId, EntityInput input) {
    return persist(fairId, input.name(), input.sector(), input.town(), input.contact(), false);
  }

  /** A resident joining alone: an unconfirmed individual entity in their name. */
  public Uni<Organisation> selfJoinedIndividual(long fairId, String personName) {
    return persist(fairId, uniqueIndividualName(personName), Sector.INDIVIDUAL, null, null, false);
  }

  /** The named entity, or — for a resident without one — an individual entity in their name. */
  private Uni<Organisation> entityFor(long fairId, Long entityId, String personName) {
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
    return persist(fairId, name, sector, town, contact, true);
  }

  private Uni<Organisation> persist(
      long fairId, String name, Sector sector, String town, String contact, boolean confirmed) {
    Organisation e = new Organisation();
    e.confirmed = confirmed;
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
    p.signInSecret = Secrets.token();
    p.badgeVersion = 1;
    p.createdAt = Instant.now();
    return freePartnerCode(fairId, 5)
        .invoke(code -> p.partnerCode = code)
        .chain(() -> p.<Person>persist())
        .call(
            x ->
                log.append(
                    fairId, "person.joined", Map.of("personId", x.id, "entityId", entity.id)));
  }

  /** A partner code not yet used in the fair (a clash is rare: 32^6 codes, a fair has hundreds). */
  private static Uni<String> freePartnerCode(long fairId, int attempts) {
    String code = PartnerCodes.fresh();
    return Person.count("fairId = ?1 and partnerCode = ?2", fairId, code)
        .chain(
            n ->
                n == 0 || attempts <= 1
                    ? Uni.createFrom().item(code)
                    : freePartnerCode(fairId, attempts - 1));
  }

  Uni<Person> requirePerson(long fairId, long personId) {
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
                          "roles",
                          "role-unknown",
                          "unknown role " + r + " (participant, animator, notary)",
                          Map.of("value", r)));
      roles.add(role);
    }
    return roles;
  }

  PersonView view(Person p, Organisation e, boolean withSecret) {
    return new PersonView(
        p.id,
        p.displayName,
        p.entityId,
        e == null ? null : e.name,
        e == null ? null : e.sector,
        p.roleSet().stream().map(Role::group).toList(),
        p.checkedInAt,
        p.partnerCode,
        p.deviceKeyHash != null,
        withSecret ? p.signInSecret : null,
        withSecret ? links.signIn(p.signInSecret) : null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
