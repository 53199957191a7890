package pl.gielda.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.function.Function;

/**
 * Several queries that must see one moment of the database (a board snapshot and the log number it
 * is valid at). The pool's transaction commits on success and rolls back on failure, so a failed
 * read never returns a connection with an open transaction to the pool.
 */
public final class ConsistentRead {

  /** Serialization failures in a row before giving up (each retry waits a little longer). */
  private static final int ATTEMPTS = 8;

  private ConsistentRead() {}

  /**
   * Reads that must match the fair's log head exactly: their state is the state after the head
   * event, no more. Events are numbered after their commit (V6), so a snapshot can see a committed
   * change whose event has no number yet; {@code number_fair_events} numbers exactly those first,
   * in the snapshot, so the head read afterwards covers everything the snapshot sees. When another
   * transaction moved the head after the snapshot began, PostgreSQL refuses with a serialization
   * failure and the read starts again.
   */
  public static <T> Uni<T> ofFair(Pool pool, long fairId, Function<SqlConnection, Uni<T>> reads) {
    return pool.withTransaction(
            conn ->
                conn.query("set transaction isolation level repeatable read")
                    .execute()
                    .chain(
                        () ->
                            conn.preparedQuery("select number_fair_events($1)")
                                .execute(Tuple.of(fairId)))
                    .chain(() -> reads.apply(conn)))
        .onFailure(ConsistentRead::serializationFailure)
        .retry()
        .withBackOff(Duration.ofMillis(2), Duration.ofMillis(50))
        .atMost(ATTEMPTS);
  }

  /** PostgreSQL's "could not serialize access" (SQLSTATE 40001). */
  public static boolean serializationFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof PgException pg && "40001".equals(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }
}
