package pl.gielda.common.db;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * Several queries that must see one moment of the database (a board snapshot and the log number it
 * is valid at). The pool's transaction commits on success and rolls back on failure, so a failed
 * read never returns a connection with an open transaction to the pool.
 */
public final class ConsistentRead {

  private ConsistentRead() {}

  public static <T> Uni<T> of(Pool pool, Function<SqlConnection, Uni<T>> reads) {
    return pool.withTransaction(
        conn ->
            conn.query("set transaction isolation level repeatable read, read only")
                .execute()
                .chain(() -> reads.apply(conn)));
  }
}
