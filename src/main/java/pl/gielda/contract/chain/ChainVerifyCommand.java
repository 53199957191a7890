package pl.gielda.contract.chain;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import pl.gielda.contract.chain.ChainVerifier.Verification;

/**
 * Verifies the contract chains straight from the database, without the app:
 *
 * <pre>
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" \
 *   pl.gielda.contract.chain.ChainVerifyCommand jdbc:postgresql://127.0.0.1:5432/gielda [fairId]
 * </pre>
 *
 * (or {@code ./mvnw -q -o -DskipWebClient=true -Pverify-chain compile -Ddb=... [-Dfair=...]}). The
 * user and password come from {@code DB_USER}/{@code DB_PASSWORD} (default postgres, empty). Prints
 * one JSON line per fair; exits 0 when every chain is intact, 1 when one is broken, 2 on errors.
 */
public final class ChainVerifyCommand {

  private ChainVerifyCommand() {}

  public static void main(String... args) {
    if (args.length < 1 || args[0].isBlank()) {
      System.err.println("usage: ChainVerifyCommand <jdbc:postgresql://host:port/db> [fairId]");
      System.exit(2);
    }
    String url = args[0].startsWith("jdbc:") ? args[0] : "jdbc:" + args[0];
    Properties props = new Properties();
    props.setProperty("user", env("DB_USER", "postgres"));
    props.setProperty("password", env("DB_PASSWORD", ""));
    props.setProperty("readOnly", "true");
    try (Connection db = DriverManager.getConnection(url, props)) {
      List<Long> fairs = new ArrayList<>();
      if (args.length > 1 && !args[1].isBlank()) {
        fairs.add(Long.parseLong(args[1].trim()));
      } else {
        try (PreparedStatement s = db.prepareStatement("select id from fair order by id");
            ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            fairs.add(rs.getLong(1));
          }
        }
      }
      boolean allValid = true;
      for (long fair : fairs) {
        Verification v = verify(db, fair);
        allValid &= v.valid();
        System.out.println(json(fair, v));
      }
      System.exit(allValid ? 0 : 1);
    } catch (SQLException | RuntimeException e) {
      System.err.println("Could not verify: " + e.getMessage());
      System.exit(2);
    }
  }

  /** Reads one fair's chain in a single repeatable-read snapshot and verifies it. */
  public static Verification verify(Connection db, long fairId) throws SQLException {
    boolean auto = db.getAutoCommit();
    db.setAutoCommit(false);
    db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    try {
      var entries =
          ChainRows.entries(
              rows(db, ChainRows.CONTRACTS, fairId),
              rows(db, ChainRows.PARTIES, fairId),
              rows(db, ChainRows.ITEMS, fairId),
              rows(db, ChainRows.SIGNATURES, fairId));
      var head = ChainRows.head(rows(db, ChainRows.HEAD, fairId));
      return ChainVerifier.verify(entries, head);
    } finally {
      db.rollback();
      db.setAutoCommit(auto);
    }
  }

  private static List<ChainRows.Row> rows(Connection db, String sql, long fairId)
      throws SQLException {
    List<ChainRows.Row> rows = new ArrayList<>();
    try (PreparedStatement s = db.prepareStatement(sql.replace("$1", "?"))) {
      s.setLong(1, fairId);
      try (ResultSet rs = s.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, String> row = new HashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getString(i));
          }
          rows.add(row::get);
        }
      }
    }
    return rows;
  }

  static String json(long fairId, Verification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fairId", fairId);
    m.put("valid", v.valid());
    m.put("count", v.count());
    m.put("headHash", v.headHash());
    m.put("firstBrokenNumber", v.firstBrokenNumber());
    m.put("reason", v.reason());
    return Canonical.json(m);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
