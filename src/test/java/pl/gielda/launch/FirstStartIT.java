package pl.gielda.launch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first start, as {@code java -jar} runs it: a fresh data folder, the embedded
 * PostgreSQL, no demo and no configured organiser. The app prints a one-time setup link; the
 * browser journey ({@code web-client/e2e/first-start.journey.mjs}) creates the first organiser from
 * it in Chromium; a reused Idempotency-Key is refused; SIGTERM stops the app with exit 0. Then the
 * whole log must be free of the noise a newcomer would take for a fault.
 */
class FirstStartIT {

  private static final Path DIR = Path.of("target", "first-start").toAbsolutePath();
  private static final String EMAIL = "ewa.nowak@example.org";
  private static final String PASSWORD = "rower kawa Pelplin wiosna";

  /** What must not appear in the log of a start, a day's work and a stop. */
  private static final List<String> NOISE =
      List.of(
          "HV000271",
          "has been already registered",
          "setval",
          "25P01",
          "there is no transaction in progress",
          "57P01",
          "terminating connection due to administrator command",
          "RejectedExecutionException",
          "BUILD FAILURE",
          " ERROR ");

  @Test
  void aFreshStartPrintsASetupLinkTheBrowserUsesAndStopsQuietly() throws Exception {
    deleteTree(DIR);
    Files.createDirectories(DIR);
    int port = freePort();
    Path log = DIR.resolve("app.log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "java",
                "-Xmx512m",
                "-jar",
                System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("GIELDA_") || k.startsWith("DB_"));
    builder.environment().remove("PUBLIC_URL");
    builder.environment().put("GIELDA_DATA_DIR", DIR.resolve("data").toString());
    builder.environment().put("PORT", String.valueOf(port));
    Process app = builder.start();
    try {
      String base = "http://127.0.0.1:" + port;
      Awaitility.await("the app at " + base + " ready (log: " + log + ")")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> status(base + "/q/health/ready") == 200);

      String printed = Files.readString(log, StandardCharsets.UTF_8);
      Matcher link =
          Pattern.compile("http://localhost:" + port + "/setup\\?token=(\\S+)").matcher(printed);
      assertThat(link.find()).as("the banner prints the setup link:%n%s", printed).isTrue();
      assertThat(printed).contains("phones in the hall cannot open them");
      given().baseUri(base).get("/api/auth/setup").then().statusCode(200);

      runJourney(base, base + "/setup?token=" + link.group(1));
      reusedIdempotencyKeyIsRefused(base);
    } finally {
      app.destroy();
      assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
    }
    assertThat(app.exitValue()).as("SIGTERM ends the app with 0").isZero();

    String all =
        Files.readString(log, StandardCharsets.UTF_8)
            + Files.readString(
                DIR.resolve("data").resolve("postgresql.log"), StandardCharsets.UTF_8);
    for (String noise : NOISE) {
      assertThat(all).as("the log (%s) has no '%s'", log, noise).doesNotContain(noise);
    }
    assertThat(all).doesNotContainPattern("(?m)^\\s+at [a-z]");
    // The one warning a first start has: links still point at localhost (the banner says so).
    assertThat(all.lines().filter(l -> l.contains(" WARN ")).toList())
        .allMatch(l -> l.contains("StartupBanner"), "only the banner's warning");
  }

  private static void runJourney(String base, String setupUrl) throws Exception {
    ProcessBuilder node =
        new ProcessBuilder("node", "--test", "e2e/first-start.journey.mjs")
            .directory(new File("web-client"))
            .redirectErrorStream(true)
            .redirectOutput(DIR.resolve("journey.log").toFile());
    node.environment().put("BASE_URL", base);
    node.environment().put("SETUP_URL", setupUrl);
    node.environment().put("SHOTS_DIR", DIR.toString());
    node.environment().put("FIRST_ORGANISER_EMAIL", EMAIL);
    node.environment().put("FIRST_ORGANISER_PASSWORD", PASSWORD);
    Process p = node.start();
    boolean done = p.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    String out = Files.readString(DIR.resolve("journey.log"));
    assertThat(done).as("the journey ends within 5 minutes:%n%s", out).isTrue();
    assertThat(p.exitValue()).as("the first-start journey passed:%n%s", out).isZero();
    assertThat(out).contains("# fail 0");
  }

  /** The same key for another request: a 422, and no "no transaction in progress" left behind. */
  private static void reusedIdempotencyKeyIsRefused(String base) {
    String organiser =
        given()
            .baseUri(base)
            .contentType(ContentType.JSON)
            .body(Map.of("email", EMAIL, "password", PASSWORD))
            .post("/api/auth/login")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    long fair =
        as(base, organiser)
            .body(
                Map.of(
                    "name",
                    "Pierwsza giełda",
                    "venue",
                    "Tczew",
                    "startsAt",
                    start.toString(),
                    "endsAt",
                    start.plus(2, ChronoUnit.HOURS).toString()))
            .post("/api/fairs")
            .then()
            .statusCode(201)
            .extract()
            .<Number>path("id")
            .longValue();
    as(base, organiser)
        .body(Map.of("phase", "REGISTRATION"))
        .post("/api/fairs/" + fair + "/phase")
        .then()
        .statusCode(200);
    long entity =
        as(base, organiser)
            .body(Map.of("name", "Fundacja Pierwsza", "sector", "NGO", "town", "Tczew"))
            .post("/api/fairs/" + fair + "/entities")
            .then()
            .statusCode(201)
            .extract()
            .<Number>path("id")
            .longValue();
    String badge =
        as(base, organiser)
            .body(
                Map.of(
                    "displayName", "Anna Lis", "entityId", entity, "roles", List.of("participant")))
            .post("/api/fairs/" + fair + "/people")
            .then()
            .statusCode(201)
            .extract()
            .path("badgeToken");
    String phone =
        given()
            .baseUri(base)
            .contentType(ContentType.JSON)
            .body(Map.of("badgeToken", badge))
            .post("/api/auth/badge")
            .then()
            .statusCode(200)
            .extract()
            .path("token");
    String key = UUID.randomUUID().toString();
    for (String title : List.of("Sala na 30 osób", "Rzutnik i ekran")) {
      as(base, phone)
          .header("Idempotency-Key", key)
          .body(
              Map.of(
                  "kind", "OFFER",
                  "category", "ROOMS",
                  "title", title,
                  "description", "W soboty, z rzutnikiem"))
          .post("/api/fairs/" + fair + "/posts")
          .then()
          .statusCode(title.startsWith("Sala") ? 201 : 422);
    }
  }

  private static RequestSpecification as(String base, String token) {
    return given()
        .baseUri(base)
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + token);
  }

  private static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
}
