package pl.gielda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Contract signing and registration throughput against a running app on this machine.
 *
 * <p>It creates its own fair, entities, people and contracts through the API (as the organiser
 * given by {@code GIELDA_BENCH_EMAIL}/{@code GIELDA_BENCH_PASSWORD}), then measures two phases:
 * every party signs every contract, then two notaries register them all. In both, 20% of the
 * requests are sent again with the same Idempotency-Key (half right after the answer, as after a
 * lost response, half at the same time, as a double tap). Afterwards it checks that every key had
 * exactly one effect: one signature per party, one number per contract, numbers 1..n, identical
 * answers to retries, and a valid hash chain.
 *
 * <pre>
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *   pl.gielda.bench.SigningBenchmark [baseUrl=http://127.0.0.1:8097] [contracts=1000] [concurrency=32]
 * </pre>
 *
 * Talks to 127.0.0.1/localhost only; stops after {@code GIELDA_BENCH_MAX_SECONDS} (default 300).
 */
public final class SigningBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double RETRY_SHARE = 0.2;

  /**
   * Processes whose CPU time is reported per phase (the app and its PostgreSQL), from {@code
   * GIELDA_BENCH_PIDS}: the machine may be shared, so CPU per operation says more than ops/s.
   */
  private static final List<Long> PIDS =
      java.util.Arrays.stream(env("GIELDA_BENCH_PIDS", "").trim().split("[\\s,]+"))
          .filter(x -> !x.isBlank())
          .map(Long::parseLong)
          .toList();

  private record Reply(int status, JsonNode body) {}

  private record Person(long id, long entityId, String token) {}

  private record Op(String path, Object body, String token, String key, int retry) {}

  private final HttpClient http;
  private final String host;
  private final int port;
  private final int concurrency;
  private final long deadline;
  private final Random random = new Random(42);

  private SigningBenchmark(Vertx vertx, URI base, int concurrency, long maxSeconds) {
    this.host = base.getHost();
    this.port = base.getPort();
    this.concurrency = concurrency;
    this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(concurrency * 2));
  }

  public static void main(String... args) throws Exception {
    URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8097");
    if (!Set.of("127.0.0.1", "localhost", "::1").contains(base.getHost())) {
      throw new IllegalArgumentException("This benchmark talks to this machine only");
    }
    int contracts = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 1000, 20_000);
    int concurrency = Math.min(args.length > 2 ? Integer.parseInt(args[2]) : 32, 256);
    String email = env("GIELDA_BENCH_EMAIL", null);
    String password = env("GIELDA_BENCH_PASSWORD", null);
    if (email == null || password == null) {
      throw new IllegalArgumentException("Set GIELDA_BENCH_EMAIL and GIELDA_BENCH_PASSWORD");
    }
    long maxSeconds = Long.parseLong(env("GIELDA_BENCH_MAX_SECONDS", "300"));
    // Rounds in one JVM: the load client is warm from the second round on, like the app.
    int rounds = Math.max(1, Integer.parseInt(env("ROUNDS", "1")));
    Vertx vertx = Vertx.vertx();
    try {
      for (int round = 1; round <= rounds; round++) {
        System.out.println("== round " + round);
        new SigningBenchmark(vertx, base, concurrency, maxSeconds).run(email, password, contracts);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void run(String email, String password, int contracts) throws Exception {
    String organiser =
        call(
                HttpMethod.POST,
                "/api/auth/login",
                Map.of("email", email, "password", password),
                null,
                null)
            .body()
            .path("token")
            .asText();
    long fair = fair(organiser);
    List<Person> people = people(organiser, fair, 40);
    List<Person> notaries = List.of(notary(organiser, fair), notary(organiser, fair));
    System.out.printf(
        "fair %d, %d people, proposing %d contracts…%n", fair, people.size(), contracts);

    Map<Long, Person[]> parties = new ConcurrentHashMap<>();
    List<Op> proposals = new ArrayList<>();
    List<Person[]> pairs = new ArrayList<>();
    for (int i = 0; i < contracts; i++) {
      Person a = people.get(random.nextInt(people.size()));
      Person b = a;
      while (b.entityId() == a.entityId()) {
        b = people.get(random.nextInt(people.size()));
      }
      pairs.add(new Person[] {a, b});
      proposals.add(new Op("/api/fairs/" + fair + "/contracts", swap(a, b), a.token(), key(), 0));
    }
    Phase propose = phase("propose", proposals);
    for (int i = 0; i < contracts; i++) {
      Reply r = propose.first.get(i);
      if (r != null && r.status() == 201) {
        parties.put(r.body().path("id").asLong(), pairs.get(i));
      }
    }

    List<Op> signatures = new ArrayList<>();
    parties.forEach(
        (id, pair) -> {
          for (Person p : pair) {
            signatures.add(
                new Op(
                    "/api/fairs/" + fair + "/contracts/" + id + "/sign",
                    Map.of("version", 1),
                    p.token(),
                    key(),
                    retryKind()));
          }
        });
    Collections.shuffle(signatures, random);
    Phase sign = phase("sign", signatures);

    List<Op> registrations = new ArrayList<>();
    int n = 0;
    List<Long> ids = new ArrayList<>(parties.keySet());
    Collections.sort(ids);
    for (long id : ids) {
      registrations.add(
          new Op(
              "/api/fairs/" + fair + "/contracts/" + id + "/register",
              Map.of(),
              notaries.get(n++ % 2).token(),
              key(),
              retryKind()));
    }
    Phase register = phase("register", registrations);

    check(fair, organiser, parties, sign, register);
  }

  // ---- phases

  /** Answers to the first request and to its retry, per op, and every request's latency. */
  private static final class Phase {
    final String name;
    final List<Reply> first;
    final List<Reply> retried;
    final List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger errors = new AtomicInteger();
    long wallNanos;

    Phase(String name, int size) {
      this.name = name;
      this.first = new ArrayList<>(Collections.nCopies(size, null));
      this.retried = new ArrayList<>(Collections.nCopies(size, null));
    }
  }

  private Phase phase(String name, List<Op> ops) throws Exception {
    Phase phase = new Phase(name, ops.size());
    long[] cpuBefore = cpuTicksByRoot();
    long clientCpuBefore = clientCpuNanos();
    Semaphore slots = new Semaphore(concurrency);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < ops.size(); i++) {
      if (System.nanoTime() > deadline) {
        System.out.println("time limit reached; stopping " + name);
        break;
      }
      slots.acquire();
      int index = i;
      Op op = ops.get(i);
      CompletableFuture<Void> done;
      if (op.retry() == 2) {
        // A double tap: both requests in flight at once.
        var a = timed(phase, op);
        var b = timed(phase, op);
        done =
            a.thenCombine(
                b,
                (x, y) -> {
                  phase.first.set(index, x);
                  phase.retried.set(index, y);
                  return null;
                });
      } else {
        done =
            timed(phase, op)
                .thenCompose(
                    x -> {
                      phase.first.set(index, x);
                      return op.retry() == 1
                          ? timed(phase, op).thenAccept(y -> phase.retried.set(index, y))
                          : CompletableFuture.completedFuture(null);
                    });
      }
      all.add(done.whenComplete((x, e) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).get(10, TimeUnit.MINUTES);
    phase.wallNanos = System.nanoTime() - start;
    report(phase, ops.size());
    if (!PIDS.isEmpty()) {
      long[] cpuAfter = cpuTicksByRoot();
      StringBuilder perRoot = new StringBuilder();
      double cpuSeconds = 0;
      for (int i = 0; i < PIDS.size(); i++) {
        double seconds = (cpuAfter[i] - cpuBefore[i]) / 100.0;
        cpuSeconds += seconds;
        perRoot.append(String.format(" pid %d: %.2f ms", PIDS.get(i), 1000 * seconds / ops.size()));
      }
      System.out.printf(
          "%-9s server CPU %.1f s for %.1f s wall (%.2f cores), %.2f ms CPU per op (%s);"
              + " this load client: %.2f ms CPU per op%n",
          name,
          cpuSeconds,
          phase.wallNanos / 1e9,
          cpuSeconds / (phase.wallNanos / 1e9),
          1000 * cpuSeconds / ops.size(),
          perRoot.toString().trim(),
          (clientCpuNanos() - clientCpuBefore) / 1e6 / ops.size());
    }
    return phase;
  }

  private CompletableFuture<Reply> timed(Phase phase, Op op) {
    long t0 = System.nanoTime();
    return send(HttpMethod.POST, op.path(), op.body(), op.token(), op.key())
        .whenComplete(
            (r, e) -> {
              phase.latenciesMicros.add((System.nanoTime() - t0) / 1000);
              if (e != null || r.status() >= 300) {
                if (phase.errors.incrementAndGet() <= 3) {
                  // The first few, so that a failed round says why.
                  System.out.printf(
                      "%s error: %s%n",
                      phase.name, e != null ? e.toString() : r.status() + " " + r.body());
                }
              }
            });
  }

  private static void report(Phase p, int ops) {
    List<Long> l = new ArrayList<>(p.latenciesMicros);
    Collections.sort(l);
    double seconds = p.wallNanos / 1e9;
    System.out.printf(
        "%-9s %6d ops %6d requests in %6.2f s: %7.1f ops/s %7.1f req/s  p50 %6.1f ms  p99 %6.1f ms"
            + "  max %6.1f ms  errors %d%n",
        p.name,
        ops,
        l.size(),
        seconds,
        ops / seconds,
        l.size() / seconds,
        pct(l, 0.50),
        pct(l, 0.99),
        l.isEmpty() ? 0 : l.get(l.size() - 1) / 1000.0,
        p.errors.get());
  }

  private static double pct(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1000.0;
  }

  // ---- checks: every key had exactly one effect

  private void check(
      long fair, String organiser, Map<Long, Person[]> parties, Phase sign, Phase register)
      throws Exception {
    List<String> problems = new ArrayList<>();
    compareRetries(sign, "signature", problems);
    compareRetries(register, "registration", problems);
    JsonNode all =
        call(HttpMethod.GET, "/api/fairs/" + fair + "/contracts", null, organiser, null).body();
    Set<Integer> numbers = new HashSet<>();
    int registered = 0;
    for (JsonNode c : all) {
      Person[] pair = parties.get(c.path("id").asLong());
      if (pair == null) {
        continue;
      }
      Set<Long> signers = new HashSet<>();
      c.path("signatures").forEach(s -> signers.add(s.path("entityId").asLong()));
      if (c.path("signatures").size() != 2
          || !signers.equals(Set.of(pair[0].entityId(), pair[1].entityId()))) {
        problems.add("contract " + c.path("id") + " has signatures " + c.path("signatures"));
      }
      if ("REGISTERED".equals(c.path("status").asText())) {
        registered++;
        if (!numbers.add(c.path("number").asInt())) {
          problems.add("number " + c.path("number") + " given twice");
        }
      }
    }
    for (int i = 1; i <= registered; i++) {
      if (!numbers.contains(i)) {
        problems.add("number " + i + " missing");
      }
    }
    JsonNode chain =
        call(
                HttpMethod.GET,
                "/api/fairs/" + fair + "/contracts/chain/verify",
                null,
                organiser,
                null)
            .body();
    if (!chain.path("valid").asBoolean() || chain.path("count").asInt() != registered) {
      problems.add("chain: " + chain);
    }
    checkLog(fair, organiser, parties.size() * 2, registered, problems);
    System.out.printf(
        "check: %d contracts, %d registered (numbers 1..%d), chain %s; %s%n",
        parties.size(),
        registered,
        registered,
        chain.path("valid").asBoolean() ? "valid" : "BROKEN",
        problems.isEmpty()
            ? "every key had exactly one effect"
            : problems.size() + " PROBLEMS: " + problems.subList(0, Math.min(5, problems.size())));
    if (!problems.isEmpty()) {
      System.exit(1);
    }
  }

  /**
   * The fair's event log, read from the JSON export: numbers 1..head without a gap or a repeat, one
   * 'contract.signed' per signature and one 'contract.registered' per registration.
   */
  private void checkLog(
      long fair, String organiser, int signatures, int registered, List<String> problems)
      throws Exception {
    JsonNode archive =
        call(HttpMethod.GET, "/api/fairs/" + fair + "/exports/json", null, organiser, null).body();
    long expected = 1;
    int signed = 0;
    Set<Long> registeredContracts = new HashSet<>();
    for (JsonNode e : archive.path("events")) {
      if (e.path("seq").asLong() != expected) {
        problems.add("log: seq " + e.path("seq") + " where " + expected + " was expected");
        expected = e.path("seq").asLong();
      }
      expected++;
      JsonNode payload = e.path("payload");
      if (payload.isTextual()) {
        payload = JSON.readTree(payload.asText());
      }
      switch (e.path("type").asText()) {
        case "contract.signed" -> signed++;
        case "contract.registered" -> {
          if (!registeredContracts.add(payload.path("contractId").asLong())) {
            problems.add("log: contract " + payload.path("contractId") + " registered twice");
          }
        }
        default -> {}
      }
    }
    if (expected - 1 != archive.path("logSeq").asLong()) {
      problems.add("log: " + (expected - 1) + " events, head " + archive.path("logSeq"));
    }
    if (signed != signatures || registeredContracts.size() != registered) {
      problems.add(
          "log: " + signed + " signed / " + registeredContracts.size() + " registered events");
    }
    System.out.printf(
        "log: events 1..%d gapless, %d contract.signed, %d contract.registered%n",
        expected - 1, signed, registeredContracts.size());
  }

  /** A retry must get the same answer as the first request (same signature, same number). */
  private static void compareRetries(Phase p, String what, List<String> problems) {
    Function<Reply, String> essence =
        r ->
            r == null
                ? "none"
                : r.status()
                    + " "
                    + r.body().path("signatures").toString()
                    + " "
                    + r.body().path("number").asText();
    int compared = 0;
    for (int i = 0; i < p.first.size(); i++) {
      Reply a = p.first.get(i);
      Reply b = p.retried.get(i);
      if (b == null) {
        continue;
      }
      compared++;
      if (!essence.apply(a).equals(essence.apply(b))) {
        problems.add(what + " retry " + i + " answered differently: " + a + " / " + b);
      }
    }
    System.out.printf("%s retries compared: %d%n", what, compared);
  }

  // ---- setup through the API

  private long fair(String organiser) throws Exception {
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    long id =
        call(
                HttpMethod.POST,
                "/api/fairs",
                Map.of(
                    "name",
                    "Benchmark " + UUID.randomUUID().toString().substring(0, 8),
                    "venue",
                    "127.0.0.1",
                    "startsAt",
                    start.toString(),
                    "endsAt",
                    start.plus(2, ChronoUnit.HOURS).toString()),
                organiser,
                null)
            .body()
            .path("id")
            .asLong();
    for (String phase : List.of("REGISTRATION", "LIVE")) {
      call(HttpMethod.POST, "/api/fairs/" + id + "/phase", Map.of("phase", phase), organiser, null);
    }
    return id;
  }

  private List<Person> people(String organiser, long fair, int count) throws Exception {
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      people.add(person(organiser, fair, "participant", i));
    }
    return people;
  }

  private Person notary(String organiser, long fair) throws Exception {
    return person(organiser, fair, "notary", random.nextInt(1_000_000));
  }

  private Person person(String organiser, long fair, String role, int i) throws Exception {
    long entity =
        call(
                HttpMethod.POST,
                "/api/fairs/" + fair + "/entities",
                Map.of(
                    "name", "Podmiot " + role + " " + i, "sector", i % 2 == 0 ? "NGO" : "BUSINESS"),
                organiser,
                null)
            .body()
            .path("id")
            .asLong();
    JsonNode created =
        call(
                HttpMethod.POST,
                "/api/fairs/" + fair + "/people",
                Map.of("displayName", "Osoba " + i, "entityId", entity, "roles", List.of(role)),
                organiser,
                null)
            .body();
    String token =
        call(
                HttpMethod.POST,
                "/api/auth/badge",
                Map.of(
                    "signInSecret",
                    created.path("signInSecret").asText(),
                    "deviceKey",
                    "bench-phone-" + created.path("id").asText() + "-0000000000"),
                null,
                null)
            .body()
            .path("token")
            .asText();
    return new Person(created.path("id").asLong(), entity, token);
  }

  private static Map<String, Object> swap(Person a, Person b) {
    return Map.of(
        "partners",
        List.of(Map.of("entityId", b.entityId())),
        "items",
        List.of(item(a, b, "sala na warsztaty"), item(b, a, "promocja w mediach")));
  }

  private static Map<String, Object> item(Person from, Person to, String description) {
    Map<String, Object> item = new HashMap<>();
    item.put("fromEntityId", from.entityId());
    item.put("toEntityId", to.entityId());
    item.put("category", "ROOMS");
    item.put("description", description);
    item.put("hours", 4);
    return item;
  }

  /** 0: no retry; 1: retried after the answer; 2: sent twice at once. */
  private int retryKind() {
    if (random.nextDouble() >= RETRY_SHARE) {
      return 0;
    }
    return random.nextBoolean() ? 1 : 2;
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  // ---- HTTP

  private Reply call(HttpMethod method, String path, Object body, String token, String key)
      throws Exception {
    Reply r = send(method, path, body, token, key).get(30, TimeUnit.SECONDS);
    if (r.status() >= 300) {
      throw new IllegalStateException(method + " " + path + " → " + r.status() + " " + r.body());
    }
    return r;
  }

  private CompletableFuture<Reply> send(
      HttpMethod method, String path, Object body, String token, String key) {
    RequestOptions options =
        new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(path);
    options.putHeader("Content-Type", "application/json");
    options.putHeader("Accept", "application/json");
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    if (key != null) {
      options.putHeader("Idempotency-Key", key);
    }
    Buffer payload;
    try {
      payload = body == null ? Buffer.buffer() : Buffer.buffer(JSON.writeValueAsBytes(body));
    } catch (Exception e) {
      return CompletableFuture.failedFuture(e);
    }
    Future<Reply> reply =
        http.request(options)
            .compose(req -> req.send(payload))
            .compose(
                res ->
                    res.body()
                        .map(
                            buf -> {
                              try {
                                JsonNode node =
                                    buf.length() == 0
                                        ? JSON.createObjectNode()
                                        : JSON.readTree(buf.getBytes());
                                return new Reply(res.statusCode(), node);
                              } catch (Exception e) {
                                throw new IllegalStateException(e);
                              }
                            }));
    return reply.toCompletionStage().toCompletableFuture();
  }

  /**
   * utime + stime of the listed processes and their children (PostgreSQL runs a process per
   * connection under the postmaster), in clock ticks (1/100 s on Linux), one total per listed pid.
   */
  private static long[] cpuTicksByRoot() {
    Map<Long, Long> parent = new HashMap<>();
    Map<Long, Long> ticks = new HashMap<>();
    try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              d -> {
                try {
                  String stat = java.nio.file.Files.readString(d.resolve("stat"));
                  String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                  long pid = Long.parseLong(d.getFileName().toString());
                  parent.put(pid, Long.parseLong(f[1]));
                  ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (Exception e) {
                  // The process ended meanwhile (a PostgreSQL backend): its time is gone with it.
                }
              });
    } catch (java.io.IOException e) {
      return new long[PIDS.size()];
    }
    long[] out = new long[PIDS.size()];
    for (var e : ticks.entrySet()) {
      for (long p = e.getKey(); p > 1; p = parent.getOrDefault(p, 0L)) {
        int root = PIDS.indexOf(p);
        if (root >= 0) {
          out[root] += e.getValue();
          break;
        }
      }
    }
    return out;
  }

  /** CPU time of this benchmark's own process (it shares the machine's cores with the server). */
  private static long clientCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(0L);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
