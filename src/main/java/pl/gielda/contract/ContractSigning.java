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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.db.GroupCommit;
import pl.gielda.common.error.ApiException;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.SignInput;
import pl.gielda.contract.ContractService.Actor;
import pl.gielda.contract.ContractStore.Aggregate;
import pl.gielda.contract.chain.Canonical;
import pl.gielda.eventlog.EventSequencer;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.participant.Sector;

/**
 * Signing, the fair's hottest write, in one SQL call on the request's transaction.
 *
 * <p>At the end of a fair every party of every deal signs within minutes. Through Hibernate a
 * signature took about ten round trips and 8–9 ms of server CPU, so two cores managed about 90
 * signatures a second. Here the caller's badge is checked and {@code sign_contract} (V5) checks and
 * writes everything else — person, open fair, party, open contract, current version, the signature,
 * the SIGNED status, the log event — and returns the contract as it now is. The rules and their
 * order are the same as for every other contract operation; the refusals are turned into the same
 * problems here.
 */
@ApplicationScoped
class ContractSigning {

  private static final String SIGN = "select sign_contract($1, $2, $3, $4, $5, $6, $7, $8)::text";
  private static final String SIGN_ALL =
      "select i, result::text from sign_contracts(cast(cast($1 as text) as jsonb), $2)";
  private static final Role[] SIGNERS = {Role.PARTICIPANT, Role.ANIMATOR};

  private final AccessGuard guard;
  private final ContractViews views;
  private final Idempotency idempotency;
  private final Pool pool;
  private final ObjectMapper json;
  private final ObjectReader reader;
  private final GroupCommit<Request, Outcome> batches;
  private final DistributionSummary batchSizes;

  ContractSigning(
      AccessGuard guard,
      ContractViews views,
      Idempotency idempotency,
      Pool pool,
      ObjectMapper json,
      MeterRegistry metrics,
      @ConfigProperty(name = "gielda.signing.batch.max-size", defaultValue = "64") int maxBatch,
      @ConfigProperty(name = "gielda.signing.batch.in-flight", defaultValue = "2") int inFlight) {
    this.guard = guard;
    this.views = views;
    this.idempotency = idempotency;
    this.pool = pool;
    this.json = json;
    // Exact decimals: estimates are numeric(12,2) and must read back as they were written.
    this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    this.batches = new GroupCommit<>(maxBatch, inFlight, Request::exclusive, this::signAll);
    this.batchSizes = metrics.summary("gielda.signing.batch.size");
  }

  /** A signature waiting for its batch. */
  private record Request(
      Caller caller,
      String key,
      String requestHash,
      long fairId,
      long contractId,
      long personId,
      Long helper,
      SignInput in) {

    /** Two requests with one key never share a batch (the second replays the first's answer). */
    Object exclusive() {
      return key == null ? null : caller.principal() + "\n" + key;
    }
  }

  /** What the batch did with one signature: signed it, refused it, or found its key used. */
  private record Outcome(
      ContractView view, boolean added, RuntimeException refusal, JsonNode replay) {}

  /**
   * Signs with the fair's next batch (group commit): the same checks, the same answers and the same
   * idempotency as one transaction per signature, at a fraction of the cost when many sign at once.
   * A request the batch cannot take (not a person's, an unusable key, a helper's mistake) and every
   * request of a batch that failed as a whole run in their own transaction instead.
   */
  Uni<RestResponse<ContractView>> submit(
      Caller caller, String key, long fairId, long contractId, SignInput in) {
    String scope = "contract-sign:" + contractId;
    Supplier<Uni<RestResponse<ContractView>>> alone =
        () ->
            idempotency.runInTransaction(
                caller,
                key,
                scope,
                in,
                ContractView.class,
                200,
                tx -> sign(tx, caller, fairId, contractId, in));
    Request request;
    try {
      if (caller.kind() != Caller.Kind.PERSON
          || (key != null && !Idempotency.usable(key))
          || fairId != caller.fairId()) {
        return alone.get();
      }
      AccessGuard.personMayAct(caller, fairId, SIGNERS);
      long personId = ContractService.actingPerson(caller, in.onBehalfOf());
      Long helper = personId == caller.id() ? null : caller.id();
      String hash = key == null ? null : idempotency.requestHash(scope, in);
      request = new Request(caller, key, hash, fairId, contractId, personId, helper, in);
    } catch (ApiException e) {
      return alone.get();
    }
    return batches
        .submit(fairId, request)
        .map(o -> answer(request, o))
        .onFailure(GroupCommit.BatchFailed.class)
        .recoverWithUni(failed -> alone.get());
  }

