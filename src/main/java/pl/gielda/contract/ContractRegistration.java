package pl.gielda.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.db.GroupCommit;
import pl.gielda.common.error.ApiException;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.RegisterInput;
import pl.gielda.contract.ContractStore.Aggregate;
import pl.gielda.contract.chain.Canonical;
import pl.gielda.contract.chain.ContractRecord;
import pl.gielda.eventlog.EventSequencer;

/**
 * Registration, on the same fast path as signing: plain SQL on the request's transaction (V7, V8).
 *
 * <p>Every registration of a fair takes the next number and hashes onto the previous record, so
 * they pass the fair's counter one at a time; everything that does not need the counter happens
 * before it is locked. {@code read_for_registration} locks the contract and returns it, and the
 * contract is checked here (signed by every party, on its current version, money justified); then
 * {@code lock_contract_counter} locks the counter and returns the chain's head, the record is
 * hashed onto it, and {@code finish_registration} (number, link, event) and the stored answer go to
 * the database together, followed by the commit. The counter is held for three round trips.
 */
@ApplicationScoped
class ContractRegistration {

  private static final String READ = "select read_for_registration($1, $2, $3, $4)::text";
  private static final String READ_ALL =
      "select i, result::text from read_for_registrations(cast(cast($1 as text) as jsonb))";
  private static final String LOCK_COUNTER =
      "select last_number, last_hash from lock_contract_counter($1)";
  private static final String FINISH =
      "select finish_registration($1, $2, $3, $4, $5, $6, $7, $8, $9,"
          + " cast(cast($10 as text) as jsonb))";
  private static final String FINISH_ALL =
      "select finish_registrations($1, cast(cast($2 as text) as jsonb),"
          + " cast(cast($3 as text) as jsonb))";
  private static final Role[] STAFF = {Role.NOTARY, Role.ORGANISER};

  private final AccessGuard guard;
  private final ContractStore store;
  private final ContractViews views;
  private final Idempotency idempotency;
  private final Pool pool;
  private final ObjectMapper json;
  private final ObjectReader reader;
  private final GroupCommit<Request, Outcome> batches;
  private final DistributionSummary batchSizes;

  /** Registrations that run alone: a few of a fair at a time, the rest wait here. */
  private final FairQueue alone = new FairQueue(4);

  ContractRegistration(
      AccessGuard guard,
      ContractStore store,
      ContractViews views,
      Idempotency idempotency,
      Pool pool,
      ObjectMapper json,
      MeterRegistry metrics,
      @ConfigProperty(name = "gielda.registration.batch.max-size", defaultValue = "64")
          int maxBatch,
      @ConfigProperty(name = "gielda.registration.batch.in-flight", defaultValue = "2")
          int inFlight) {
    this.guard = guard;
    this.store = store;
    this.views = views;
    this.idempotency = idempotency;
    this.pool = pool;
    this.json = json;
    this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    this.batches = new GroupCommit<>(maxBatch, inFlight, Request::contractId, this::registerAll);
    this.batchSizes = metrics.summary("gielda.registration.batch.size");
  }

  /** A registration waiting for its batch. */
  private record Request(
      Caller caller, String key, String requestHash, long fairId, long contractId, String why) {}

  /** What the batch did with one registration: registered, refused, or found its key used. */
  private record Outcome(ContractView view, RuntimeException refusal, JsonNode replay) {}

  /** A read contract the app accepted, to be numbered. */
  private record Accepted(
      int index, Request request, Aggregate aggregate, String name, String why) {}

  /**
   * Registers with the fair's next batch (group commit): the same checks, numbers, chain and
   * answers as one transaction per registration, with the fair's counter taken once per batch. Two
   * registrations of one contract never share a batch (the second finds it registered). A request
   * the batch cannot take, and every request of a batch that failed as a whole, runs in its own
   * transaction instead.
   */
  Uni<RestResponse<ContractView>> submit(
      Caller caller, String key, long fairId, long contractId, RegisterInput input) {
    String scope = "contract-register:" + contractId;
    String justification = input == null ? null : input.justification();
    Supplier<Uni<RestResponse<ContractView>>> single =
        () ->
            alone.run(
                fairId,
                () ->
                    idempotency.runPipelined(
                        caller,
                        key,
                        scope,
                        input,
                        ContractView.class,
                        200,
                        tx -> register(tx, caller, fairId, contractId, justification)));
    Request request;
    try {
      if (caller.kind() == Caller.Kind.SCREEN || (key != null && !Idempotency.usable(key))) {
        return single.get();
      }
      if (caller.kind() == Caller.Kind.PERSON) {
        AccessGuard.personMayAct(caller, fairId, STAFF);
      }
      String hash = key == null ? null : idempotency.requestHash(scope, input);
      request = new Request(caller, key, hash, fairId, contractId, justification);
    } catch (ApiException e) {
      return single.get();
    }
    return batches
        .submit(fairId, request)
        .map(o -> answer(request, o))
        .onFailure(GroupCommit.BatchFailed.class)
        .recoverWithUni(failed -> single.get());
  }

