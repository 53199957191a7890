package pl.gielda.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import pl.gielda.common.launch.DatabaseLauncher;

/**
 * A real PostgreSQL for the tests: the embedded one, started fresh in {@code target/}, or the
 * server named by {@code TEST_DB_URL} (e.g. {@code postgresql://127.0.0.1:5432/test}).
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedPostgres embedded;
  private static String url;

  @Override
  public Map<String, String> start() {
    String external = System.getenv("TEST_DB_URL");
    String user = System.getenv().getOrDefault("TEST_DB_USER", "postgres");
    if (external != null && !external.isBlank()) {
      url = external;
    } else {
      Path dir = Path.of("target", "test-pg");
      deleteRecursively(dir);
      embedded = DatabaseLauncher.startEmbedded(dir);
      url = "postgresql://127.0.0.1:" + embedded.getPort() + "/" + DatabaseLauncher.DATABASE;
    }
    String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
    return Map.of(
        "quarkus.datasource.reactive.url",
        plain,
        "quarkus.datasource.jdbc.url",
        "jdbc:" + plain,
        "quarkus.datasource.username",
        user,
        "quarkus.datasource.password",
        "",
        "quarkus.flyway.clean-at-start",
        external != null ? "true" : "false",
        "quarkus.flyway.clean-disabled",
        "false");
  }

  /** The database URL the app under test uses (for a second instance). */
  public static String url() {
    return url;
  }

  /** A JDBC connection to the app's database, for tests that look at the tables themselves. */
  public static java.sql.Connection connect() throws java.sql.SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", System.getenv().getOrDefault("TEST_DB_USER", "postgres"));
    props.setProperty("password", "");
    return java.sql.DriverManager.getConnection("jdbc:" + url, props);
  }

  @Override
  public void stop() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
