package pl.gielda.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import pl.gielda.common.error.ApiException;

/**
 * Decides whether a caller may act in a fair. Organiser accounts act in the fairs they own; people
 * and screens only in the fair of their token, with one of the allowed roles, and only while their
 * badge (or screen link) is still valid — a revoked badge stops working at once.
 */
@ApplicationScoped
public class AccessGuard {

  /**
   * A small pool of its own. The checks run inside Hibernate transactions, which already hold a
   * connection of the main pool: taking a second one from the same pool deadlocks once as many
   * requests as the pool has connections wait for their check (measured: with a pool of 10 and 16
   * concurrent writers every request timed out). These queries are single reads that wait on
   * nothing, so a separate pool always makes progress.
   */
  private final Pool pool;

  private final BadgeCache badges;

  AccessGuard(
      BadgeCache badges,
      io.vertx.mutiny.core.Vertx vertx,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.badges = badges;
    PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
    user.ifPresent(options::setUser);
    password.ifPresent(options::setPassword);
    options.setCachePreparedStatements(true);
    // Its own name in the pool metrics (else its gauges clash with the main pool's: "This Gauge
    // has been already registered (postgresql.queue.size)" at every start).
    options.setMetricsName("postgresql|access-guard");
    this.pool =
        PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4).setName("access-guard"));
  }

  @PreDestroy
  void close() {
    pool.closeAndAwait();
  }

  public Uni<Caller> inFair(Caller caller, long fairId, Role... allowed) {
    return inFair(pool, caller, fairId, allowed);
  }

  /**
   * The same check for a read that every phone repeats after every event: a person's badge
   * confirmed once is trusted until the fair's log says a badge changed ({@link BadgeCache}).
   */
  public Uni<Caller> inFairForRepeatedReads(Caller caller, long fairId, Role... allowed) {
    if (!cacheable(caller, fairId, allowed)) {
      return inFair(caller, fairId, allowed);
    }
    if (badges.valid(fairId, caller.id(), caller.badgeVersion())) {
      return Uni.createFrom().item(caller);
    }
    long generation = badges.generation(fairId);
    return inFair(caller, fairId, allowed)
        .invoke(c -> badges.remember(fairId, c.id(), c.badgeVersion(), generation));
  }

  /**
   * Opening a fair's board: the same check as {@link #inFair}, then the entity the caller
   * represents (null for organisers and screens). A phone reconnects many times a day — after every
   * lost signal, all at once after a Wi-Fi outage — so, as for {@link #inFairForRepeatedReads}, a
   * person's confirmed badge and entity are trusted while this instance follows the fair's log.
   */
  public Uni<Long> boardEntry(Caller caller, long fairId, Role... allowed) {
    if (!cacheable(caller, fairId, allowed)) {
      return inFair(caller, fairId, allowed).chain(() -> entityOf(caller));
    }
    BadgeCache.Badge known = badges.withEntity(fairId, caller.id(), caller.badgeVersion());
    if (known != null) {
      return Uni.createFrom().item(known.entityId());
    }
    long generation = badges.generation(fairId);
    return inFair(caller, fairId, allowed)
        .chain(() -> entityOf(caller))
        .invoke(
            entity ->
                badges.remember(fairId, caller.id(), caller.badgeVersion(), entity, generation));
  }

  /** A person of this fair with an allowed role: the only callers whose check may be cached. */
  private static boolean cacheable(Caller caller, long fairId, Role[] allowed) {
    return caller.kind() == Caller.Kind.PERSON
        && caller.fairId() != null
        && caller.fairId() == fairId
        && Arrays.stream(allowed).anyMatch(caller::has);
  }

  /** The same check on a given connection, e.g. inside a write's own transaction. */
  public Uni<Caller> inFair(SqlClient db, Caller caller, long fairId, Role... allowed) {
    return switch (caller.kind()) {
      case ORGANISER -> ownerOf(db, caller, fairId, allowed);
      case PERSON -> personIn(db, caller, fairId, allowed);
      case SCREEN -> screenIn(db, caller, fairId, allowed);
    };
  }

  private Uni<Caller> ownerOf(SqlClient db, Caller caller, long fairId, Role[] allowed) {
    if (!contains(allowed, Role.ORGANISER)) {
      return Uni.createFrom().failure(ApiException.forbidden("Organisers cannot do this"));
    }
    return db.preparedQuery("select owner_id from fair where id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Row row = first(rows);
              if (row == null) {
                throw ApiException.notFound("Fair " + fairId);
              }
              if (row.getLong("owner_id") != caller.id()) {
                throw ApiException.forbidden("This fair belongs to another organiser");
              }
              return caller;
            });
  }

  /**
   * The part of a person's check that needs no database: the token's fair and roles. The badge's
   * version must then be checked against the database in the write's transaction (as {@code
   * sign_contracts} does for a batch of signatures).
   */
  public static void personMayAct(Caller caller, long fairId, Role... allowed) {
    if (caller.kind() != Caller.Kind.PERSON) {
      throw new IllegalArgumentException("Not a person: " + caller.kind());
    }
    if (caller.fairId() == null || caller.fairId() != fairId) {
      throw ApiException.forbidden("Your badge is for another fair");
    }
    if (Arrays.stream(allowed).noneMatch(caller::has)) {
      throw ApiException.forbidden("Your role does not allow this");
    }
  }

  /** The refusal for a badge that is no longer the person's current one. */
  public static ApiException badgeRevoked() {
    return ApiException.unauthorized("This badge was revoked");
  }

  private Uni<Caller> personIn(SqlClient db, Caller caller, long fairId, Role[] allowed) {
    try {
      personMayAct(caller, fairId, allowed);
    } catch (ApiException e) {
      return Uni.createFrom().failure(e);
    }
    return db.preparedQuery("select badge_version from person where id = $1 and fair_id = $2")
        .execute(Tuple.of(caller.id(), fairId))
        .map(
            rows -> {
              Row row = first(rows);
              if (row == null || row.getInteger("badge_version") != caller.badgeVersion()) {
                throw badgeRevoked();
              }
              return caller;
            });
  }

  private Uni<Caller> screenIn(SqlClient db, Caller caller, long fairId, Role[] allowed) {
    if (caller.fairId() == null || caller.fairId() != fairId || !contains(allowed, Role.SCREEN)) {
      return Uni.createFrom().failure(ApiException.forbidden("A screen link is read-only"));
    }
    return db.preparedQuery("select revoked from screen_link where id = $1 and fair_id = $2")
        .execute(Tuple.of(caller.id(), fairId))
        .map(
            rows -> {
              Row row = first(rows);
              if (row == null || row.getBoolean("revoked")) {
                throw ApiException.unauthorized("This screen link was revoked");
              }
              return caller;
            });
  }

  /** The entity a person represents; null for organisers and screens. */
  public Uni<Long> entityOf(Caller caller) {
    if (caller.kind() != Caller.Kind.PERSON) {
      return Uni.createFrom().nullItem();
    }
    return pool.preparedQuery("select entity_id from person where id = $1")
        .execute(Tuple.of(caller.id()))
        .map(
            rows -> {
              Row row = first(rows);
              if (row == null) {
                throw ApiException.unauthorized("Unknown person");
              }
              return row.getLong("entity_id");
            });
  }

  private static boolean contains(Role[] roles, Role role) {
    return Arrays.asList(roles).contains(role);
  }

  private static Row first(RowSet<Row> rows) {
    Iterator<Row> it = rows.iterator();
    return it.hasNext() ? it.next() : null;
  }
}
