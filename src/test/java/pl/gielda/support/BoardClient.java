package pl.gielda.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client (the JDK's) for the board, recording every message it gets. */
public final class BoardClient implements WebSocket.Listener, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  public final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private WebSocket socket;

  public static BoardClient connect(URI base, long fairId, String token) {
    return connect(base, fairId, token, false);
  }

  /** With {@code asBrowser} the token travels as a subprotocol, as browsers must send it. */
  public static BoardClient connect(URI base, long fairId, String token, boolean asBrowser) {
    BoardClient client = new BoardClient();
    var builder =
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (token != null && asBrowser) {
      builder.subprotocols(
          "bearer-token-carrier",
          URLEncoder.encode(
                  "quarkus-http-upgrade#Authorization#Bearer " + token, StandardCharsets.UTF_8)
              .replace("+", "%20"));
    } else if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    URI uri =
        URI.create(
            "ws://" + base.getHost() + ":" + base.getPort() + "/ws/fairs/" + fairId + "/board");
    client.socket = builder.buildAsync(uri, client).orTimeout(10, TimeUnit.SECONDS).join();
    return client;
  }

  public BoardClient send(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  public BoardClient resume(Integer epoch, long after) {
    return send("{\"type\":\"resume\",\"epoch\":" + epoch + ",\"after\":" + after + "}");
  }

  /** A resume as the web client sends it: missed events may come as one "events" message. */
  public BoardClient resumeBatched(Integer epoch, long after) {
    return send(
        "{\"type\":\"resume\",\"epoch\":" + epoch + ",\"after\":" + after + ",\"batch\":true}");
  }

  /** Waits (bounded) for the next message that matches; earlier non-matching ones are dropped. */
  public JsonNode await(Predicate<JsonNode> matching) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try {
      while (System.nanoTime() < deadline) {
        JsonNode next = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (next != null && matching.test(next)) {
          return next;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("No matching board message within 10 s");
  }

  public JsonNode awaitType(String type) {
    return await(m -> type.equals(m.path("type").asText()));
  }

  /** Collects every event until a caughtUp message arrives. */
  public List<JsonNode> eventsUntilCaughtUp() {
    List<JsonNode> events = new ArrayList<>();
    while (true) {
      JsonNode m = await(x -> true);
      if (m.path("type").asText().equals("caughtUp")) {
        return events;
      }
      if (m.path("type").asText().equals("event")) {
        events.add(m);
      }
      if (m.path("type").asText().equals("events")) {
        m.path("events").forEach(events::add);
      }
    }
  }

  public void drop() {
    socket.abort();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        inbox.add(JSON.readTree(partial.toString()));
      } catch (Exception e) {
        inbox.add(JSON.createObjectNode().put("type", "unparseable"));
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeCode.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closeCode.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }
}
