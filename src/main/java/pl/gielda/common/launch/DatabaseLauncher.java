package pl.gielda.common.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Chooses the database before Quarkus starts. With {@code DB_URL} set (e.g. {@code
 * postgresql://db:5432/gielda}) the app uses that server; otherwise it starts an embedded
 * PostgreSQL whose data lives in {@code <data>/pg} and survives restarts.
 */
public final class DatabaseLauncher {

  private static final Logger LOG = Logger.getLogger(DatabaseLauncher.class);
  public static final String DATABASE = "gielda";

  private DatabaseLauncher() {}

  /**
   * Configures the database and returns what stops it: the embedded server, to be closed after the
   * application has stopped (a JVM shutdown hook closes it too, on any other way out).
   */
  public static AutoCloseable prepare(Path dataDir) {
    if (System.getProperty("quarkus.datasource.reactive.url") != null) {
      return () -> {};
    }
    String external = System.getenv("DB_URL");
    if (external != null && !external.isBlank()) {
      configure(
          external,
          env("DB_USER").orElse(System.getProperty("user.name")),
          env("DB_PASSWORD").orElse(""));
      return () -> {};
    }
    EmbeddedPostgres pg = startEmbedded(dataDir.resolve("pg"), 0, false);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg), "embedded-pg-stop"));
    configure("postgresql://127.0.0.1:" + pg.getPort() + "/" + DATABASE, "postgres", "");
    return pg;
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      LOG.warnf("Could not stop the embedded PostgreSQL: %s", e.getMessage());
    }
  }

  /**
   * Starts (or restarts) an embedded PostgreSQL on a data folder and makes sure the app's database
   * exists.
   */
  public static EmbeddedPostgres startEmbedded(Path pgDir) {
    return startEmbedded(pgDir, 0);
  }

  /**
   * As {@link #startEmbedded(Path)}, on a given port (0: any free one); a server restarted on the
   * same folder and port is the same database to its clients.
   */
  public static EmbeddedPostgres startEmbedded(Path pgDir, int port) {
    return startEmbedded(pgDir, port, true);
  }

  private static EmbeddedPostgres startEmbedded(Path pgDir, int port, boolean closeAtExit) {
    try {
      Files.createDirectories(pgDir);
      clearStaleServer(pgDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder().setRegisterShutdownHook(closeAtExit);
      if (port > 0) {
        builder.setPort(port);
      }
      EmbeddedPostgres pg =
          builder
              .setDataDirectory(pgDir)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              // The embedded server is what a fair runs on, not only a demo: a signed contract
              // must survive a power cut of the laptop, so commits wait for the disk (the
              // library starts PostgreSQL with fsync and synchronous_commit off).
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setOutputRedirector(
                  ProcessBuilder.Redirect.appendTo(pgDir.resolveSibling("postgresql.log").toFile()))
              .setErrorRedirector(
                  ProcessBuilder.Redirect.appendTo(pgDir.resolveSibling("postgresql.log").toFile()))
              .start();
      ensureDatabase(pg, DATABASE);
      LOG.infof("Embedded PostgreSQL listens on 127.0.0.1:%d, data in %s", pg.getPort(), pgDir);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgDir, e);
    }
  }

  /**
   * After a crash ({@code kill -9}) the old postmaster may still run or its {@code postmaster.pid}
   * may be left behind; either blocks the next start. Stop the old server, then drop the file.
   */
  static void clearStaleServer(Path pgDir) throws IOException {
    Path pidFile = pgDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    long pid = lines.isEmpty() ? -1 : parsePid(lines.get(0));
    Optional<ProcessHandle> old = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (old.isPresent() && old.get().isAlive() && isPostgres(old.get())) {
      LOG.warnf("Stopping a postmaster (pid %d) left running by an earlier crash", pid);
      old.get().destroy();
      try {
        old.get().onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        old.get().destroyForcibly();
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(true);
  }

  private static long parsePid(String line) {
    try {
      return Long.parseLong(line.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void ensureDatabase(EmbeddedPostgres pg, String name) throws IOException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
        if (rs.next()) {
          return;
        }
      }
      s.execute("create database " + name + " encoding 'UTF8'");
    } catch (SQLException e) {
      throw new IOException("Could not create database " + name, e);
    }
  }

  /** Sets both URLs Quarkus needs: the reactive one for the app, the JDBC one for Flyway. */
  public static void configure(String url, String user, String password) {
    String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
    URI uri = URI.create(plain);
    String hostPortDb =
        uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + uri.getPath();
    System.setProperty("quarkus.datasource.reactive.url", "postgresql://" + hostPortDb);
    System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPortDb);
    System.setProperty("quarkus.datasource.username", user);
    System.setProperty("quarkus.datasource.password", password);
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
