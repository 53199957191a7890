package pl.gielda.report;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import pl.gielda.common.db.ConsistentRead;
import pl.gielda.common.error.ApiException;
import pl.gielda.report.tally.Tallies;
import pl.gielda.report.tally.TallyFold;
import pl.gielda.report.tally.TallySql;

/**
 * Reads a fair's figures from one repeatable-read snapshot: the log's last number, the contract
 * chain's head, the tallies from the tables and, when asked, the tallies from folding the log up to
 * that number. Every change commits together with its event, so all of these describe the same
 * moment.
 */
@ApplicationScoped
public class FairSnapshot {

  static final String NO_CHAIN = "0".repeat(64);
  private static final int EVENT_PAGE = 2000;

  /** {@code fromLog} is null unless the fold was asked for. */
  public record Figures(
      long fairId,
      long seq,
      String chainHead,
      int registered,
      Tallies fromTables,
      Tallies fromLog) {}

  private final Pool pool;

  FairSnapshot(Pool pool) {
    this.pool = pool;
  }

  public Uni<Figures> read(long fairId, boolean fold) {
    return ConsistentRead.ofFair(pool, fairId, conn -> figures(conn, fairId, fold));
  }

  private static Uni<Figures> figures(SqlConnection conn, long fairId, boolean fold) {
    return head(conn, fairId)
        .chain(
            seq ->
                chain(conn, fairId)
                    .chain(
                        chain ->
                            TallySql.compute(conn, fairId, seq)
                                .chain(
                                    tables ->
                                        folded(conn, fairId, seq, fold)
                                            .map(
                                                log ->
                                                    new Figures(
                                                        fairId,
                                                        seq,
                                                        chain.hash(),
                                                        chain.number(),
                                                        tables,
                                                        log)))));
  }

  private static Uni<Tallies> folded(SqlConnection conn, long fairId, long seq, boolean fold) {
    return fold ? fold(conn, fairId, seq, new TallyFold()) : Uni.createFrom().nullItem();
  }

  private static Uni<Long> head(SqlConnection conn, long fairId) {
    return conn.preparedQuery("select last_seq from fair_log_head where fair_id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Iterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                throw ApiException.notFound("Fair " + fairId);
              }
              return it.next().getLong("last_seq");
            });
  }

  private record ChainHead(int number, String hash) {}

  private static Uni<ChainHead> chain(SqlConnection conn, long fairId) {
    return conn.preparedQuery(
            "select last_number, last_hash from fair_contract_head where fair_id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Iterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return new ChainHead(0, NO_CHAIN);
              }
              Row r = it.next();
              return new ChainHead(r.getInteger("last_number"), r.getString("last_hash"));
            });
  }

  /** Folds the log page by page (keyset on seq), so a long log never sits in memory at once. */
  private static Uni<Tallies> fold(SqlConnection conn, long fairId, long upTo, TallyFold fold) {
    return conn.preparedQuery(
            "select seq, type, payload::text as payload from fair_event"
                + " where fair_id = $1 and seq > $2 and seq <= $3 order by seq limit "
                + EVENT_PAGE)
        .execute(Tuple.of(fairId, fold.seq(), upTo))
        .chain(
            rows -> {
              for (Row r : rows) {
                fold.apply(r.getLong("seq"), r.getString("type"), r.getString("payload"));
              }
              return rows.size() < EVENT_PAGE || fold.seq() >= upTo
                  ? Uni.createFrom().item(fold.tallies())
                  : fold(conn, fairId, upTo, fold);
            });
  }
}