  /** The response to one signature of a committed batch, on the request's own context. */
  private RestResponse<ContractView> answer(Request request, Outcome o) {
    if (o.replay() != null) {
      return idempotency.replayed(request.requestHash(), o.replay(), ContractView.class);
    }
    if (o.refusal() != null) {
      throw o.refusal();
    }
    // Its event, if any, was numbered in the batch's transaction.
    return RestResponse.status(RestResponse.Status.OK, o.view());
  }

  /** One transaction for the whole batch: every signature, then every stored answer. */
  private Uni<List<Outcome>> signAll(List<Request> batch) {
    batchSizes.record(batch.size());
    ArrayNode items = json.createArrayNode();
    for (int i = 0; i < batch.size(); i++) {
      Request r = batch.get(i);
      items
          .addObject()
          .put("i", i)
          .put("fair", r.fairId())
          .put("contract", r.contractId())
          .put("person", r.personId())
          .put("caller", r.caller().id())
          .put("badge", r.caller().badgeVersion())
          .put("helper", r.helper())
          .put("method", Actor.method(r.helper()).name())
          .put("version", r.in().version())
          .put("hash", r.in().contentHash())
          .put("principal", r.caller().principal())
          .put("key", r.key())
          .put("requestHash", r.requestHash());
    }
    OffsetDateTime now = Canonical.now().atOffset(ZoneOffset.UTC);
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(SIGN_ALL)
                .execute(Tuple.of(items.toString(), now))
                .chain(
                    rows -> {
                      Outcome[] outcomes = new Outcome[batch.size()];
                      List<Idempotency.Stored> answers = new ArrayList<>();
                      for (Row row : rows) {
                        int i = row.getInteger(0);
                        Request r = batch.get(i);
                        outcomes[i] = outcome(r, read(row.getString(1)));
                        if (r.key() != null && outcomes[i].view() != null) {
                          answers.add(
                              new Idempotency.Stored(
                                  r.caller().principal(), r.key(), outcomes[i].view()));
                        }
                      }
                      boolean events = Arrays.stream(outcomes).anyMatch(Outcome::added);
                      // Sent back to back, the numbering last: it holds the log head to commit.
                      return Uni.combine()
                          .all()
                          .unis(
                              idempotency.storeAll(tx, 200, answers),
                              events
                                  ? EventSequencer.numberBeforeCommit(tx, batch.get(0).fairId())
                                  : Uni.createFrom().voidItem())
                          .discardItems()
                          .replaceWith(Arrays.asList(outcomes));
                    }));
  }

  private Outcome outcome(Request request, JsonNode r) {
    if (r.has("replay")) {
      return new Outcome(null, false, null, r.get("replay"));
    }
    if (r.hasNonNull("error")) {
      RuntimeException refusal =
          "badge-revoked".equals(r.get("error").asText())
              ? AccessGuard.badgeRevoked()
              : refusal(r, request.in(), request.helper() != null, request.contractId());
      return new Outcome(null, false, refusal, null);
    }
    return new Outcome(views.view(aggregate(r)), r.path("added").asBoolean(), null, null);
  }

  Uni<ContractView> sign(
      SqlConnection tx, Caller caller, long fairId, long contractId, SignInput in) {
    return guard
        .inFair(tx, caller, fairId, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(
            () -> {
              long personId = ContractService.actingPerson(caller, in.onBehalfOf());
              Long helper = personId == caller.id() ? null : caller.id();
              Tuple args =
                  Tuple.tuple()
                      .addLong(fairId)
                      .addLong(contractId)
                      .addLong(personId)
                      .addLong(helper)
                      .addString(Actor.method(helper).name())
                      .addInteger(in.version())
                      .addString(in.contentHash())
                      .addOffsetDateTime(Canonical.now().atOffset(ZoneOffset.UTC));
              return tx.preparedQuery(SIGN)
                  .execute(args)
                  .map(
                      rows -> outcome(rows.iterator().next().getString(0), in, helper, contractId));
            });
  }

  private ContractView outcome(String result, SignInput in, Long helper, long contractId) {
    JsonNode r = read(result);
    if (r.hasNonNull("error")) {
      throw refusal(r, in, helper != null, contractId);
    }
    if (r.path("added").asBoolean()) {
      EventSequencer.appended();
    }
    return views.view(aggregate(r));
  }

  private static RuntimeException refusal(
      JsonNode r, SignInput in, boolean helping, long contractId) {
    return switch (r.get("error").asText()) {
      case "no-person" ->
          helping
              ? ApiException.invalid("onBehalfOf", "no such person in this fair")
              : ApiException.unauthorized("Unknown person");
      case "fair-not-open" -> Fair.notOpen(Phase.valueOf(r.get("phase").asText()));
      case "not-found" -> ApiException.notFound("Contract " + contractId);
      case "not-party" -> ContractService.notAParty();
      case "closed" -> ContractService.closed(ContractStatus.valueOf(r.get("status").asText()));
      case "stale-version" -> ContractService.stale(in.version(), r.get("version").asInt());
      default -> new IllegalStateException("sign_contract answered " + r);
    };
  }

  // ---- rows as the function returns them (to_jsonb of each table row)

  static Aggregate aggregate(JsonNode r) {
    return new Aggregate(
        contract(r.get("contract")),
        list(r.get("parties"), ContractSigning::party),
        list(r.get("items"), ContractSigning::item),
        list(r.get("signatures"), ContractSigning::signature));
  }

  private static Contract contract(JsonNode n) {
    Contract c = new Contract();
    c.id = n.get("id").asLong();
    c.fairId = n.get("fair_id").asLong();
    c.status = ContractStatus.valueOf(n.get("status").asText());
    c.source = Contract.Source.valueOf(n.get("source").asText());
    c.origin = Contract.Origin.valueOf(n.get("origin").asText());
    c.title = text(n, "title");
    c.notes = text(n, "notes");
    c.postIds = text(n, "post_ids");
    c.version = n.get("version").asInt();
    c.contentHash = text(n, "content_hash");
    c.moneyFlagged = n.get("money_flagged").asBoolean();
    c.moneyFindings = text(n, "money_findings");
    c.proposedBy = number(n, "proposed_by");
    c.proposedOnBehalfBy = number(n, "proposed_on_behalf_by");
    c.createdBy = text(n, "created_by");
    c.createdAt = time(n, "created_at");
    c.updatedAt = time(n, "updated_at");
    c.signedAt = time(n, "signed_at");
    c.returnedReason = text(n, "returned_reason");
    c.returnedBy = text(n, "returned_by");
    c.returnedAt = time(n, "returned_at");
    c.withdrawnBy = number(n, "withdrawn_by");
    c.withdrawnAt = time(n, "withdrawn_at");
    c.withdrawnReason = text(n, "withdrawn_reason");
    Long number = number(n, "number");
    c.number = number == null ? null : number.intValue();
    c.registeredAt = time(n, "registered_at");
    c.registeredBy = text(n, "registered_by");
    c.registeredByName = text(n, "registered_by_name");
    c.moneyJustification = text(n, "money_justification");
    c.prevHash = text(n, "prev_hash");
    c.recordHash = text(n, "record_hash");
    return c;
  }

  private static ContractParty party(JsonNode n) {
    ContractParty p = new ContractParty();
    p.id = n.get("id").asLong();
    p.contractId = n.get("contract_id").asLong();
    p.entityId = n.get("entity_id").asLong();
    p.position = n.get("position").asInt();
    p.entityName = text(n, "entity_name");
    p.sector = Sector.valueOf(n.get("sector").asText());
    return p;
  }

  private static ContractItem item(JsonNode n) {
    ContractItem i = new ContractItem();
    i.id = n.get("id").asLong();
    i.contractId = n.get("contract_id").asLong();
    i.position = n.get("position").asInt();
    i.fromEntityId = n.get("from_entity_id").asLong();
    i.toEntityId = n.get("to_entity_id").asLong();
    i.category = text(n, "category");
    i.description = text(n, "description");
    i.quantity = text(n, "quantity");
    i.whenText = text(n, "when_text");
    i.valuePln = decimal(n, "value_pln");
    i.hours = decimal(n, "hours");
    return i;
  }

  private static ContractSignature signature(JsonNode n) {
    ContractSignature s = new ContractSignature();
    s.id = n.get("id").asLong();
    s.contractId = n.get("contract_id").asLong();
    s.entityId = n.get("entity_id").asLong();
    s.personId = n.get("person_id").asLong();
    s.personName = text(n, "person_name");
    s.method = ContractSignature.Method.valueOf(n.get("method").asText());
    s.onBehalfBy = number(n, "on_behalf_by");
    s.version = n.get("version").asInt();
    s.contentHash = text(n, "content_hash");
    s.signedAt = time(n, "signed_at");
    return s;
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> row) {
    List<T> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(row.apply(n)));
    return out;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Long number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asLong();
  }

  private static BigDecimal decimal(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.decimalValue();
  }

  private static Instant time(JsonNode n, String field) {
    String v = text(n, field);
    return v == null ? null : OffsetDateTime.parse(v).toInstant();
  }

  private JsonNode read(String value) {
    try {
      return reader.readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("sign_contract returned unreadable JSON", e);
    }
  }
}
