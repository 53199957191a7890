package pl.gielda;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import pl.gielda.common.launch.DatabaseLauncher;
import pl.gielda.common.launch.SigningKeys;
import pl.gielda.common.launch.StopSignals;

/**
 * Prepares what the application needs before Quarkus reads its configuration: a database (the
 * external one named by {@code DB_URL}, or an embedded PostgreSQL kept in the data folder) and the
 * JWT signing keys (configured, or generated once into the data folder).
 *
 * <p>It also stops things in order: SIGTERM or Ctrl-C stops the application first (its connection
 * pools, board sockets and schedulers), then the embedded PostgreSQL, and the process ends with 0.
 * JVM shutdown hooks would run both at once, and the app would see its database vanish (57P01) and
 * its executors refuse work.
 */
@QuarkusMain
public class GieldaMain {

  public static void main(String... args) {
    Path dataDir = Path.of(setting("GIELDA_DATA_DIR", "gielda.data-dir", "data")).toAbsolutePath();
    System.setProperty("gielda.data-dir", dataDir.toString());
    AutoCloseable database = DatabaseLauncher.prepare(dataDir);
    SigningKeys.prepare(dataDir);
    StopSignals.install(() -> Quarkus.asyncExit(0));
    AtomicInteger exitCode = new AtomicInteger();
    Quarkus.run(null, (code, failure) -> exitCode.set(code), args);
    try {
      database.close();
    } catch (Exception e) {
      System.err.println("Could not stop the embedded PostgreSQL: " + e);
    }
    System.exit(exitCode.get());
  }

  static String setting(String env, String property, String fallback) {
    String fromProperty = System.getProperty(property);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return fromProperty;
    }
    String fromEnv = System.getenv(env);
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : fallback;
  }
}
