package pl.gielda.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.common.Principal;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;

/**
 * Makes a write safe to retry. The key is claimed in the same transaction as the write and the
 * response is stored with it, so a retry (even a concurrent one, which waits on the key's row)
 * returns the first response and changes nothing. A failed write rolls the claim back, so the key
 * can be used again.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";

  /**
   * Claims a key, or reads what it answered before: {@code claim_idempotency_key}
   * (R__idempotency.sql), the one statement of the rule, also used by the batch functions. NULL
   * when the key is new.
   */
  private static final String CLAIM = "select claim_idempotency_key($1, $2, $3)::text";

  private static final String STORE =
      "update idempotency_record set status = $1, response = $2"
          + " where principal = $3 and idem_key = $4";
  private static final String STORE_ALL =
      "update idempotency_record r set status = $1, response = u.response"
          + " from unnest($2::text[], $3::text[], $4::text[]) as u(principal, idem_key, response)"
          + " where r.principal = u.principal and r.idem_key = u.idem_key";

  private final ObjectMapper json;
  private final Pool pool;

  Idempotency(ObjectMapper json, Pool pool) {
    this.json = json;
    this.pool = pool;
  }

  /**
   * An answer whose last write is still to be sent: the stored answer is sent right behind it on
   * the same connection (pipelined) instead of one round trip later. For writes that hold a
   * fair-wide lock until commit, where every round trip counts for everyone waiting.
   */
  public record Answer<T>(T result, Uni<?> lastWrite) {}

  /**
   * The same promise for a write made with plain SQL on one connection instead of Hibernate: the
   * key is claimed, the action runs and the response is stored in one transaction of the reactive
   * pool. For the hot paths, where Hibernate's per-statement cost was the bottleneck.
   */
  public <T> Uni<RestResponse<T>> runInTransaction(
      Principal caller,
      String key,
      String scope,
      Object request,
      Class<T> type,
      int status,
      Function<SqlConnection, Uni<T>> action) {
    return runPipelined(
        caller,
        key,
        scope,
        request,
        type,
        status,
        tx -> action.apply(tx).map(result -> new Answer<>(result, Uni.createFrom().voidItem())));
  }

  /**
   * The same promise in two round trips, for a write whose checks and insert are one statement:
   * BEGIN, the key's claim and that statement are sent together; then the write's last statements,
   * the stored answer and COMMIT. If the key was used before, the statement's work is rolled back
   * and the stored answer returned; if the statement refused (a problem), it is rolled back and the
   * problem returned. For a post during a reconnect storm, where every round trip waits behind the
   * storm's work on the event loops.
   *
   * @param first sends the statement; its refusals fail the returned {@code Uni}
   * @param then the answer and its last writes, once the key is known to be new
   */
  public <R, T> Uni<RestResponse<T>> runInTwoRoundTrips(
      Principal caller,
      String key,
      String scope,
      Object request,
      Class<T> type,
      int status,
      Function<SqlConnection, Uni<R>> first,
      java.util.function.BiFunction<SqlConnection, R, Answer<T>> then) {
    boolean keyed = key != null && !key.isBlank();
    String hash = keyed ? requestHash(scope, request) : null;
    String principal = caller.principal();
    RestResponse.Status code = RestResponse.Status.fromStatusCode(status);
    record Done<R>(R result, Throwable failure) {}
    return pool.withConnection(
        conn -> {
          // Whether this connection's transaction is still open: a second ROLLBACK would make
          // PostgreSQL warn "there is no transaction in progress" (25P01).
          java.util.concurrent.atomic.AtomicBoolean open =
              new java.util.concurrent.atomic.AtomicBoolean(true);
          Uni<?> begin = conn.query("BEGIN").execute();
          Uni<Optional<String>> claimed =
              keyed
                  ? conn.preparedQuery(CLAIM)
                      .execute(Tuple.of(principal, key, hash))
                      .map(Idempotency::previous)
                  : Uni.createFrom().item(Optional.empty());
          Uni<Done<R>> done =
              first.apply(conn).onItemOrFailure().transform((r, f) -> new Done<>(r, f));
          Uni<RestResponse<T>> answered =
              Uni.combine()
                  .all()
                  .unis(begin, claimed, done)
                  .asTuple()
                  .chain(
                      t -> {
                        if (t.getItem2().isPresent()) {
                          // Used before: drop this attempt and answer what was stored.
                          String before = t.getItem2().get();
                          open.set(false);
                          return conn.query("ROLLBACK")
                              .execute()
                              .map(x -> replayed(hash, before, type));
                        }
                        if (t.getItem3().failure() != null) {
                          return Uni.createFrom().failure(t.getItem3().failure());
                        }
                        Answer<T> a = then.apply(conn, t.getItem3().result());
                        Uni<?> store =
                            keyed
                                ? conn.preparedQuery(STORE)
                                    .execute(Tuple.of(status, write(a.result()), principal, key))
                                : Uni.createFrom().voidItem();
                        // Sent back to back, in order, then the commit (which ends the
                        // transaction even when a write before it failed).
                        open.set(false);
                        return Uni.combine()
                            .all()
                            .unis(a.lastWrite(), store, conn.query("COMMIT").execute())
                            .discardItems()
                            .replaceWith(RestResponse.status(code, a.result()));
                      });
          // Whatever failed, the connection goes back to the pool without a transaction.
          return answered
              .onFailure()
              .call(
                  () ->
                      !open.get()
                          ? Uni.createFrom().voidItem()
                          : conn.query("ROLLBACK")
                              .execute()
                              .onFailure()
                              .recoverWithNull()
                              .replaceWithVoid());
        });
  }

  /** {@link #runInTransaction}, with the action's last write sent together with the answer. */
  public <T> Uni<RestResponse<T>> runPipelined(
      Principal caller,
      String key,
      String scope,
      Object request,
      Class<T> type,
      int status,
      Function<SqlConnection, Uni<Answer<T>>> action) {
    RestResponse.Status code = RestResponse.Status.fromStatusCode(status);
    if (key == null || key.isBlank()) {
      return pool.withTransaction(
          tx ->
              action
                  .apply(tx)
                  .chain(a -> a.lastWrite().replaceWith(RestResponse.status(code, a.result()))));
    }
    String hash = requestHash(scope, request);
    String principal = caller.principal();
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(CLAIM)
                .execute(Tuple.of(principal, key, hash))
                .map(Idempotency::previous)
                .chain(
                    before ->
                        before.isEmpty()
                            ? action
                                .apply(tx)
                                .chain(
                                    a ->
                                        // Both subscribed at once: sent back to back, in order.
                                        Uni.combine()
                                            .all()
                                            .unis(
                                                a.lastWrite(),
                                                tx.preparedQuery(STORE)
                                                    .execute(
                                                        Tuple.of(
                                                            status,
                                                            write(a.result()),
                                                            principal,
                                                            key)))
                                            .discardItems()
                                            .replaceWith(RestResponse.status(code, a.result())))
                            : Uni.createFrom().item(replayed(hash, before.get(), type))));
  }

  /** What the claim found: empty if the key is new (and now claimed), else its stored answer. */
  private static Optional<String> previous(
      io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
    return Optional.ofNullable(rows.iterator().next().getString(0));
  }

  /**
   * Whether a write with this key can be made safe to retry here (else it gets the usual error).
   * The key's size was checked once, before any resource ({@link IdempotencyKeyCheck}).
   */
  public static boolean usable(String key) {
    return key != null && !key.isBlank();
  }

  /** The hash a key is stored with: a retry with the same key must send the same request. */
  public String requestHash(String scope, Object request) {
    return Secrets.sha256(scope + "\n" + write(request));
  }

  /** A claimed key's answer, to be stored in the transaction that claimed it. */
  public record Stored(String principal, String key, Object response) {}

  /** Stores many claimed keys' answers in one statement (writes made in one batch). */
  public Uni<Void> storeAll(SqlConnection tx, int status, List<Stored> answers) {
    if (answers.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    String[] principals = new String[answers.size()];
    String[] keys = new String[answers.size()];
    String[] responses = new String[answers.size()];
    for (int i = 0; i < answers.size(); i++) {
      principals[i] = answers.get(i).principal();
      keys[i] = answers.get(i).key();
      responses[i] = write(answers.get(i).response());
    }
    return tx.preparedQuery(STORE_ALL)
        .execute(Tuple.of(status, principals, keys, responses))
        .replaceWithVoid();
  }

  @WithTransaction
  public <T> Uni<RestResponse<T>> run(
      Principal caller,
      String key,
      String scope,
      Object request,
      Class<T> type,
      int status,
      Supplier<Uni<T>> action) {
    if (key == null || key.isBlank()) {
      return action
          .get()
          .map(result -> RestResponse.status(RestResponse.Status.fromStatusCode(status), result));
    }
    String hash = requestHash(scope, request);
    return Panache.getSession()
        .chain(session -> claim(session, caller.principal(), key, hash))
        .chain(
            before ->
                before.isEmpty()
                    ? action
                        .get()
                        .call(result -> store(caller.principal(), key, status, result))
                        .map(
                            result ->
                                RestResponse.status(
                                    RestResponse.Status.fromStatusCode(status), result))
                    : Uni.createFrom().item(replayed(hash, before.get(), type)));
  }

  private Uni<Optional<String>> claim(
      Mutiny.Session session, String principal, String key, String hash) {
    return session
        .createNativeQuery("select cast(claim_idempotency_key(:p, :k, :h) as text)")
        .setParameter("p", principal)
        .setParameter("k", key)
        .setParameter("h", hash)
        .getResultList()
        .map(rows -> Optional.ofNullable((String) rows.get(0)));
  }

  private Uni<Void> store(String principal, String key, int status, Object result) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "update idempotency_record set status = :s, response = :r"
                            + " where principal = :p and idem_key = :k")
                    .setParameter("s", status)
                    .setParameter("r", write(result))
                    .setParameter("p", principal)
                    .setParameter("k", key)
                    .executeUpdate())
        .replaceWithVoid();
  }

  /** The stored answer to a key used before, or the refusal if it was used for another request. */
  public <T> RestResponse<T> replayed(
      String hash, String storedHash, int status, String response, Class<T> type) {
    if (!hash.equals(storedHash)) {
      throw ApiException.unprocessable(
          "idempotency-key-reused",
          "This Idempotency-Key was already used for a different request");
    }
    return RestResponse.status(RestResponse.Status.fromStatusCode(status), read(response, type));
  }

  /**
   * The stored answer a batch function found for a key used before, as it reports it: {@code
   * {"requestHash", "status", "response"}} (V9 {@code sign_contracts}, V10 {@code
   * read_for_registrations}).
   */
  public <T> RestResponse<T> replayed(String hash, JsonNode stored, Class<T> type) {
    return replayed(
        hash,
        stored.path("requestHash").asText(),
        stored.path("status").asInt(),
        stored.path("response").asText(),
        type);
  }

  /** {@link #replayed(String, JsonNode, Class)} from the claim function's answer as text. */
  private <T> RestResponse<T> replayed(String hash, String before, Class<T> type) {
    try {
      return replayed(hash, json.readTree(before), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored answer is unreadable", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Not serialisable", e);
    }
  }

  private <T> T read(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored response is unreadable", e);
    }
  }
}
