package pl.gielda.contract;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Organiser;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.PaperInput;
import pl.gielda.contract.ContractStore.Aggregate;
import pl.gielda.contract.chain.Canonical;
import pl.gielda.eventlog.EventLog;
import pl.gielda.participant.Person;

/**
 * What the notary does: the queue of signed contracts, registration with the fair's next number
 * (chained to the previous registration), sending a contract back, and typing in paper contracts.
 */
@ApplicationScoped
public class NotaryService {

  private static final Role[] STAFF = {Role.NOTARY, Role.ORGANISER};

  private final AccessGuard guard;
  private final EventLog log;
  private final ContractStore store;
  private final ContractViews views;

  NotaryService(AccessGuard guard, EventLog log, ContractStore store, ContractViews views) {
    this.guard = guard;
    this.log = log;
    this.store = store;
    this.views = views;
  }

  /** Fully signed contracts, oldest signature first, each with its warnings. */
  @WithSession
  public Uni<List<ContractView>> queue(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, STAFF)
        .chain(
            () ->
                Contract.<Contract>list(
                    "fairId = ?1 and status = ?2 order by signedAt, id",
                    fairId,
                    ContractStatus.SIGNED))
        .chain(store::children)
        .map(list -> list.stream().map(views::view).toList());
  }

  /** Takes the next number under the fair's counter lock and links the record to the chain. */
  private Uni<Aggregate> registerLocked(
      Aggregate a, Caller caller, String name, String justification) {
    return ContractHead.lock(a.contract().fairId)
        .map(
            head -> {
              ContractRegistration.link(
                  store, a, head.lastNumber + 1, head.lastHash, caller, name, justification);
              head.lastNumber = a.contract().number;
              head.lastHash = a.contract().recordHash;
              return a;
            });
  }

  private Uni<ContractView> announce(Aggregate a) {
    return log.append(a.contract().fairId, "contract.registered", ContractViews.registeredEvent(a))
        .map(seq -> views.view(a));
  }

  /** Sends a signed contract back to its parties with a reason; their signatures are void. */
  @WithTransaction
  public Uni<ContractView> returnToParties(
      Caller caller, long fairId, long contractId, String reason) {
    return guard
        .inFair(caller, fairId, STAFF)
        .chain(() -> staffName(caller))
        .chain(
            name ->
                store
                    .lock(fairId, contractId)
                    .chain(
                        a -> {
                          Contract c = a.contract();
                          if (c.status != ContractStatus.SIGNED) {
                            throw ApiException.conflict(
                                "not-in-queue",
                                "Only a signed contract waiting in the queue can be returned");
                          }
                          c.status = ContractStatus.RETURNED;
                          c.returnedReason = reason.trim();
                          c.returnedBy = name;
                          c.returnedAt = Canonical.now();
                          c.updatedAt = c.returnedAt;
                          c.signedAt = null;
                          return ContractSignature.delete("contractId", c.id)
                              .replaceWith(new Aggregate(c, a.parties(), a.items(), List.of()));
                        }))
        .chain(
            a ->
                log.append(fairId, "contract.returned", ContractViews.compactEvent(a))
                    .map(seq -> views.view(a)));
  }

  /**
   * A paper contract signed by hand: created signed by the named people (one per party) and
   * registered in the same transaction — the notary holds the signed form, so there is nothing left
   * to queue. If the money check stops it, a justification is required or nothing is written.
   */
  @WithTransaction
  public Uni<ContractView> paper(Caller caller, long fairId, PaperInput in) {
    return guard
        .inFair(caller, fairId, STAFF)
        .chain(() -> staffName(caller))
        .chain(
            name ->
                store
                    .draft(
                        fairId,
                        null,
                        in.parties(),
                        "parties",
                        in.items(),
                        in.postIds(),
                        in.title(),
                        in.notes())
                    .chain(
                        draft ->
                            signatories(fairId, in.signatories(), draft)
                                .chain(people -> createPaper(caller, fairId, draft, people)))
                    .chain(a -> registerLocked(a, caller, name, in.justification())))
        .chain(this::announce);
  }

  private static Uni<List<Person>> signatories(
      long fairId, List<Long> ids, ContractStore.Draft draft) {
    return Person.<Person>list("fairId = ?1 and id in ?2", fairId, ids)
        .map(
            people -> {
              Set<Long> parties = ContractStore.ids(draft.parties());
              Map<Long, Person> byEntity = new HashMap<>();
              for (Long id : ids) {
                Person p = people.stream().filter(x -> x.id.equals(id)).findFirst().orElse(null);
                if (p == null) {
                  throw ApiException.invalid(
                      "signatories", "person " + id + " is not in this fair");
                }
                if (!parties.contains(p.entityId)) {
                  throw ApiException.invalid(
                      "signatories", "person " + id + " does not represent a party");
                }
                if (byEntity.put(p.entityId, p) != null) {
                  throw ApiException.invalid(
                      "signatories", "two people sign for the same party; name one per party");
                }
              }
              if (!byEntity.keySet().equals(parties)) {
                throw ApiException.invalid("signatories", "every party needs one signatory");
              }
              return new ArrayList<>(byEntity.values());
            });
  }

  private Uni<Aggregate> createPaper(
      Caller caller, long fairId, ContractStore.Draft draft, List<Person> people) {
    Contract c = new Contract();
    c.fairId = fairId;
    c.status = ContractStatus.PROPOSED;
    c.source = Contract.Source.PAPER;
    c.origin = Contract.Origin.DIRECT;
    c.version = 1;
    c.contentHash = "";
    c.createdBy = caller.principal();
    c.createdAt = Canonical.now();
    c.updatedAt = c.createdAt;
    Long typist = caller.kind() == Caller.Kind.PERSON ? caller.id() : null;
    return c.<Contract>persist()
        .chain(saved -> store.writeContent(saved, draft, false))
        .chain(
            a -> {
              List<ContractSignature> sigs = new ArrayList<>();
              for (Person p : people) {
                ContractSignature s = new ContractSignature();
                s.contractId = c.id;
                s.entityId = p.entityId;
                s.personId = p.id;
                s.personName = p.displayName;
                s.method = ContractSignature.Method.PAPER;
                s.onBehalfBy = typist;
                s.version = c.version;
                s.contentHash = c.contentHash;
                s.signedAt = c.createdAt;
                sigs.add(s);
              }
              c.status = ContractStatus.SIGNED;
              c.signedAt = c.createdAt;
              return ContractSignature.persist(sigs)
                  .replaceWith(new Aggregate(c, a.parties(), a.items(), sigs));
            });
  }

  /** The name recorded for a registration or a return: the notary's, or the organiser's. */
  private static Uni<String> staffName(Caller caller) {
    if (caller.kind() == Caller.Kind.ORGANISER) {
      return Organiser.<Organiser>findById(caller.id())
          .map(o -> o == null ? "organiser " + caller.id() : o.displayName);
    }
    return Person.<Person>findById(caller.id())
        .map(p -> p == null ? "notary " + caller.id() : p.displayName);
  }
}
