package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.EditInput;
import pl.gielda.contract.ContractDtos.PartnerView;
import pl.gielda.contract.ContractDtos.PartyView;
import pl.gielda.contract.ContractDtos.ProposeInput;
import pl.gielda.contract.ContractDtos.WithdrawInput;
import pl.gielda.contract.ContractStore.Aggregate;
import pl.gielda.contract.chain.Canonical;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Person;

/**
 * What the parties do: propose, change, sign and withdraw. Each operation is one transaction that
 * locks the contract row, changes it and appends one event to the fair's log.
 */
@ApplicationScoped
public class ContractService {

  /** The person acting for a party: on their own phone, or helped by an animator. */
  record Actor(Person person, Long onBehalfBy) {
    ContractSignature.Method method() {
      return method(onBehalfBy);
    }

    static ContractSignature.Method method(Long onBehalfBy) {
      return onBehalfBy == null
          ? ContractSignature.Method.PHONE
          : ContractSignature.Method.HELP_DESK;
    }
  }

  private final AccessGuard guard;
  private final EventLog log;
  private final ContractStore store;
  private final ContractViews views;
  private final Vertx vertx;

  ContractService(
      AccessGuard guard, EventLog log, ContractStore store, ContractViews views, Vertx vertx) {
    this.guard = guard;
    this.log = log;
    this.store = store;
    this.views = views;
    this.vertx = vertx;
  }

