package pl.gielda.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/**
 * A seeded, reproducible fuzz of every operation (issue 21, F2): bodies, query parameters and
 * headers made hostile — NUL, lone surrogates, 1 MB strings, deep nesting, wrong types, HTML,
 * SQL-ish text, odd charsets and content types, broken JSON — and board-socket frames. Nothing may
 * answer 5xx, every error is problem+json (or a typed socket error / close code), nothing is half
 * written by a refused request, the log has no ERROR line, and the app is healthy afterwards.
 *
 * <p>Each request is built from {@code new Random(seed * 1_000_003 + index)} alone, so a failure
 * printed as "seed S, request I" is reproduced with {@code -Dfuzz.seed=S -Dfuzz.only=I}.
 */
@QuarkusTest
class FuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 21L);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5000);
  private static final int FRAMES = Integer.getInteger("fuzz.frames", 600);
  private static final int ONLY = Integer.getInteger("fuzz.only", -1);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tables a refused request must leave as they were. */
  private static final List<String> TABLES =
      List.of(
          "organiser",
          "fair",
          "category",
          "entity",
          "person",
          "screen_link",
          "idempotency_record",
          "fair_event",
          "post",
          "contract",
          "contract_party",
          "contract_item",
          "contract_signature",
          "contract_follow_up",
          "help_request");

  @TestHTTPResource("/")
  URI base;

  @Inject Pool pool;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private record Op(
      String method, String path, List<String> query, String bodyType, JsonNode schema) {}

  private record Sent(String method, String uri, Map<String, String> headers, byte[] body) {
    String show() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      if (text.length() > 300) {
        text = text.substring(0, 300) + "… (" + body.length + " bytes)";
      }
      return method + " " + uri + " " + headers + " " + text;
    }
  }

  /** Collects ERROR (and worse) log records while the fuzz runs. */
  private static final class Errors extends Handler {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= org.jboss.logmanager.Level.ERROR.intValue()) {
        lines.add(
            r.getLoggerName()
                + ": "
                + r.getMessage()
                + (r.getThrown() == null ? "" : " — " + r.getThrown()));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void hostileRequestsAndFramesNeverBreakTheApp() throws Exception {
    Hall hall = new Hall();
    List<Op> ops = operations();
    Errors errors = new Errors();
    Logger root = Logger.getLogger("");
    root.addHandler(errors);
    List<String> failures = new ArrayList<>();
    int sent = 0;
    long started = System.nanoTime();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        if (ONLY >= 0 && i != ONLY) {
          continue;
        }
        Random random = new Random(SEED * 1_000_003L + i);
        Sent request = build(random, hall, ops);
        boolean write = !request.method().equals("GET");
        Map<String, Long> before = write ? counts() : null;
        int status;
        String type;
        String body;
        try {
          HttpResponse<byte[]> response = send(request);
          status = response.statusCode();
          type = response.headers().firstValue("Content-Type").orElse("");
          body = new String(response.body(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
          failures.add(where(i, request) + " → connection failed: " + e);
          continue;
        }
        sent++;
        if (status >= 500) {
          failures.add(where(i, request) + " → " + status + " " + abbreviate(body));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
          failures.add(
              where(i, request) + " → " + status + " as '" + type + "' " + abbreviate(body));
        }
        if (write && status >= 400) {
          Map<String, Long> after = counts();
          if (!after.equals(before)) {
            failures.add(where(i, request) + " → " + status + " but wrote: " + diff(before, after));
          }
        }
        if (failures.size() > 40) {
          break;
        }
      }
      long requestsMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      int frames = ONLY >= 0 ? 0 : boardFrames(hall, failures);
      System.out.printf(
          "Fuzz seed %d: %d requests in %d ms, %d board frames, %d failures, %d ERROR lines%n",
          SEED, sent, requestsMs, frames, failures.size(), errors.lines.size());
      if (ONLY < 0) {
        assertThat(sent).isGreaterThanOrEqualTo(Math.min(REQUESTS, 5000));
        assertThat(frames).isGreaterThanOrEqualTo(Math.min(FRAMES, 500));
      }
    } finally {
      root.removeHandler(errors);
    }
    assertThat(failures).as("fuzz failures (seed " + SEED + ")").isEmpty();
    assertThat(errors.lines).as("ERROR lines logged while fuzzing").isEmpty();
    // Healthy afterwards: reads and writes work as before.
    Fixtures.createPost(hall.fair.id(), hall.participant.token(), Fixtures.offer("Po burzy"));
    Fixtures.as(hall.organiser).get("/api/fairs/" + hall.fair.id()).then().statusCode(200);
  }

  private static String where(int i, Sent request) {
    return "seed " + SEED + ", request " + i + ": " + request.show();
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private HttpResponse<byte[]> send(Sent s) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + s.uri()))
            .timeout(Duration.ofSeconds(60));
    s.headers().forEach(b::header);
    b.method(
        s.method(),
        s.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(s.body()));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private Map<String, Long> counts() {
    StringBuilder sql = new StringBuilder();
    for (String t : TABLES) {
      sql.append(sql.isEmpty() ? "" : " union all ")
          .append("select '")
          .append(t)
          .append("', count(*) from ")
          .append(t);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    pool.query(sql.toString())
        .execute()
        .await()
        .atMost(Duration.ofSeconds(30))
        .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }

  private static String diff(Map<String, Long> before, Map<String, Long> after) {
    StringBuilder d = new StringBuilder();
    before.forEach(
        (t, n) -> {
          if (!n.equals(after.get(t))) {
            d.append(t).append(' ').append(n).append("→").append(after.get(t)).append(' ');
          }
        });
    return d.toString();
  }

  private List<Op> operations() throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "q/openapi?format=json")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode doc = JSON.readTree(r.body());
    JsonNode schemas = doc.path("components").path("schemas");
    List<Op> ops = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> p = doc.get("paths").fields(); p.hasNext(); ) {
      var path = p.next();
      for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext(); ) {
        var op = m.next();
        List<String> query = new ArrayList<>();
        op.getValue()
            .path("parameters")
            .forEach(
                x -> {
                  if (x.path("in").asText().equals("query")) {
                    query.add(x.path("name").asText());
                  }
                });
        var content = op.getValue().path("requestBody").path("content");
        String type = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        JsonNode schema = type == null ? null : resolve(content.path(type).path("schema"), schemas);
        ops.add(new Op(op.getKey().toUpperCase(), path.getKey(), query, type, schema));
      }
    }
    assertThat(ops).hasSizeGreaterThan(50);
    // Schemas refer to each other; the fuzz reads them through this lookup.
    this.schemas = schemas;
    return ops;
  }

  private JsonNode schemas;

  private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
    if (schema != null && schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }

  // ---- building one hostile request ----

  private static final String[] EVIL = {
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFFy",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "'; drop table person; --",
    "' or '1'='1",
    "%00",
    "%",
    "../../etc/passwd",
    "\\",
    "\"",
    "{}",
    "[]",
    "null",
    "-1",
    "0",
    "9223372036854775808",
    "1e999999",
    "NaN",
    "\u202Eevil",
    "\uFEFF",
    "ąęśćżźół",
    "😀😀😀",
    "\r\n",
    "\t",
    " ",
    "",
    "a".repeat(300),
    "Zażółć gęślą jaźń"
  };

  private Sent build(Random r, Hall hall, List<Op> ops) {
    Op op = ops.get(r.nextInt(ops.size()));
    String token = caller(r, hall);
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    String path = op.path();
    path =
        path.replace("{fairId}", r.nextInt(10) < 8 ? String.valueOf(hall.fair.id()) : pathValue(r));
    path = path.replace("{joinCode}", r.nextInt(10) < 7 ? hall.fair.joinCode() : pathValue(r));
    path = path.replace("{postId}", r.nextInt(10) < 7 ? String.valueOf(hall.post) : pathValue(r));
    path =
        path.replace(
            "{contractId}", r.nextInt(10) < 7 ? String.valueOf(hall.registered) : pathValue(r));
    path =
        path.replace(
            "{personId}", r.nextInt(10) < 7 ? String.valueOf(hall.target.id()) : pathValue(r));
    path = path.replaceAll("\\{[^}]+}", pathValue(r));
    StringBuilder uri = new StringBuilder(path);
    for (String q : op.query()) {
      if (r.nextInt(3) > 0) {
        uri.append(uri.indexOf("?") < 0 ? '?' : '&')
            .append(q)
            .append('=')
            .append(java.net.URLEncoder.encode(scalarText(r), StandardCharsets.UTF_8));
      }
    }
    if (r.nextInt(8) == 0) {
      uri.append(uri.indexOf("?") < 0 ? '?' : '&')
          .append("x=")
          .append(java.net.URLEncoder.encode(evil(r), StandardCharsets.UTF_8));
    }
    switch (r.nextInt(6)) {
      case 0 ->
          headers.put(
              "Idempotency-Key",
              java.util.UUID.nameUUIDFromBytes(longBytes(r.nextLong())).toString());
      case 1 -> headers.put("Idempotency-Key", headerSafe(evil(r)));
      case 2 -> headers.put("Idempotency-Key", "k".repeat(1 + r.nextInt(400)));
      default -> {}
    }
    if (r.nextInt(10) == 0) {
      headers.put("Accept", pick(r, "application/xml", "*/*", "text/html", "application/json;q=0"));
    }
    byte[] body = null;
    if (op.bodyType() != null || r.nextInt(10) == 0) {
      String declared = op.bodyType() == null ? "application/json" : op.bodyType();
      String contentType = contentType(r, declared);
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      body = body(r, op, declared, contentType);
    }
    return new Sent(op.method(), uri.toString(), headers, body);
  }

  private static byte[] longBytes(long v) {
    return ByteBuffer.allocate(8).putLong(v).array();
  }

  private static String caller(Random r, Hall hall) {
    return switch (r.nextInt(8)) {
      case 0 -> null;
      case 1 -> hall.participant.token();
      case 2 -> hall.helpDesk.token();
      case 3 -> hall.notary.token();
      case 4 -> hall.otherFairParticipant.token();
      case 5 -> new ArrayList<>(hall.forged.values()).get(r.nextInt(hall.forged.size()));
      default -> hall.organiser;
    };
  }

  private static String pick(Random r, String... values) {
    return values[r.nextInt(values.length)];
  }

  private static String evil(Random r) {
    return EVIL[r.nextInt(EVIL.length)];
  }

  /** Header values cannot carry control characters through the client; the rest goes as is. */
  private static String headerSafe(String s) {
    String cleaned = s.replaceAll("[\\x00-\\x1f\\x7f]", "").replaceAll("[\\uD800-\\uDFFF]", "");
    return cleaned.chars().allMatch(c -> c < 128) ? cleaned : "not-ascii-%C4%85";
  }

  private static String pathValue(Random r) {
    String v =
        pick(
            r,
            "0",
            "-1",
            "99999999999",
            "9223372036854775808",
            "abc",
            "1.5",
            "%00",
            "%2e%2e",
            "%C0%AF",
            "1;drop",
            "%F0%9F%98%80",
            "a".repeat(200));
    return v;
  }

  private static String scalarText(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> evil(r);
      case 1 -> String.valueOf(r.nextInt(200) - 50);
      case 2 ->
          pick(
              r,
              "true",
              "false",
              "contracts",
              "items",
              "entities",
              "people",
              "tallies",
              "DELIVERED");
      default -> "x".repeat(r.nextInt(3000));
    };
  }

  private static String contentType(Random r, String declared) {
    return switch (r.nextInt(12)) {
      case 0 -> null;
      case 1 -> declared + "; charset=utf-16";
      case 2 -> declared + "; charset=iso-8859-2";
      case 3 -> declared + "; charset=nonsense";
      case 4 -> "application/problem+json";
      case 5 ->
          pick(
              r,
              "text/plain",
              "text/html",
              "application/xml",
              "multipart/form-data",
              "application/x-www-form-urlencoded",
              "application/octet-stream",
              "text/csv",
              "*/*",
              "foo");
      default -> declared;
    };
  }

  private byte[] body(Random r, Op op, String declared, String contentType) {
    if (declared.startsWith("text/") || declared.equals("application/octet-stream")) {
      return csv(r);
    }
    Object value = op.schema() == null ? Map.of("a", 1) : sample(r, op.schema(), 0);
    String json;
    try {
      json = JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    switch (r.nextInt(14)) {
      case 0 -> json = json + json; // trailing tokens
      case 1 -> json = json.substring(0, r.nextInt(Math.max(1, json.length())));
      case 2 -> json = "[".repeat(5000) + "]".repeat(5000);
      case 3 -> json = "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
      case 4 -> json = "\"" + "x".repeat(1 << 20) + "\"";
      case 5 -> json = json.replaceFirst("\\{", "{\"" + evil(r).replace("\"", "") + "\":1,");
      case 6 ->
          json =
              pick(
                  r,
                  "",
                  "null",
                  "1",
                  "\"s\"",
                  "[]",
                  "true",
                  "{",
                  "}",
                  "1e999999",
                  "{\"a\":1}{\"b\":2}");
      default -> {}
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(25) == 0) {
      bytes = withInvalidUtf8(r, bytes);
    }
    if (contentType != null && contentType.contains("utf-16") && r.nextBoolean()) {
      bytes = json.getBytes(StandardCharsets.UTF_16);
    }
    return bytes;
  }

  private static byte[] withInvalidUtf8(Random r, byte[] bytes) {
    byte[] out = java.util.Arrays.copyOf(bytes, bytes.length + 2);
    int at = r.nextInt(Math.max(1, bytes.length));
    System.arraycopy(bytes, at, out, at + 2, bytes.length - at);
    out[at] = (byte) 0xC3;
    out[at + 1] = (byte) 0x28;
    return out;
  }

  private static byte[] csv(Random r) {
    StringBuilder s = new StringBuilder("podmiot;sektor;miejscowość;kontakt;osoba;rola\n");
    int rows = r.nextInt(5);
    for (int i = 0; i < rows; i++) {
      s.append(evil(r))
          .append(';')
          .append(pick(r, "pozarządowy", "NGO", evil(r)))
          .append(";Tczew;;")
          .append(evil(r))
          .append(';')
          .append(pick(r, "uczestnik", "notariusz", evil(r)))
          .append('\n');
    }
    byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
    return r.nextInt(6) == 0 ? withInvalidUtf8(r, bytes) : bytes;
  }

  /** A value of roughly the schema's shape, wrong in random places. */
  private Object sample(Random r, JsonNode schema, int depth) {
    schema = resolve(schema, schemas);
    if (schema.has("allOf")) {
      schema = resolve(schema.get("allOf").get(0), schemas);
    }
    if (r.nextInt(12) == 0) {
      return wrongType(r);
    }
    String type = schema.path("type").asText("object");
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return r.nextInt(5) == 0 ? evil(r) : values.get(r.nextInt(values.size())).asText();
    }
    switch (type) {
      case "object" -> {
        Map<String, Object> m = new LinkedHashMap<>();
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                f -> {
                  if (r.nextInt(6) > 0 && depth < 6) {
                    m.put(f.getKey(), sample(r, f.getValue(), depth + 1));
                  }
                });
        return m;
      }
      case "array" -> {
        List<Object> l = new ArrayList<>();
        int n = r.nextInt(10) == 0 ? 200 + r.nextInt(300) : r.nextInt(4);
        for (int i = 0; i < n && depth < 6; i++) {
          l.add(sample(r, schema.path("items"), depth + 1));
        }
        return l;
      }
      case "integer" -> {
        return pickNumber(r);
      }
      case "number" -> {
        return r.nextInt(4) == 0 ? pickNumber(r) : r.nextDouble() * 1000;
      }
      case "boolean" -> {
        return r.nextBoolean();
      }
      default -> {
        return switch (r.nextInt(5)) {
          case 0, 1 -> evil(r);
          case 2 -> "x".repeat(r.nextInt(2000));
          default -> "Sala " + r.nextInt(1000);
        };
      }
    }
  }

  private static Object pickNumber(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> -1;
      case 1 -> Long.MAX_VALUE;
      case 2 -> new java.math.BigInteger("123456789012345678901234567890");
      case 3 -> 0;
      default -> r.nextInt(100);
    };
  }

  private static Object wrongType(Random r) {
    return switch (r.nextInt(5)) {
      case 0 -> List.of(1, "a");
      case 1 -> Map.of("nested", Map.of("deeper", List.of()));
      case 2 -> true;
      case 3 -> 3.14;
      default -> evil(r);
    };
  }

  // ---- board socket frames ----

  /** A socket that records every text message and how it was closed. */
  private static final class Frames implements java.net.http.WebSocket.Listener {
    final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        texts.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
      closed.complete(code);
      return null;
    }

    @Override
    public void onError(java.net.http.WebSocket ws, Throwable error) {
      closed.complete(1006);
    }
  }

  private java.net.http.WebSocket open(long fairId, String token, Frames listener) {
    return http.newWebSocketBuilder()
        .header("Authorization", "Bearer " + token)
        .buildAsync(
            URI.create(
                "ws://" + base.getHost() + ":" + base.getPort() + "/ws/fairs/" + fairId + "/board"),
            listener)
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  /**
   * Sends hostile frames on board sockets: each is answered by a message the client knows, or the
   * socket is closed with a code that says why (1002, 1003, 1007, 1008, 1009); never a dropped
   * connection (1006) or an internal error (1011). A closed socket is reopened.
   */
  private int boardFrames(Hall hall, List<String> failures) throws Exception {
    Random r = new Random(SEED * 7_919L);
    Frames listener = new Frames();
    java.net.http.WebSocket ws = open(hall.fair.id(), hall.participant.token(), listener);
    int frames = 0;
    for (int i = 0; i < FRAMES; i++) {
      String frame = frame(r);
      boolean binary = r.nextInt(15) == 0;
      try {
        if (binary) {
          ws.sendBinary(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), true)
              .get(10, TimeUnit.SECONDS);
        } else if (r.nextInt(15) == 0 && frame.length() > 2) {
          int half = frame.length() / 2;
          ws.sendText(frame.substring(0, half), false).get(10, TimeUnit.SECONDS);
          ws.sendText(frame.substring(half), true).get(10, TimeUnit.SECONDS);
        } else {
          ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }
      } catch (Exception e) {
        // The server closed it already; the close code is judged below.
      }
      frames++;
      String reply = listener.texts.poll(10, TimeUnit.SECONDS);
      String show =
          "seed "
              + SEED
              + ", frame "
              + i
              + " ("
              + (binary ? "binary" : "text")
              + "): "
              + abbreviate(frame);
      if (reply != null) {
        JsonNode m = JSON.readTree(reply);
        String type = m.path("type").asText();
        if (!List.of("error", "pong", "caughtUp", "snapshot", "event", "events").contains(type)) {
          failures.add(show + " → untyped reply " + abbreviate(reply));
        }
        if (type.equals("error") && m.path("code").asText().equals("ERROR")) {
          failures.add(show + " → generic error " + reply);
        }
      }
      if (reply == null || listener.closed.isDone() || r.nextInt(50) == 0) {
        Integer code = null;
        try {
          code = listener.closed.get(reply == null ? 10 : 1, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          if (reply == null) {
            failures.add(show + " → no answer and not closed within 10 s");
          }
        }
        if (code != null && !List.of(1000, 1002, 1003, 1007, 1008, 1009).contains(code)) {
          failures.add(show + " → closed " + code);
        }
        if (code != null || reply == null) {
          ws.abort();
          listener = new Frames();
          ws = open(hall.fair.id(), hall.participant.token(), listener);
        }
      }
      // Drain what the frame caused beyond its first answer (a resume's events).
      while (listener.texts.poll() != null) {
        // nothing to judge: events of the fair
      }
    }
    ws.abort();
    return frames;
  }

  private static String frame(Random r) {
    return switch (r.nextInt(12)) {
      case 0 -> "{\"type\":\"ping\"}";
      case 1 ->
          "{\"type\":\"resume\",\"epoch\":"
              + pick(r, "null", "1", "-1", "\"x\"", "1e999")
              + ",\"after\":"
              + pick(r, "0", "-5", "9223372036854775807", "\"a\"", "[]", "1.5")
              + "}";
      case 2 -> "x".repeat(4000 + r.nextInt(70_000));
      case 3 -> "[".repeat(2000) + "]".repeat(2000);
      case 4 -> "{\"type\":" + pick(r, "1", "null", "[]", "{}", "\"\\u0000\"") + "}";
      case 5 -> evil(r);
      case 6 -> "{\"type\":\"" + evil(r).replace("\"", "").replace("\\", "") + "\"}";
      case 7 -> "{\"type\":\"resume\"}{\"type\":\"ping\"}";
      case 8 -> "";
      case 9 -> "{\"type\":\"ping\",\"x\":\"" + "y".repeat(r.nextInt(5000)) + "\"}";
      default -> "{\"type\":\"resume\",\"epoch\":null,\"after\":" + r.nextInt(100) + "}";
    };
  }
}
