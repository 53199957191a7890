package pl.gielda.report.tally;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.math.BigDecimal;
import pl.gielda.participant.Sector;

/**
 * A fair's tallies from its current tables. Run it inside a repeatable-read transaction together
 * with the read of the log's head, so the figures are exactly those at that log number (every
 * change commits with its event, under the log head's lock).
 */
public final class TallySql {

  private static final String REGISTERED =
      "(select id from contract where fair_id = $1 and status = 'REGISTERED')";

  static final String PEOPLE =
      "select count(*) as people, count(checked_in_at) as present from person where fair_id = $1";

  static final String ENTITIES =
      "select sector, count(*) as n from entity where fair_id = $1 group by sector";

  static final String POSTS =
      "select kind, category, count(*) as n from post"
          + " where fair_id = $1 and status = 'ACTIVE' and not hidden group by kind, category";

  static final String CONTRACTS =
      "select count(*) as n from contract where fair_id = $1 and status = 'REGISTERED'";

  static final String CATEGORIES =
      "select category, count(*) as items, count(distinct contract_id) as contracts,"
          + " coalesce(sum(value_pln), 0) as value_pln, coalesce(sum(hours), 0) as hours"
          + " from contract_item where contract_id in "
          + REGISTERED
          + " group by category";

  static final String PAIRS =
      "select pf.sector as from_sector, pt.sector as to_sector, count(*) as items,"
          + " coalesce(sum(i.value_pln), 0) as value_pln, coalesce(sum(i.hours), 0) as hours"
          + " from contract_item i"
          + " join contract_party pf on pf.contract_id = i.contract_id"
          + " and pf.entity_id = i.from_entity_id"
          + " join contract_party pt on pt.contract_id = i.contract_id"
          + " and pt.entity_id = i.to_entity_id"
          + " where i.contract_id in "
          + REGISTERED
          + " group by pf.sector, pt.sector";

  static final String CONTRACT_TIMES =
      "select (floor(extract(epoch from registered_at) / 600) * 600)::bigint as bucket,"
          + " count(*) as n from contract where fair_id = $1 and status = 'REGISTERED'"
          + " group by 1";

  static final String CHECK_IN_TIMES =
      "select (floor(extract(epoch from checked_in_at) / 600) * 600)::bigint as bucket,"
          + " count(*) as n from person where fair_id = $1 and checked_in_at is not null"
          + " group by 1";

  /** Each registered contract's latest follow-up status, with its items' totals. */
  static final String FOLLOW_UP =
      "select f.status, count(*) as contracts, coalesce(sum(v.items), 0) as items,"
          + " coalesce(sum(v.value_pln), 0) as value_pln, coalesce(sum(v.hours), 0) as hours"
          + " from (select distinct on (contract_id) contract_id, status from contract_follow_up"
          + " where fair_id = $1 order by contract_id, version desc) f"
          + " join lateral (select count(*) as items, sum(value_pln) as value_pln,"
          + " sum(hours) as hours from contract_item where contract_id = f.contract_id) v on true"
          + " where f.contract_id in "
          + REGISTERED
          + " group by f.status";

  private TallySql() {}

  /** Computes the tallies on {@code conn} (the caller's snapshot), labelled with {@code seq}. */
  public static Uni<Tallies> compute(SqlConnection conn, long fairId, long seq) {
    TallyCounts t = new TallyCounts();
    return run(
            conn,
            PEOPLE,
            fairId,
            r -> {
              t.people = r.getLong("people");
              t.present = r.getLong("present");
            })
        .chain(() -> run(conn, ENTITIES, fairId, r -> t.entities(sector(r, "sector"), n(r))))
        .chain(
            () ->
                run(
                    conn,
                    POSTS,
                    fairId,
                    r -> t.posts(r.getString("kind"), r.getString("category"), n(r))))
        .chain(() -> run(conn, CONTRACTS, fairId, r -> t.contracts = n(r)))
        .chain(
            () ->
                run(
                    conn,
                    CATEGORIES,
                    fairId,
                    r ->
                        t.category(
                            r.getString("category"),
                            r.getLong("items"),
                            r.getLong("contracts"),
                            decimal(r, "value_pln"),
                            decimal(r, "hours"))))
        .chain(
            () ->
                run(
                    conn,
                    PAIRS,
                    fairId,
                    r ->
                        t.pair(
                            sector(r, "from_sector"),
                            sector(r, "to_sector"),
                            r.getLong("items"),
                            decimal(r, "value_pln"),
                            decimal(r, "hours"))))
        .chain(
            () -> run(conn, CONTRACT_TIMES, fairId, r -> t.contractsAt(r.getLong("bucket"), n(r))))
        .chain(
            () -> run(conn, CHECK_IN_TIMES, fairId, r -> t.checkInsAt(r.getLong("bucket"), n(r))))
        .chain(
            () ->
                run(
                    conn,
                    FOLLOW_UP,
                    fairId,
                    r -> {
                      String status = r.getString("status");
                      long contracts = r.getLong("contracts");
                      t.followUp(status, contracts);
                      if (status.equals("DELIVERED")) {
                        t.delivered(
                            contracts,
                            r.getLong("items"),
                            decimal(r, "value_pln"),
                            decimal(r, "hours"));
                      }
                    }))
        .map(x -> t.build(seq));
  }

  private static Uni<Void> run(
      SqlConnection conn, String sql, long fairId, java.util.function.Consumer<Row> each) {
    return conn.preparedQuery(sql)
        .execute(Tuple.of(fairId))
        .invoke((RowSet<Row> rows) -> rows.forEach(each))
        .replaceWithVoid();
  }

  private static long n(Row r) {
    return r.getLong("n");
  }

  private static Sector sector(Row r, String column) {
    return Sector.valueOf(r.getString(column));
  }

  private static BigDecimal decimal(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
  }
}
