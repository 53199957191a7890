package pl.gielda.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.board.EventSequencer;
import pl.gielda.common.error.ApiException;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractStore.Aggregate;
import pl.gielda.contract.chain.Canonical;
import pl.gielda.contract.chain.ContractRecord;

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
  private static final String LOCK_COUNTER =
      "select last_number, last_hash from lock_contract_counter($1)";
  private static final String FINISH =
      "select finish_registration($1, $2, $3, $4, $5, $6, $7, $8, $9,"
          + " cast(cast($10 as text) as jsonb))";
  private static final Role[] STAFF = {Role.NOTARY, Role.ORGANISER};

  private final AccessGuard guard;
  private final ContractStore store;
  private final ContractViews views;
  private final ObjectMapper json;
  private final ObjectReader reader;

  ContractRegistration(
      AccessGuard guard, ContractStore store, ContractViews views, ObjectMapper json) {
    this.guard = guard;
    this.store = store;
    this.views = views;
    this.json = json;
    this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
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
