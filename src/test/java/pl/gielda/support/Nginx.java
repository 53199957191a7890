package pl.gielda.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Debian's nginx running the very configuration in {@code deploy/nginx}: only the upstream
 * addresses and the listen port are swapped for this machine's, and the file must still contain
 * exactly the lines that are swapped (so the test fails if the shipped config drifts).
 */
public final class Nginx implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/sbin/nginx");
  private static final Path DEPLOY = Path.of("deploy/nginx");

  private final Path dir;
  private final int port;
  private Process process;

  private Nginx(Path dir, int port) {
    this.dir = dir;
    this.port = port;
  }

  /** Starts nginx on {@code port} in front of the given instance ports. */
  public static Nginx start(Path dir, int port, int... upstreamPorts) {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          "nginx is not installed: apt-get install nginx-light (.ci/run does it)");
    }
    Nginx nginx = new Nginx(dir, port);
    nginx.writeConfig(upstreamPorts);
    nginx.run();
    return nginx;
  }

  public int port() {
    return port;
  }

  public String errorLog() {
    try {
      return Files.readString(dir.resolve("error.log"));
    } catch (IOException e) {
      return "";
    }
  }

  /** The server part of deploy/nginx/gielda.conf, addresses swapped for this machine's. */
  public static String site(int listenPort, Path includeDir, int... upstreamPorts)
      throws IOException {
    String site = Files.readString(DEPLOY.resolve("gielda.conf"), StandardCharsets.UTF_8);
    site = swap(site, "    server app-1:8080 ", "    server 127.0.0.1:" + upstreamPorts[0] + " ");
    site = swap(site, "    server app-2:8080 ", "    server 127.0.0.1:" + upstreamPorts[1] + " ");
    site = swap(site, "    listen 80;", "    listen 127.0.0.1:" + listenPort + ";");
    site = swap(site, "    listen [::]:80;\n", "");
    return swap(
        site,
        "include /etc/nginx/gielda/gielda-proxy.inc;",
        "include " + includeDir.resolve("gielda-proxy.inc").toAbsolutePath() + ";");
  }

  private static String swap(String text, String from, String to) {
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalStateException("deploy/nginx/gielda.conf should contain once: " + from);
    }
    return text.replace(from, to);
  }

  /** A main nginx.conf around a site file, with every path inside the test's folder. */
  public static String main(Path dir, String siteFile) {
    Path d = dir.toAbsolutePath();
    return String.join(
        "\n",
        "worker_processes 1;",
        "pid " + d.resolve("nginx.pid") + ";",
        "error_log " + d.resolve("error.log") + " warn;",
        "events { worker_connections 4096; }",
        "http {",
        "  access_log " + d.resolve("access.log") + ";",
        "  client_body_temp_path " + d.resolve("tmp/body") + ";",
        "  proxy_temp_path " + d.resolve("tmp/proxy") + ";",
        "  fastcgi_temp_path " + d.resolve("tmp/fastcgi") + ";",
        "  uwsgi_temp_path " + d.resolve("tmp/uwsgi") + ";",
        "  scgi_temp_path " + d.resolve("tmp/scgi") + ";",
        "  include " + d.resolve(siteFile) + ";",
        "}",
        "");
  }

  private void writeConfig(int... upstreamPorts) {
    try {
      Files.createDirectories(dir.resolve("tmp"));
      Files.copy(
          DEPLOY.resolve("gielda-proxy.inc"),
          dir.resolve("gielda-proxy.inc"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dir.resolve("gielda.conf"), site(port, dir, upstreamPorts));
      Files.writeString(dir.resolve("nginx.conf"), main(dir, "gielda.conf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code nginx -t} on a main configuration: the exit code and what it said. */
  public static String check(Path conf) {
    try {
      Process p =
          new ProcessBuilder(
                  BINARY.toString(), "-t", "-p", conf.getParent().toString(), "-c", conf.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor() + ": " + out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void run() {
    List<String> command = new ArrayList<>();
    command.add(BINARY.toString());
    command.add("-p");
    command.add(dir.toAbsolutePath().toString());
    command.add("-c");
    command.add(dir.resolve("nginx.conf").toAbsolutePath().toString());
    command.add("-g");
    command.add("daemon off;");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir.toFile(), "out.log")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Awaitility.await("nginx listening on " + port + " (see " + dir + "/error.log)")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited: " + errorLog());
              }
              try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
              } catch (IOException e) {
                return false;
              }
            });
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroy();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process.destroyForcibly();
    }
  }
}
