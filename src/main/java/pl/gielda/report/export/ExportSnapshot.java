package pl.gielda.report.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import pl.gielda.report.tally.Tallies;
import pl.gielda.report.tally.TallyFold;

/**
 * One fair as of one moment, for an export: a JDBC connection in a read-only repeatable-read
 * transaction, the fair's details, the log's last number, the contract chain's head and the tallies
 * folded from the log up to that number. Every table read through it sees the same moment. Closing
 * it ends the transaction and returns the connection.
 */
public final class ExportSnapshot implements AutoCloseable {

  static final String NO_CHAIN = "0".repeat(64);

  public record FairInfo(
      long id, String name, String venue, Instant startsAt, Instant endsAt, String phase) {}

  final Connection conn;
  public final FairInfo fair;
  public final long seq;
  public final String chainHead;
  public final int registered;
  public final Map<String, String> categories;
  public final Tallies tallies;
  public final Instant takenAt;

  /**
   * Registered contracts the money checker flagged and the notary registered with a written
   * justification, and their items: a report must not call those items "without money".
   */
  public record MoneyNote(long contracts, long items) {}

  public final MoneyNote money;

  private ExportSnapshot(
      Connection conn,
      FairInfo fair,
      long seq,
      String chainHead,
      int registered,
      Map<String, String> categories,
      Tallies tallies,
      MoneyNote money) {
    this.conn = conn;
    this.fair = fair;
    this.seq = seq;
    this.chainHead = chainHead;
    this.registered = registered;
    this.categories = categories;
    this.tallies = tallies;
    this.money = money;
    this.takenAt = Instant.now();
  }

  /** Takes over {@code conn} (closing it if anything fails). */
  public static ExportSnapshot open(Connection conn, long fairId) throws SQLException {
    try {
      conn.setAutoCommit(false);
      conn.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      numberVisibleEvents(conn, fairId);
      FairInfo fair = fair(conn, fairId);
      long seq = single(conn, "select last_seq from fair_log_head where fair_id = ?", fairId, 0L);
      String head =
          single(
              conn, "select last_hash from fair_contract_head where fair_id = ?", fairId, NO_CHAIN);
      int registered =
          single(
                  conn,
                  "select count(*) from contract where fair_id = ? and status = 'REGISTERED'",
                  fairId,
                  0L)
              .intValue();
      Map<String, String> categories = new LinkedHashMap<>();
      try (PreparedStatement s =
          conn.prepareStatement(
              "select code, name_pl from category where fair_id = ? order by position")) {
        s.setLong(1, fairId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            categories.put(rs.getString(1), rs.getString(2));
          }
        }
      }
      long moneyContracts =
          single(
              conn,
              "select count(*) from contract where fair_id = ? and status = 'REGISTERED'"
                  + " and money_flagged",
              fairId,
              0L);
      long moneyItems =
          single(
              conn,
              "select count(*) from contract_item i join contract c on c.id = i.contract_id"
                  + " where c.fair_id = ? and c.status = 'REGISTERED' and c.money_flagged",
              fairId,
              0L);
      return new ExportSnapshot(
          conn,
          fair,
          seq,
          head,
          registered,
          categories,
          fold(conn, fairId, seq),
          new MoneyNote(moneyContracts, moneyItems));
    } catch (SQLException | RuntimeException e) {
      closeQuietly(conn);
      throw e;
    }
  }

  /**
   * Starts the snapshot by numbering the committed events it can see (see ConsistentRead.ofFair),
   * so the head it reads covers every change in it; starts again when the head moved meanwhile.
   */
  private static void numberVisibleEvents(Connection conn, long fairId) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (PreparedStatement s = conn.prepareStatement("select number_fair_events(?)")) {
        s.setLong(1, fairId);
        s.execute();
        return;
      } catch (SQLException e) {
        if (!"40001".equals(e.getSQLState()) || attempt == 8) {
          throw e;
        }
        conn.rollback();
      }
    }
  }

  /** A category's Polish name (its code if the fair has no such category). */
  public String category(String code) {
    return categories.getOrDefault(code, code);
  }

  /** Runs a query with a server-side cursor, {@code fetch} rows at a time. */
  public void query(String sql, RowHandler each, Object... params) throws SQLException {
    try (PreparedStatement s = conn.prepareStatement(sql)) {
      s.setFetchSize(500);
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          each.row(rs);
        }
      }
    }
  }

  @FunctionalInterface
  public interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Tallies fold(Connection conn, long fairId, long seq) throws SQLException {
    TallyFold fold = new TallyFold();
    try (PreparedStatement s =
        conn.prepareStatement(
            "select seq, type, payload::text from fair_event"
                + " where fair_id = ? and seq <= ? order by seq")) {
      s.setFetchSize(1000);
      s.setLong(1, fairId);
      s.setLong(2, seq);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          fold.apply(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
      }
    }
    return fold.tallies();
  }

  private static FairInfo fair(Connection conn, long fairId) throws SQLException {
    try (PreparedStatement s =
        conn.prepareStatement(
            "select id, name, venue, starts_at, ends_at, phase from fair where id = ?")) {
      s.setLong(1, fairId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("Fair " + fairId + " vanished");
        }
        return new FairInfo(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("venue"),
            instant(rs, "starts_at"),
            instant(rs, "ends_at"),
            rs.getString("phase"));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T single(Connection conn, String sql, long fairId, T fallback)
      throws SQLException {
    try (PreparedStatement s = conn.prepareStatement(sql)) {
      s.setLong(1, fairId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return fallback;
        }
        Object v = rs.getObject(1);
        if (fallback instanceof Long && v instanceof Number n) {
          return (T) Long.valueOf(n.longValue());
        }
        return v == null ? fallback : (T) v;
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(conn);
  }

  private static void closeQuietly(Connection conn) {
    try {
      if (!conn.getAutoCommit()) {
        conn.rollback();
      }
      // Isolation and read-only are session settings: the pooled connection must not keep them.
      conn.setAutoCommit(true);
      conn.setReadOnly(false);
      conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    } catch (SQLException ignored) {
      // The connection is returned to the pool below either way.
    }
    try {
      conn.close();
    } catch (SQLException ignored) {
      // Nothing more to release.
    }
  }
}
