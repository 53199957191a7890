package pl.gielda.report.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import pl.gielda.common.Secrets;
import pl.gielda.report.replay.SourceFairData.ContractSpec;
import pl.gielda.report.replay.SourceFairData.ItemSpec;
import pl.gielda.report.replay.SourceFairData.PersonSpec;
import pl.gielda.report.replay.SourceFairData.PostSpec;

/**
 * Reproduces the source fair through the public REST API and the board WebSocket only, as the
 * people in the hall would: the organiser creates the fair, opens registration, imports the roster
 * of 78 entities and 157 people (CSV) and opens the fair; everyone logs in with their badge;
 * entities post offers and requests; 101 contracts are proposed, signed by every party and
 * registered by the notary while a board socket watches {@code contract.registered} arrive numbered
 * 1..101. Deterministic for a seed, so it doubles as the demo data generator. Runs only against
 * this machine (loopback).
 *
 * <pre>
 * java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" \
 *   pl.gielda.report.replay.SourceFairReplay http://127.0.0.1:8080 organiser@example.org PASSWORD [seed]
 * </pre>
 */
public final class SourceFairReplay {

  /** What the replay saw: the fair, counts, and the numbers the board announced in order. */
  public record Result(
      long fairId,
      int entities,
      int people,
      int contracts,
      List<Integer> announcedNumbers,
      List<Long> announcedSeqs,
      JsonNode tallies,
      Map<String, Long> phaseMillis,
      Duration took) {}

  public static final long DEFAULT_SEED = 2010L;
  private static final int THREADS = 8;

  private final URI base;
  private final SourceFairData data;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public SourceFairReplay(URI base, long seed) {
    requireLoopback(base);
    this.base = base;
    this.data = new SourceFairData(seed);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static void main(String... args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: SourceFairReplay <http://127.0.0.1:8080> <organiser email> <password> [seed]");
      System.exit(2);
    }
    long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
    SourceFairReplay replay = new SourceFairReplay(URI.create(args[0]), seed);
    String token = replay.login(args[1], args[2]);
    Result r = replay.run(token);
    System.out.printf(
        "Fair %d: %d entities, %d people, %d contracts registered (board announced %d, in order: %s) in %d ms %s%n",
        r.fairId(),
        r.entities(),
        r.people(),
        r.contracts(),
        r.announcedNumbers().size(),
        inOrder(r.announcedNumbers()),
        r.took().toMillis(),
        r.phaseMillis());
    System.exit(r.contracts() == SourceFairData.CONTRACTS && inOrder(r.announcedNumbers()) ? 0 : 1);
  }

  public String login(String email, String password) throws Exception {
    return call("POST", "/api/auth/login", null, Map.of("email", email, "password", password))
        .path("token")
        .asText();
  }