  @WithTransaction
  public Uni<ContractView> propose(Caller caller, long fairId, ProposeInput in) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> actor(caller, fairId, in.onBehalfOf(), true))
        .chain(
            actor ->
                store
                    .draft(
                        fairId,
                        actor.person().entityId,
                        in.partners(),
                        "partners",
                        in.items(),
                        in.postIds(),
                        in.title(),
                        in.notes())
                    .chain(draft -> create(caller, fairId, actor, draft, in.origin()))
                    .chain(
                        a ->
                            Boolean.TRUE.equals(in.signNow())
                                ? addSignature(a, actor)
                                : Uni.createFrom().item(a))
                    .chain(a -> publish(a, "contract.proposed")));
  }

  private Uni<Aggregate> create(
      Caller caller, long fairId, Actor actor, ContractStore.Draft draft, Contract.Origin origin) {
    Contract c = new Contract();
    c.fairId = fairId;
    c.status = ContractStatus.PROPOSED;
    c.source = Contract.Source.APP;
    c.origin =
        origin != null
            ? origin
            : draft.fromBadge()
                ? Contract.Origin.BADGE
                : draft.postIds().isEmpty() ? Contract.Origin.DIRECT : Contract.Origin.POST;
    c.version = 1;
    // A placeholder until writeContent computes the hash, which needs the contract's id.
    c.contentHash = "";
    c.proposedBy = actor.person().id;
    c.proposedOnBehalfBy = actor.onBehalfBy();
    c.createdBy = caller.principal();
    c.createdAt = Canonical.now();
    c.updatedAt = c.createdAt;
    return c.<Contract>persist().chain(saved -> store.writeContent(saved, draft, false));
  }

  @WithTransaction
  public Uni<ContractView> edit(Caller caller, long fairId, long contractId, EditInput in) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> actor(caller, fairId, in.onBehalfOf(), true))
        .chain(
            actor ->
                store
                    .lock(fairId, contractId)
                    .map(a -> requireParty(a, actor))
                    .chain(a -> change(a, actor, in)))
        .chain(a -> publish(a, "contract.updated"));
  }

  /** Replaces the content: a new version, and every earlier signature is void. */
  private Uni<Aggregate> change(Aggregate a, Actor actor, EditInput in) {
    Contract c = a.contract();
    requireOpen(c);
    if (c.version != in.version()) {
      throw ApiException.conflict(
          "stale-version",
          "The contract changed meanwhile (now version " + c.version + "); reload it");
    }
    List<ContractDtos.PartyRef> refs =
        in.parties() != null
            ? in.parties()
            : a.parties().stream()
                .map(p -> new ContractDtos.PartyRef(p.entityId, null, null))
                .toList();
    return store
        .draft(c.fairId, null, refs, "parties", in.items(), in.postIds(), in.title(), in.notes())
        .chain(
            draft -> {
              if (!ContractStore.ids(draft.parties()).contains(actor.person().entityId)) {
                throw ApiException.invalid("parties", "your own entity must stay a party");
              }
              c.version++;
              c.status = ContractStatus.PROPOSED;
              c.signedAt = null;
              c.updatedAt = Canonical.now();
              return store.writeContent(c, draft, true);
            });
  }

  /** Adds the actor's signature; the last party's signature sends the contract to the notary. */
  private Uni<Aggregate> addSignature(Aggregate a, Actor actor) {
    Contract c = a.contract();
    ContractSignature s = new ContractSignature();
    s.contractId = c.id;
    s.entityId = actor.person().entityId;
    s.personId = actor.person().id;
    s.personName = actor.person().displayName;
    s.method = actor.method();
    s.onBehalfBy = actor.onBehalfBy();
    s.version = c.version;
    s.contentHash = c.contentHash;
    s.signedAt = Canonical.now();
    List<ContractSignature> signatures = new java.util.ArrayList<>(a.signatures());
    signatures.add(s);
    Aggregate signed = new Aggregate(c, a.parties(), a.items(), signatures);
    c.updatedAt = s.signedAt;
    if (signed.fullySigned()) {
      c.status = ContractStatus.SIGNED;
      c.signedAt = s.signedAt;
    }
    return s.persist().replaceWith(signed);
  }

  @WithTransaction
  public Uni<ContractView> withdraw(Caller caller, long fairId, long contractId, WithdrawInput in) {
    Long onBehalfOf = in == null ? null : in.onBehalfOf();
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> actor(caller, fairId, onBehalfOf, false))
        .chain(
            actor ->
                store
                    .lock(fairId, contractId)
                    .map(a -> requireParty(a, actor))
                    .chain(
                        a -> {
                          Contract c = a.contract();
                          if (c.status == ContractStatus.WITHDRAWN) {
                            return Uni.createFrom().item(views.view(a));
                          }
                          requireOpen(c);
                          c.status = ContractStatus.WITHDRAWN;
                          c.withdrawnBy = actor.person().id;
                          c.withdrawnAt = Canonical.now();
                          c.withdrawnReason =
                              in == null ? null : ContractStore.trimToNull(in.reason());
                          c.updatedAt = c.withdrawnAt;
                          c.signedAt = null;
                          return publish(a, "contract.withdrawn");
                        }));
  }

  /** The parties' people, the help desk and staff may read a contract; nobody else. */
  @WithSession
  public Uni<ContractView> get(Caller caller, long fairId, long contractId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.NOTARY, Role.ANIMATOR, Role.PARTICIPANT)
        .chain(() -> store.load(fairId, contractId))
        .call(a -> requireReader(caller, fairId, a))
        .map(views::view);
  }

  /**
   * Staff (organiser, notary, animator) see every contract of the fair; a participant sees the
   * contracts of their entity.
   */
  @WithSession
  public Uni<List<ContractView>> list(Caller caller, long fairId, ContractStatus status) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.NOTARY, Role.ANIMATOR, Role.PARTICIPANT)
        .chain(
            () -> {
              if (isStaff(caller) || caller.has(Role.ANIMATOR)) {
                return status == null
                    ? Contract.<Contract>list("fairId = ?1 order by id", fairId)
                    : Contract.<Contract>list(
                        "fairId = ?1 and status = ?2 order by id", fairId, status);
              }
              return Person.inFair(fairId, caller.id())
                  .chain(me -> ofEntity(fairId, me == null ? -1L : me.entityId, status));
            })
        .chain(store::children)
        .map(list -> list.stream().map(views::view).toList());
  }

  /** The registered contract as a PDF, for its parties' people and staff (notary, organiser). */
  @WithSession
  public Uni<byte[]> pdf(Caller caller, long fairId, long contractId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.NOTARY, Role.ANIMATOR, Role.PARTICIPANT)
        .chain(() -> store.load(fairId, contractId))
        .call(a -> requirePartyOrStaff(caller, fairId, a))
        .chain(
            a -> {
              if (a.contract().status != ContractStatus.REGISTERED) {
                throw ApiException.conflict(
                    "not-registered", "A contract has a PDF once the notary registered it");
              }
              ContractView view = views.view(a);
              return Fair.require(fairId)
                  .chain(fair -> vertx.executeBlocking(() -> ContractPdf.render(fair.name, view)));
            });
  }

  /** A registered contract's PDF for the mail worker (no caller: the app mails its parties). */
  public record RegisteredPdf(
      String fairName, int number, String title, List<String> parties, byte[] pdf) {}

  @WithSession
  public Uni<RegisteredPdf> registeredPdf(long fairId, long contractId) {
    return store
        .load(fairId, contractId)
        .chain(
            a -> {
              ContractView view = views.view(a);
              return Fair.require(fairId)
                  .chain(
                      fair ->
                          vertx.executeBlocking(
                              () ->
                                  new RegisteredPdf(
                                      fair.name,
                                      view.number(),
                                      view.title(),
                                      view.parties().stream().map(PartyView::name).toList(),
                                      ContractPdf.render(fair.name, view))));
            });
  }

  /** Who a scanned badge belongs to, so the phone can show the partner before proposing. */
  @WithSession
  public Uni<PartnerView> lookup(Caller caller, long fairId, String badgeToken) {
    return guard
        .inFair(caller, fairId, Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY)
        .chain(
            () ->
                Person.<Person>find("fairId = ?1 and badgeToken = ?2", fairId, badgeToken)
                    .<Person>firstResult())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("Badge"))
        .chain(
            (Person p) ->
                Organisation.<Organisation>findById(p.entityId)
                    .map(e -> new PartnerView(p.id, p.displayName, e.id, e.name, e.sector)));
  }

  // ---- helpers

  private static Uni<List<Contract>> ofEntity(long fairId, long entityId, ContractStatus status) {
    String parties =
        "fairId = ?1 and id in (select p.contractId from ContractParty p where p.entityId = ?2)";
    return status == null
        ? Contract.<Contract>list(parties + " order by id", fairId, entityId)
        : Contract.<Contract>list(
            parties + " and status = ?3 order by id", fairId, entityId, status);
  }

  private Uni<ContractView> publish(Aggregate a, String type) {
    return log.append(a.contract().fairId, type, ContractViews.compactEvent(a))
        .map(seq -> views.view(a));
  }

  static void requireOpen(Contract c) {
    if (!c.status.open()) {
      throw closed(c.status);
    }
  }

  static ApiException closed(ContractStatus status) {
    return ApiException.conflict(
        "contract-" + status.name().toLowerCase(),
        "The contract is " + status + " and can no longer be changed or signed");
  }

  static ApiException stale(int signedVersion, int currentVersion) {
    return ApiException.conflict(
        "stale-version",
        "You signed version "
            + signedVersion
            + " but the contract is now at version "
            + currentVersion
            + "; read it again before signing");
  }

  static ApiException notAParty() {
    return ApiException.forbidden("Only the people of the contract's parties may do this");
  }

  private static Aggregate requireParty(Aggregate a, Actor actor) {
    if (!a.hasParty(actor.person().entityId)) {
      throw notAParty();
    }
    return a;
  }

  private static Uni<Void> requireReader(Caller caller, long fairId, Aggregate a) {
    if (caller.has(Role.ANIMATOR)) {
      return Uni.createFrom().voidItem();
    }
    return requirePartyOrStaff(caller, fairId, a);
  }

  private static Uni<Void> requirePartyOrStaff(Caller caller, long fairId, Aggregate a) {
    if (isStaff(caller)) {
      return Uni.createFrom().voidItem();
    }
    return Person.inFair(fairId, caller.id())
        .map(
            me -> {
              if (me == null || !a.hasParty(me.entityId)) {
                throw ApiException.forbidden("Only the contract's parties may read it");
              }
              return null;
            });
  }

  static boolean isStaff(Caller caller) {
    return caller.kind() == Caller.Kind.ORGANISER || caller.has(Role.NOTARY);
  }

  /**
   * The person a party action is for: the caller, or (for an animator) the person they help. With
   * {@code openFairOnly} the fair must be open; read in the same query as the person.
   */
  /**
   * Whose act this is: the caller's own, or — for the help desk only — the person they help.
   * Participants act for themselves; an animator must say whom they help.
   */
  static long actingPerson(Caller caller, Long onBehalfOf) {
    boolean helping = onBehalfOf != null && onBehalfOf != caller.id();
    if (helping && !caller.has(Role.ANIMATOR)) {
      throw ApiException.forbidden("Only the help desk acts on behalf of others");
    }
    if (!helping && !caller.has(Role.PARTICIPANT)) {
      throw ApiException.invalid("onBehalfOf", "the help desk acts for a person: choose who");
    }
    return helping ? onBehalfOf : caller.id();
  }

  private static Uni<Actor> actor(
      Caller caller, long fairId, Long onBehalfOf, boolean openFairOnly) {
    long personId;
    try {
      personId = actingPerson(caller, onBehalfOf);
    } catch (ApiException e) {
      return Uni.createFrom().failure(e);
    }
    boolean helping = personId != caller.id();
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createSelectionQuery(
                        "select p, f from Person p, Fair f"
                            + " where p.id = ?1 and p.fairId = ?2 and f.id = p.fairId",
                        Object[].class)
                    .setParameter(1, personId)
                    .setParameter(2, fairId)
                    .getSingleResultOrNull())
        .map(
            row -> {
              if (row == null) {
                throw helping
                    ? ApiException.invalid("onBehalfOf", "no such person in this fair")
                    : ApiException.unauthorized("Unknown person");
              }
              if (openFairOnly) {
                ((Fair) row[1]).requireOpen();
              }
              return new Actor((Person) row[0], helping ? caller.id() : null);
            });
  }
}
