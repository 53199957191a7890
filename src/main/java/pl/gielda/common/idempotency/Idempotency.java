package pl.gielda.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

  private static final String CLAIM =
      "insert into idempotency_record (principal, idem_key, request_hash, created_at)"
          + " values ($1, $2, $3, now()) on conflict do nothing";
  private static final String STORE =
      "update idempotency_record set status = $1, response = $2"
          + " where principal = $3 and idem_key = $4";
  private static final String STORE_ALL =
      "update idempotency_record r set status = $1, response = u.response"
          + " from unnest($2::text[], $3::text[], $4::text[]) as u(principal, idem_key, response)"
          + " where r.principal = u.principal and r.idem_key = u.idem_key";
  private static final String REPLAY =
      "select request_hash, status, response from idempotency_record"
          + " where principal = $1 and idem_key = $2";

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
    if (key != null && !key.isBlank() && key.length() > 100) {
      return Uni.createFrom()
          .failure(ApiException.invalid(HEADER, "must be at most 100 characters"));
    }
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
          Uni<Integer> claimed =
              keyed
                  ? conn.preparedQuery(CLAIM)
                      .execute(Tuple.of(principal, key, hash))
                      .map(rows -> rows.rowCount())
                  : Uni.createFrom().item(1);
          Uni<Done<R>> done =
              first.apply(conn).onItemOrFailure().transform((r, f) -> new Done<>(r, f));
          Uni<RestResponse<T>> answered =
              Uni.combine()
                  .all()
                  .unis(begin, claimed, done)
                  .asTuple()
                  .chain(
                      t -> {
                        if (t.getItem2() == 0) {
                          // Used before: drop this attempt and answer what was stored.
                          open.set(false);
                          return conn.query("ROLLBACK")
                              .execute()
                              .chain(() -> stored(conn, principal, key, hash, type));
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
    if (key.length() > 100) {
      return Uni.createFrom()
          .failure(ApiException.invalid(HEADER, "must be at most 100 characters"));
    }
    String hash = requestHash(scope, request);
    String principal = caller.principal();
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(CLAIM)
                .execute(Tuple.of(principal, key, hash))
                .chain(
                    claim ->
                        claim.rowCount() == 1
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
                            : stored(tx, principal, key, hash, type)));
  }

  /** The answer stored for a key that was claimed before (its claim is committed). */
  private <T> Uni<RestResponse<T>> stored(
      SqlConnection conn, String principal, String key, String hash, Class<T> type) {
    return conn.preparedQuery(REPLAY)
        .execute(Tuple.of(principal, key))
        .map(
            rows -> {
              var row = rows.iterator().next();
              return replayed(hash, row.getString(0), row.getInteger(1), row.getString(2), type);
            });
  }

  /**
   * Whether a write with this key can be made safe to retry here (else it gets the usual error).
   */
  public static boolean usable(String key) {
    return key != null && !key.isBlank() && key.length() <= 100;
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
    if (key.length() > 100) {
      return Uni.createFrom()
          .failure(ApiException.invalid(HEADER, "must be at most 100 characters"));
    }
    String hash = requestHash(scope, request);
    return Panache.getSession()
        .chain(session -> claim(session, caller.principal(), key, hash))
        .chain(
            claimed ->
                claimed
                    ? action
                        .get()
                        .call(result -> store(caller.principal(), key, status, result))
                        .map(
                            result ->
                                RestResponse.status(
                                    RestResponse.Status.fromStatusCode(status), result))
                    : replay(caller.principal(), key, hash, type));
  }

  private Uni<Boolean> claim(Mutiny.Session session, String principal, String key, String hash) {
    return session
        .createNativeQuery(
            "insert into idempotency_record (principal, idem_key, request_hash, created_at)"
                + " values (:p, :k, :h, now()) on conflict do nothing")
        .setParameter("p", principal)
        .setParameter("k", key)
        .setParameter("h", hash)
        .executeUpdate()
        .map(count -> count == 1);
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

  private <T> Uni<RestResponse<T>> replay(
      String principal, String key, String hash, Class<T> type) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(
                        "select request_hash, status, response from idempotency_record"
                            + " where principal = :p and idem_key = :k",
                        Object[].class)
                    .setParameter("p", principal)
                    .setParameter("k", key)
                    .getSingleResult())
        .map(
            row ->
                replayed(
                    hash, (String) row[0], ((Number) row[1]).intValue(), (String) row[2], type));
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
  public <T> RestResponse<T> replayed(
      String hash, com.fasterxml.jackson.databind.JsonNode stored, Class<T> type) {
    return replayed(
        hash,
        stored.path("requestHash").asText(),
        stored.path("status").asInt(),
        stored.path("response").asText(),
        type);
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