  private RestResponse<ContractView> answer(Request request, Outcome o) {
    if (o.replay() != null) {
      return idempotency.replayed(request.requestHash(), o.replay(), ContractView.class);
    }
    if (o.refusal() != null) {
      throw o.refusal();
    }
    // Its event was numbered in the batch's transaction.
    return RestResponse.status(RestResponse.Status.OK, o.view());
  }

  /**
   * One transaction for a batch: claim, check and read every contract; check them here; lock the
   * counter; number and hash the accepted ones in order; finish them, give the refused ones' keys
   * back and store the answers (sent together); commit.
   */
  private Uni<List<Outcome>> registerAll(List<Request> batch) {
    batchSizes.record(batch.size());
    long fairId = batch.get(0).fairId();
    ArrayNode items = json.createArrayNode();
    for (int i = 0; i < batch.size(); i++) {
      Request r = batch.get(i);
      boolean organiser = r.caller().kind() == Caller.Kind.ORGANISER;
      items
          .addObject()
          .put("i", i)
          .put("fair", r.fairId())
          .put("contract", r.contractId())
          .put("organiser", organiser ? r.caller().id() : null)
          .put("person", organiser ? null : r.caller().id())
          .put("badge", r.caller().badgeVersion())
          .put("principal", r.caller().principal())
          .put("key", r.key())
          .put("requestHash", r.requestHash());
    }
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(READ_ALL)
                .execute(Tuple.of(items.toString()))
                .chain(
                    rows -> {
                      Outcome[] outcomes = new Outcome[batch.size()];
                      List<Accepted> accepted = new ArrayList<>();
                      ArrayNode refusedKeys = json.createArrayNode();
                      for (Row row : rows) {
                        int i = row.getInteger(0);
                        Request r = batch.get(i);
                        JsonNode read = read(row.getString(1));
                        if (read.has("replay")) {
                          outcomes[i] = new Outcome(null, null, read.get("replay"));
                        } else if (read.hasNonNull("error")) {
                          outcomes[i] = new Outcome(null, refusal(read, r), null);
                        } else {
                          Aggregate a = ContractSigning.aggregate(read);
                          try {
                            String why = check(store, a, r.why());
                            accepted.add(
                                new Accepted(i, r, a, read.get("staffName").asText(), why));
                          } catch (ApiException e) {
                            outcomes[i] = new Outcome(null, e, null);
                            if (r.key() != null) {
                              refusedKeys
                                  .addObject()
                                  .put("principal", r.caller().principal())
                                  .put("key", r.key());
                            }
                          }
                        }
                      }
                      if (accepted.isEmpty() && refusedKeys.isEmpty()) {
                        return Uni.createFrom().item(Arrays.asList(outcomes));
                      }
                      Uni<Row> head =
                          accepted.isEmpty()
                              ? Uni.createFrom().nullItem()
                              : tx.preparedQuery(LOCK_COUNTER)
                                  .execute(Tuple.of(fairId))
                                  .map(h -> h.iterator().next());
                      return head.chain(
                          h -> finishAll(tx, fairId, h, accepted, refusedKeys, outcomes));
                    }));
  }

  private Uni<List<Outcome>> finishAll(
      SqlConnection tx,
      long fairId,
      Row head,
      List<Accepted> accepted,
      ArrayNode refusedKeys,
      Outcome[] outcomes) {
    ArrayNode registered = json.createArrayNode();
    List<Idempotency.Stored> answers = new ArrayList<>();
    int number = head == null ? 0 : head.getInteger(0);
    String prevHash = head == null ? null : head.getString(1);
    for (Accepted x : accepted) {
      Aggregate a = x.aggregate();
      chain(a, ++number, prevHash, x.request().caller(), x.name(), x.why());
      Contract c = a.contract();
      prevHash = c.recordHash;
      registered
          .addObject()
          .put("contract", c.id)
          .put("number", c.number)
          .put("prev", c.prevHash)
          .put("hash", c.recordHash)
          .put("at", c.registeredAt.toString())
          .put("by", c.registeredBy)
          .put("byName", c.registeredByName)
          .put("justification", c.moneyJustification)
          .set("event", json.valueToTree(ContractViews.registeredEvent(a)));
      ContractView view = views.view(a);
      outcomes[x.index()] = new Outcome(view, null, null);
      if (x.request().key() != null) {
        answers.add(
            new Idempotency.Stored(x.request().caller().principal(), x.request().key(), view));
      }
    }
    Uni<?> finish =
        tx.preparedQuery(FINISH_ALL)
            .execute(Tuple.of(fairId, registered.toString(), refusedKeys.toString()));
    // Subscribed at once: sent back to back, in order, the numbering last (it holds the log head
    // until the commit).
    return Uni.combine()
        .all()
        .unis(
            finish,
            idempotency.storeAll(tx, 200, answers),
            accepted.isEmpty()
                ? Uni.createFrom().voidItem()
                : EventSequencer.numberBeforeCommit(tx, fairId))
        .discardItems()
        .replaceWith(Arrays.asList(outcomes));
  }

  private static RuntimeException refusal(JsonNode read, Request r) {
    return switch (read.get("error").asText()) {
      case "badge-revoked" -> AccessGuard.badgeRevoked();
      case "no-fair" -> ApiException.notFound("Fair " + r.fairId());
      case "not-owner" -> ApiException.forbidden("This fair belongs to another organiser");
      case "not-found" -> ApiException.notFound("Contract " + r.contractId());
      default -> new IllegalStateException("read_for_registrations answered " + read);
    };
  }

  Uni<Idempotency.Answer<ContractView>> register(
      SqlConnection tx, Caller caller, long fairId, long contractId, String justification) {
    boolean organiser = caller.kind() == Caller.Kind.ORGANISER;
    return guard
        .inFair(tx, caller, fairId, STAFF)
        .chain(
            () ->
                tx.preparedQuery(READ)
                    .execute(
                        Tuple.tuple()
                            .addLong(fairId)
                            .addLong(contractId)
                            .addLong(organiser ? caller.id() : null)
                            .addLong(organiser ? null : caller.id())))
        .chain(
            rows -> {
              JsonNode r = read(rows.iterator().next().getString(0));
              if (r.hasNonNull("error")) {
                throw ApiException.notFound("Contract " + contractId);
              }
              Aggregate a = ContractSigning.aggregate(r);
              String name = r.get("staffName").asText();
              String why = check(store, a, justification);
              return tx.preparedQuery(LOCK_COUNTER)
                  .execute(Tuple.of(fairId))
                  .map(
                      head -> {
                        Row h = head.iterator().next();
                        chain(a, h.getInteger(0) + 1, h.getString(1), caller, name, why);
                        return finish(tx, fairId, a);
                      });
            });
  }

  /** The answer, with finish_registration still to be sent (the stored answer goes with it). */
  private Idempotency.Answer<ContractView> finish(SqlConnection tx, long fairId, Aggregate a) {
    Contract c = a.contract();
    Uni<?> write =
        tx.preparedQuery(FINISH)
            .execute(
                Tuple.tuple()
                    .addLong(fairId)
                    .addLong(c.id)
                    .addInteger(c.number)
                    .addString(c.prevHash)
                    .addString(c.recordHash)
                    .addOffsetDateTime(c.registeredAt.atOffset(ZoneOffset.UTC))
                    .addString(c.registeredBy)
                    .addString(c.registeredByName)
                    .addString(c.moneyJustification)
                    .addString(write(ContractViews.registeredEvent(a))))
            .invoke(EventSequencer::appended);
    return new Idempotency.Answer<>(views.view(a), write);
  }

  /**
   * Checks that a locked contract can be registered and links it to the chain as {@code number}
   * after {@code prevHash}: the rules every way of registering shares (this path, paper contracts).
   */
  static void link(
      ContractStore store,
      Aggregate a,
      int number,
      String prevHash,
      Caller caller,
      String name,
      String justification) {
    chain(a, number, prevHash, caller, name, check(store, a, justification));
  }

  /** Refuses a contract that cannot be registered; the justification to record, if any. */
  static String check(ContractStore store, Aggregate a, String justification) {
    Contract c = a.contract();
    if (c.status == ContractStatus.REGISTERED) {
      throw ApiException.conflict(
          "already-registered", "This contract is already registered as number " + c.number);
    }
    if (c.status != ContractStatus.SIGNED || !a.fullySigned()) {
      throw ApiException.conflict(
          "not-signed", "Only a contract signed by every party can be registered");
    }
    if (a.signatures().stream()
        .anyMatch(s -> s.version != c.version || !s.contentHash.equals(c.contentHash))) {
      throw ApiException.conflict(
          "stale-signatures", "A signature is for another version; return the contract");
    }
    String why = ContractStore.trimToNull(justification);
    if (c.moneyFlagged && why == null) {
      throw ApiException.conflict(
          "money-flagged",
          "The contract mentions money ("
              + store.findings(c).stream()
                  .map(f -> f.fragment() + ": " + f.reasonEn())
                  .collect(Collectors.joining("; "))
              + "); register it only with a written justification, or return it");
    }
    return why;
  }

  /** Makes a checked contract record {@code number} of the chain, hashed onto {@code prevHash}. */
  private static void chain(
      Aggregate a, int number, String prevHash, Caller caller, String name, String why) {
    Contract c = a.contract();
    c.status = ContractStatus.REGISTERED;
    c.number = number;
    c.prevHash = prevHash;
    c.registeredAt = Canonical.now();
    c.registeredBy = caller.principal();
    c.registeredByName = name;
    c.moneyJustification = why;
    c.updatedAt = c.registeredAt;
    String record =
        ContractRecord.canonicalRecord(
            ContractStore.content(a),
            c.contentHash,
            ContractStore.signatures(a),
            new ContractRecord.Registration(
                c.number,
                c.registeredAt,
                c.registeredBy,
                c.registeredByName,
                c.moneyJustification));
    c.recordHash = ContractRecord.recordHash(c.prevHash, record);
  }

  private JsonNode read(String value) {
    try {
      return reader.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("read_for_registration returned unreadable JSON", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
