package pl.gielda.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * One instance of the packaged app ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a real
 * process on a port, against an external PostgreSQL, as production runs it.
 */
public final class PackagedApp {

  private final String name;
  private final int port;
  private final String dbUrl;
  private final Path workDir;
  private Process process;

  public PackagedApp(String name, int port, String dbUrl, Path workDir) {
    this.name = name;
    this.port = port;
    this.dbUrl = dbUrl;
    this.workDir = workDir;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the process and waits until it reports ready. */
  public PackagedApp start() {
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-Xmx512m",
                "-jar",
                System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    new File(workDir.toFile(), "instance-" + name + ".log")));
    Map<String, String> env = builder.environment();
    env.put("DB_URL", dbUrl);
    env.put("DB_USER", "postgres");
    env.put("DB_PASSWORD", "");
    env.put("GIELDA_DATA_DIR", workDir.resolve("data-" + name).toAbsolutePath().toString());
    // Every instance signs with the same configured key pair, as production instances must (the
    // test-only pair; a token issued by one instance is checked by the other).
    env.put(
        "GIELDA_JWT_PRIVATE_KEY",
        Path.of("src/test/resources/test-keys/jwt-private.pem").toAbsolutePath().toString());
    env.put(
        "GIELDA_JWT_PUBLIC_KEY",
        Path.of("src/test/resources/test-keys/jwt-public.pem").toAbsolutePath().toString());
    env.put("PORT", String.valueOf(port));
    env.put("GIELDA_BOOTSTRAP_ORGANISER_EMAIL", Fixtures.ORGANISER_EMAIL);
    env.put("GIELDA_BOOTSTRAP_ORGANISER_PASSWORD", Fixtures.ORGANISER_PASSWORD);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(Duration.ofSeconds(120));
    return this;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  public int port() {
    return port;
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}: no shutdown hooks, no goodbye to clients or the database. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean ready() {
    return status("/q/health/ready") == 200;
  }

  public void awaitReady(Duration atMost) {
    Awaitility.await(
            "instance " + name + " at " + uri() + " ready (see its log in " + workDir + ")")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .until(this::ready);
  }

  private int status(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(uri().resolve(path)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
}
