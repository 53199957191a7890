package pl.gielda;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import pl.gielda.common.launch.DatabaseLauncher;
import pl.gielda.common.launch.SigningKeys;

/**
 * Prepares what the application needs before Quarkus reads its configuration: a database (the
 * external one named by {@code DB_URL}, or an embedded PostgreSQL kept in the data folder) and the
 * JWT signing keys (configured, or generated once into the data folder).
 */
@QuarkusMain
public class GieldaMain {

  public static void main(String... args) {
    Path dataDir = Path.of(setting("GIELDA_DATA_DIR", "gielda.data-dir", "data")).toAbsolutePath();
    System.setProperty("gielda.data-dir", dataDir.toString());
    DatabaseLauncher.prepare(dataDir);
    SigningKeys.prepare(dataDir);
    Quarkus.run(args);
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
