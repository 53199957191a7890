package pl.gielda.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import pl.gielda.common.launch.DatabaseLauncher;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.Nginx;
import pl.gielda.support.PackagedApp;
import pl.gielda.support.ResumingPhone;
import pl.gielda.support.RetryingWriter;

/**
 * The production topology on real parts: Debian's nginx with the configuration from {@code
 * deploy/nginx}, two packaged instances, one PostgreSQL. Phones and writers go through nginx only.
 * Then the faults a fair meets: an instance killed with {@code kill -9}, the database restarted
 * mid-fair. Each test writes its figures to {@code target/topology/figures-*.txt} (RELIABILITY.md
 * quotes them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyIT {

  // The CI size; RELIABILITY.md also has runs with more (-Dtopology.phones=… on the command line).
  private static final int PHONES = Integer.getInteger("topology.phones", 40);
  private static final int POST_WRITERS = Integer.getInteger("topology.writers", 4);
  private static final int CONTRACTS = Integer.getInteger("topology.contracts", 6);

  private static final Path DIR = Path.of("target/topology");
  private static Path pgDir;
  private static int pgPort;
  private static EmbeddedPostgres pg;
  private static PackagedApp a;
  private static PackagedApp b;
  private static Nginx nginx;
  private static URI front;

  @BeforeAll
  static void startTopology() throws Exception {
    Files.createDirectories(DIR);
    pgDir = DIR.resolve("pg-" + System.nanoTime());
    pgPort = PackagedApp.freePort();
    pg = DatabaseLauncher.startEmbedded(pgDir, pgPort);
    String dbUrl = "postgresql://127.0.0.1:" + pgPort + "/" + DatabaseLauncher.DATABASE;
    a = new PackagedApp("a", PackagedApp.freePort(), dbUrl, DIR).start();
    b = new PackagedApp("b", PackagedApp.freePort(), dbUrl, DIR).start();
    nginx = Nginx.start(DIR.resolve("nginx"), PackagedApp.freePort(), a.port(), b.port());
    front = URI.create("http://127.0.0.1:" + nginx.port() + "/");
    Fixtures.forgetOrganiser();
    RestAssured.baseURI = "http://127.0.0.1";
    RestAssured.port = nginx.port();
  }

  @AfterAll
  static void stopTopology() {
    if (nginx != null) {
      nginx.close();
    }
    for (PackagedApp app : new PackagedApp[] {a, b}) {
      if (app != null) {
        app.stop();
      }
    }
    if (pg != null) {
      try {
        pg.close();
      } catch (Exception e) {
        // already stopped
      }
    }
  }

  @BeforeEach
  void bothInstancesServe() {
    if (!a.alive()) {
      a.start();
    }
    if (!b.alive()) {
      b.start();
    }
  }

  /** A fair with phones on the board and the people who write to it. */
  private record Fair(
      long id,
      List<Fixtures.PersonRef> writers,
      Fixtures.PersonRef notary,
      List<Long> contracts,
      List<Integer> versions,
      List<Fixtures.PersonRef[]> parties,
      List<ResumingPhone> phones) {}

  private Fair liveFairWithPhones() {
    var fair = Fixtures.fair("LIVE");
    List<Fixtures.PersonRef> writers = new ArrayList<>();
    for (int i = 0; i < POST_WRITERS; i++) {
      writers.add(Fixtures.person(fair.id(), null));
    }
    var notary = Fixtures.person(fair.id(), null, "notary");
    List<Long> contracts = new ArrayList<>();
    List<Integer> versions = new ArrayList<>();
    List<Fixtures.PersonRef[]> parties = new ArrayList<>();
    for (int i = 0; i < CONTRACTS; i++) {
      var proposer = Fixtures.person(fair.id(), null);
      var partner =
          Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Firma " + i, "BUSINESS"));
      long id = Contracts.proposed(fair.id(), proposer.token(), Contracts.swap(proposer, partner));
      contracts.add(id);
      versions.add(Contracts.version(fair.id(), id, proposer.token()));
      parties.add(new Fixtures.PersonRef[] {proposer, partner});
    }
    var viewer = Fixtures.person(fair.id(), null);
    List<ResumingPhone> phones = new ArrayList<>();
    for (int i = 0; i < PHONES; i++) {
      phones.add(ResumingPhone.open(front, fair.id(), viewer.token()));
    }
    Awaitility.await("every phone has its board")
        .atMost(Duration.ofSeconds(30))
        .until(() -> phones.stream().allMatch(p -> p.last() >= 0));
    return new Fair(fair.id(), writers, notary, contracts, versions, parties, phones);
  }

  /** What the writers got acknowledged, and what they saw fail. */
  private static final class Load {
    final RetryingWriter writer = new RetryingWriter(front);
    final ConcurrentLinkedQueue<RetryingWriter.Ack> posts = new ConcurrentLinkedQueue<>();
    final Map<String, Object> postBodies = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, String> postTokens = new java.util.concurrent.ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Long> signedContracts = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Integer> registeredNumbers = new ConcurrentLinkedQueue<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final ExecutorService pool = Executors.newFixedThreadPool(POST_WRITERS + 1);
    final List<Future<?>> tasks = new ArrayList<>();

    void start(Fair fair, String label) {
      for (int w = 0; w < POST_WRITERS; w++) {
        var person = fair.writers().get(w);
        int writerNo = w;
        tasks.add(
            pool.submit(
                () -> {
                  for (int n = 0; running.get(); n++) {
                    String title = label + " w" + writerNo + " nr " + n;
                    Map<String, Object> body = Fixtures.offer(title);
                    String key = UUID.randomUUID().toString();
                    postBodies.put(key, body);
                    postTokens.put(key, person.token());
                    writer
                        .post(
                            "/api/fairs/" + fair.id() + "/posts",
                            person.token(),
                            body,
                            key,
                            Duration.ofSeconds(60))
                        .ifPresentOrElse(
                            posts::add,
                            () -> {
                              throw new AssertionError("Not acknowledged within 60 s: " + title);
                            });
                  }
                }));
      }
      // Signatures and registrations: each contract signed by both parties, then registered.
      tasks.add(
          pool.submit(
              () -> {
                for (int i = 0; i < fair.contracts().size() && running.get(); i++) {
                  long id = fair.contracts().get(i);
                  for (var party : fair.parties().get(i)) {
                    writer
                        .post(
                            Contracts.path(fair.id(), id) + "/sign",
                            party.token(),
                            Map.of("version", fair.versions().get(i)),
                            UUID.randomUUID().toString(),
                            Duration.ofSeconds(60))
                        .orElseThrow(() -> new AssertionError("Signature not acknowledged"));
                  }
                  signedContracts.add(id);
                  writer
                      .post(
                          Contracts.path(fair.id(), id) + "/register",
                          fair.notary().token(),
                          Map.of(),
                          UUID.randomUUID().toString(),
                          Duration.ofSeconds(60))
                      .map(ack -> ack.body().get("number").asInt())
                      .ifPresentOrElse(
                          registeredNumbers::add,
                          () -> {
                            throw new AssertionError("Registration not acknowledged");
                          });
                  pause(300);
                }
              }));
    }

    void stop() throws Exception {
      running.set(false);
      for (Future<?> t : tasks) {
        t.get();
      }
      pool.shutdown();
    }
  }

  private static void pause(long millis) {
    // A person's pace between two actions, not a wait for a condition.
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  @Order(1)
  void anInstanceKilledMidFairLosesNoPhoneAndNoWrite() throws Exception {
    Fair fair = liveFairWithPhones();
    Load load = new Load();
    load.start(fair, "Kill");
    Awaitility.await("writes flowing").until(() -> load.posts.size() >= 20);

    long killedAt = System.nanoTime();
    a.kill();
    Awaitility.await("phones dropped by the killed instance reconnect through nginx")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                fair.phones().stream().anyMatch(p -> p.disconnects() > 0)
                    && fair.phones().stream().allMatch(ResumingPhone::connectedAndCaughtUp));
    long reconnectedMillis = (System.nanoTime() - killedAt) / 1_000_000;
    int postsAtKill = load.posts.size();
    Awaitility.await("writes go on through the surviving instance")
        .atMost(Duration.ofSeconds(30))
        .until(() -> load.posts.size() >= postsAtKill + 40);
    load.stop();

    long head = awaitPhonesAtHead(fair);
    Map<String, Object> figures = checkNothingLostNothingDoubled(fair, load, head);
    figures.put("instances killed (kill -9)", 1);
    figures.put(
        "phones that lost their socket",
        fair.phones().stream().filter(p -> p.disconnects() > 0).count());
    figures.put("kill → every phone caught up again (ms)", reconnectedMillis);
    figures.put(
        "longest single phone catch-up (ms)",
        fair.phones().stream().mapToLong(ResumingPhone::longestCatchUpMillis).max().orElse(0));
    figures.put("failed attempts by status", new HashMap<>(load.writer.failuresByStatus));
    assertThat(fair.phones().stream().filter(p -> p.disconnects() > 0))
        .as("nginx spread the phones over both instances, so the kill dropped some")
        .isNotEmpty();
    assertThat(load.writer.failures)
        .as("what a writer saw fail was a 503 problem+json with Retry-After (nginx's or the app's)")
        .allMatch(RetryingWriter.Failure::isRetryLater);
    write("kill", figures);
  }

  @Test
  @Order(2)
  void aDatabaseRestartMidFairIsAnsweredWith503AndHealsItself() throws Exception {
    Fair fair = liveFairWithPhones();
    awaitListeners(2, Duration.ofSeconds(10));
    Load load = new Load();
    load.start(fair, "Restart");
    Awaitility.await("writes flowing").until(() -> load.posts.size() >= 20);

    long stoppedAt = System.nanoTime();
    pg.close();
    // The outage lasts at least 3 s (a restart under a real fair is rarely quicker), and until
    // the writers have met it.
    Awaitility.await("requests fail while the database is down")
        .pollDelay(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(20))
        .until(() -> !load.writer.failures.isEmpty());
    pg = DatabaseLauncher.startEmbedded(pgDir, pgPort);
    long startedAt = System.nanoTime();
    long downMillis = (startedAt - stoppedAt) / 1_000_000;

    Awaitility.await("both instances ready again within 10 s of the database")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> a.ready() && b.ready());
    long readyMillis = (System.nanoTime() - startedAt) / 1_000_000;
    awaitListeners(2, Duration.ofSeconds(10));
    long listenMillis = (System.nanoTime() - startedAt) / 1_000_000;

    int postsAtRestart = load.posts.size();
    Awaitility.await("writes go on after the restart")
        .atMost(Duration.ofSeconds(30))
        .until(() -> load.posts.size() >= postsAtRestart + 40);
    load.stop();
    long stoppedWriting = System.nanoTime();
    long head = awaitPhonesAtHead(fair);
    long caughtUpMillis = (System.nanoTime() - stoppedWriting) / 1_000_000;

    Map<String, Object> figures = checkNothingLostNothingDoubled(fair, load, head);
    figures.put("database restarts", 1);
    figures.put("database down (ms)", downMillis);
    figures.put("database up → both instances ready (ms)", readyMillis);
    figures.put("database up → LISTEN registered again on both (ms)", listenMillis);
    figures.put("last write acknowledged → every phone at the head (ms)", caughtUpMillis);
    figures.put("failed attempts by status", new HashMap<>(load.writer.failuresByStatus));
    figures.put(
        "phones that had to reload a snapshot",
        fair.phones().stream().filter(p -> p.snapshotsAfterStart() > 0).count());
    assertThat(load.writer.failures)
        .as("every failed request during the restart was a 503 problem+json with Retry-After")
        .isNotEmpty()
        .allMatch(RetryingWriter.Failure::isRetryLater);
    assertThat(fair.phones())
        .as("board sockets stayed open and caught up without a reload")
        .allMatch(p -> p.disconnects() == 0 && p.snapshotsAfterStart() == 0);
    write("db-restart", figures);
  }

  /** Waits until every phone holds the log's head, and returns the head. */
  private long awaitPhonesAtHead(Fair fair) throws SQLException {
    long head = logHead(fair.id());
    Awaitility.await("every phone reaches event " + head)
        .atMost(Duration.ofSeconds(30))
        .until(() -> fair.phones().stream().allMatch(p -> p.last() == head));
    return head;
  }

  private Map<String, Object> checkNothingLostNothingDoubled(Fair fair, Load load, long head)
      throws SQLException {
    for (ResumingPhone p : fair.phones()) {
      assertThat(p.gaps()).as("gaps seen by a phone").isZero();
      assertThat(p.duplicates()).as("duplicates seen by a phone").isZero();
      List<Long> seqs = p.events();
      long first = seqs.isEmpty() ? head + 1 : seqs.get(0);
      assertThat(seqs)
          .as("a phone's events are every number from its first to the head, once")
          .containsExactlyElementsOf(LongStream.rangeClosed(first, head).boxed().toList());
    }
    // Every acknowledged post is in the database exactly once.
    for (RetryingWriter.Ack ack : load.posts) {
      long id = ack.body().get("id").asLong();
      String title = ack.body().get("title").asText();
      assertThat(
              count("select count(*) from post where fair_id = ? and title = ?", fair.id(), title))
          .as("acknowledged post '%s' stored once", title)
          .isEqualTo(1);
      assertThat(count("select count(*) from post where id = ?", id)).isEqualTo(1);
    }
    // Retried with their keys, acknowledged writes answer the same and change nothing.
    List<RetryingWriter.Ack> some = load.posts.stream().limit(10).toList();
    for (RetryingWriter.Ack ack : some) {
      var again =
          load.writer.post(
              "/api/fairs/" + fair.id() + "/posts",
              load.postTokens.get(ack.key()),
              load.postBodies.get(ack.key()),
              ack.key(),
              Duration.ofSeconds(10));
      assertThat(again).isPresent();
      assertThat(again.get().body().get("id")).isEqualTo(ack.body().get("id"));
    }
    long posts = count("select count(*) from post where fair_id = ?", fair.id());
    assertThat(posts)
        .as("no post written without its writer knowing, none doubled, none added by a retry")
        .isEqualTo(load.posts.size());
    // Signatures and registrations: once each, numbers gapless, the chain intact.
    for (long contract : load.signedContracts) {
      assertThat(count("select count(*) from contract_signature where contract_id = ?", contract))
          .isEqualTo(2);
    }
    List<Integer> numbers = load.registeredNumbers.stream().sorted().toList();
    assertThat(numbers)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.rangeClosed(1, numbers.size()).boxed().toList());
    assertThat(
            count(
                "select count(*) from contract where fair_id = ? and number is not null",
                fair.id()))
        .isEqualTo(numbers.size());
    given()
        .header("Authorization", "Bearer " + fair.notary().token())
        .get(Contracts.path(fair.id()) + "/chain/verify")
        .then()
        .statusCode(200)
        .body("valid", org.hamcrest.Matchers.equalTo(true));

    Map<String, Object> figures = new java.util.LinkedHashMap<>();
    figures.put("phones", fair.phones().size());
    figures.put("posts acknowledged", load.posts.size());
    figures.put("signatures acknowledged", load.signedContracts.size() * 2);
    figures.put("contracts registered", numbers.size());
    figures.put("retried attempts", load.writer.retries.get());
    figures.put("events each phone received", fair.phones().get(0).events().size());
    figures.put("gaps", fair.phones().stream().mapToInt(ResumingPhone::gaps).sum());
    figures.put("duplicates", fair.phones().stream().mapToInt(ResumingPhone::duplicates).sum());
    figures.put("acknowledged writes lost", 0);
    figures.put("writes doubled", 0);
    return figures;
  }

  private static void awaitListeners(int instances, Duration within) {
    Awaitility.await(instances + " instances LISTEN for board events")
        .atMost(within)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () ->
                count(
                        "select count(*) from pg_stat_activity where datname = ? and query ilike 'LISTEN%'",
                        DatabaseLauncher.DATABASE)
                    >= instances);
  }

  private static long logHead(long fairId) throws SQLException {
    return count("select last_seq from fair_log_head where fair_id = ?", fairId);
  }

  private static long count(String sql, Object... args) throws SQLException {
    try (Connection c = pg.getDatabase("postgres", DatabaseLauncher.DATABASE).getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void write(String name, Map<String, Object> figures) throws Exception {
    StringBuilder text = new StringBuilder();
    figures.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
    System.out.println("== topology figures (" + name + ")\n" + text);
    Files.writeString(DIR.resolve("figures-" + name + ".txt"), text);
  }
}