  public Result run(String organiser) throws Exception {
    long started = System.nanoTime();
    Map<String, Long> phases = new LinkedHashMap<>();
    long[] mark = {started};
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      long fair = createFair(organiser);
      phase(organiser, fair, "REGISTRATION");
      JsonNode report = importRoster(organiser, fair);
      lap(phases, "rosterImport", mark);
      List<Long> entityIds = entityIds(organiser, fair);
      List<String> badges = badges(organiser, fair);
      lap(phases, "rosterRead", mark);
      if (report.path("entitiesCreated").asInt() != SourceFairData.ENTITIES
          || report.path("peopleCreated").asInt() != SourceFairData.PEOPLE) {
        throw new IllegalStateException("The roster import did not create everyone: " + report);
      }
      phase(organiser, fair, "LIVE");
      List<String> tokens = all(pool, badges, this::badgeLogin);
      lap(phases, "badgeLogins", mark);
      all(pool, data.posts, p -> post(fair, tokens, entityIds, p));
      lap(phases, "posts", mark);
      String notary = tokens.get(notaryIndex());
      try (Board board = Board.watch(http, base, fair, organiser)) {
        List<Long> signed =
            all(pool, data.contracts, c -> proposeAndSign(fair, tokens, entityIds, c));
        lap(phases, "proposeAndSign", mark);
        for (long contract : signed) {
          call(
              "POST",
              "/api/fairs/" + fair + "/contracts/" + contract + "/register",
              notary,
              Map.of());
        }
        lap(phases, "register", mark);
        board.awaitRegistered(SourceFairData.CONTRACTS, Duration.ofSeconds(30));
        JsonNode tallies = call("GET", "/api/fairs/" + fair + "/tallies", organiser, null);
        JsonNode h = tallies.path("headline");
        return new Result(
            fair,
            (int) h.path("entities").asLong(),
            (int) h.path("people").asLong(),
            (int) h.path("contracts").asLong(),
            board.numbers(),
            board.seqs(),
            tallies,
            phases,
            Duration.ofNanos(System.nanoTime() - started));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void lap(Map<String, Long> phases, String name, long[] mark) {
    long now = System.nanoTime();
    phases.put(name, (now - mark[0]) / 1_000_000);
    mark[0] = now;
  }

  private long createFair(String organiser) throws Exception {
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Giełda Zasobów „Trzy Filary” — Tczew (odtworzenie)");
    body.put("venue", "Starostwo Powiatowe w Tczewie, ul. Piaskowa 2, Tczew");
    body.put("startsAt", start.toString());
    body.put("endsAt", start.plus(2, ChronoUnit.HOURS).toString());
    return id(call("POST", "/api/fairs", organiser, body));
  }

  private void phase(String organiser, long fair, String phase) throws Exception {
    call("POST", "/api/fairs/" + fair + "/phase", organiser, Map.of("phase", phase));
  }

  /** Entities and people in one request, as an organiser brings them from a spreadsheet. */
  private JsonNode importRoster(String organiser, long fair) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/fairs/" + fair + "/import"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + organiser)
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(data.rosterCsv(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("Roster import → " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  /** Entity ids in the generator's order. */
  private List<Long> entityIds(String organiser, long fair) throws Exception {
    Map<String, Long> byName = new HashMap<>();
    for (JsonNode e : call("GET", "/api/fairs/" + fair + "/entities", organiser, null)) {
      byName.put(e.path("name").asText(), e.path("id").asLong());
    }
    List<Long> ids = new ArrayList<>();
    for (var e : data.entities) {
      ids.add(require(byName.get(e.name()), e.name()));
    }
    return ids;
  }

  /** Sign-in secrets in the generator's order of people (the organiser's list shows them). */
  private List<String> badges(String organiser, long fair) throws Exception {
    Map<String, String> byKey = new HashMap<>();
    for (JsonNode p : call("GET", "/api/fairs/" + fair + "/people", organiser, null)) {
      byKey.put(
          p.path("entityName").asText() + "|" + p.path("displayName").asText(),
          p.path("signInSecret").asText());
    }
    List<String> badges = new ArrayList<>();
    for (PersonSpec p : data.people) {
      String key = data.entities.get(p.entity()).name() + "|" + p.name();
      badges.add(require(byKey.get(key), key));
    }
    return badges;
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("Not found after import: " + what);
    }
    return value;
  }

  private String badgeLogin(String badge) throws Exception {
    // Each simulated phone has its own device key, as the web client makes one per phone.
    return call(
            "POST",
            "/api/auth/badge",
            null,
            Map.of("signInSecret", badge, "deviceKey", "replay-phone-" + Secrets.sha256(badge)))
        .path("token")
        .asText();
  }

  private long post(long fair, List<String> tokens, List<Long> entityIds, PostSpec p)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", p.kind());
    body.put("category", p.category());
    body.put("title", p.title());
    body.put("description", p.title() + " — " + data.entities.get(p.entity()).name());
    return id(
        call("POST", "/api/fairs/" + fair + "/posts", tokens.get(firstPerson(p.entity())), body));
  }

  /** Proposed (and signed at once) by the first party's person, then signed by the others. */
  private long proposeAndSign(long fair, List<String> tokens, List<Long> entityIds, ContractSpec c)
      throws Exception {
    List<Map<String, Object>> partners = new ArrayList<>();
    for (int party : c.parties().subList(1, c.parties().size())) {
      partners.add(Map.of("entityId", entityIds.get(party)));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (ItemSpec i : c.items()) {
      Map<String, Object> item = new HashMap<>();
      item.put("fromEntityId", entityIds.get(i.from()));
      item.put("toEntityId", entityIds.get(i.to()));
      item.put("category", i.category());
      item.put("description", i.description());
      item.put("valuePln", i.valuePln());
      item.put("hours", i.hours());
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("partners", partners);
    body.put("items", items);
    body.put("signNow", true);
    JsonNode proposed =
        call(
            "POST",
            "/api/fairs/" + fair + "/contracts",
            tokens.get(firstPerson(c.parties().get(0))),
            body);
    long id = proposed.path("id").asLong();
    int version = proposed.path("version").asInt();
    for (int party : c.parties().subList(1, c.parties().size())) {
      call(
          "POST",
          "/api/fairs/" + fair + "/contracts/" + id + "/sign",
          tokens.get(firstPerson(party)),
          Map.of("version", version));
    }
    return id;
  }

  private int firstPerson(int entity) {
    for (int i = 0; i < data.people.size(); i++) {
      if (data.people.get(i).entity() == entity) {
        return i;
      }
    }
    throw new IllegalStateException("Entity " + entity + " has nobody");
  }

  private int notaryIndex() {
    for (int i = 0; i < data.people.size(); i++) {
      if (data.people.get(i).notary()) {
        return i;
      }
    }
    throw new IllegalStateException("No notary");
  }

  @FunctionalInterface
  private interface Step<T, R> {
    R apply(T t) throws Exception;
  }

  /** Runs {@code step} for every element on the pool; results in input order. */
  private static <T, R> List<R> all(ExecutorService pool, List<T> inputs, Step<T, R> step)
      throws Exception {
    List<Callable<R>> tasks = new ArrayList<>();
    for (T in : inputs) {
      tasks.add(() -> step.apply(in));
    }
    List<R> out = new ArrayList<>();
    for (Future<R> f : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
      out.add(f.get());
    }
    return out;
  }

  JsonNode call(String method, String path, String token, Object body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IOException(method + " " + path + " → " + r.statusCode() + ": " + r.body());
    }
    return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
  }

  private static long id(JsonNode n) {
    return n.path("id").asLong();
  }

  public static boolean inOrder(List<Integer> numbers) {
    for (int i = 0; i < numbers.size(); i++) {
      if (numbers.get(i) != i + 1) {
        return false;
      }
    }
    return true;
  }

  static void requireLoopback(URI base) {
    try {
      for (InetAddress a : InetAddress.getAllByName(base.getHost())) {
        if (!a.isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "The replay drives only an app on this machine (loopback), not " + base.getHost());
        }
      }
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("Unknown host " + base.getHost(), e);
    }
  }

  /** A board socket that records the contract.registered events it is sent. */
  static final class Board implements WebSocket.Listener, AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final StringBuilder partial = new StringBuilder();
    private final List<Integer> numbers = new CopyOnWriteArrayList<>();
    private final List<Long> seqs = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final java.util.concurrent.Semaphore registered = new java.util.concurrent.Semaphore(0);
    private WebSocket socket;

    static Board watch(HttpClient http, URI base, long fair, String token) throws Exception {
      Board board = new Board();
      URI ws =
          URI.create(
              "ws://" + base.getHost() + ":" + base.getPort() + "/ws/fairs/" + fair + "/board");
      board.socket =
          http.newWebSocketBuilder()
              .header("Authorization", "Bearer " + token)
              .buildAsync(ws, board)
              .get(10, TimeUnit.SECONDS);
      board
          .socket
          .sendText("{\"type\":\"resume\",\"epoch\":null,\"after\":0}", true)
          .get(5, TimeUnit.SECONDS);
      board.caughtUp.get(10, TimeUnit.SECONDS);
      return board;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          JsonNode m = json.readTree(partial.toString());
          String type = m.path("type").asText();
          if (type.equals("caughtUp")) {
            caughtUp.complete(null);
          } else if (type.equals("event")
              && m.path("event").path("kind").asText().equals("contract.registered")) {
            seqs.add(m.path("seq").asLong());
            numbers.add(m.path("event").path("number").asInt());
            registered.release();
          }
        } catch (IOException e) {
          // A message we cannot read is not one we count.
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    /** Waits (bounded) until {@code count} registrations were announced. */
    void awaitRegistered(int count, Duration within) throws InterruptedException {
      registered.tryAcquire(count, within.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Integer> numbers() {
      return List.copyOf(numbers);
    }

    List<Long> seqs() {
      return List.copyOf(seqs);
    }

    @Override
    public void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
      socket.abort();
    }
  }
}
