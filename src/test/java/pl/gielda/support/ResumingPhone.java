package pl.gielda.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A phone on the board socket that does what the web client does when its connection dies:
 * reconnect (with a short back-off) and resume from the last event number it holds. It counts what
 * a person would notice: gaps, duplicates, snapshots it had to reload, and how long it was behind.
 */
public final class ResumingPhone implements WebSocket.Listener, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ScheduledExecutorService RETRIES =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "phone-reconnect");
            t.setDaemon(true);
            return t;
          });
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final URI socketUri;
  private final String token;
  private final StringBuilder partial = new StringBuilder();

  private volatile WebSocket socket;
  private volatile boolean stopped;
  private Integer epoch;
  private long last = -1;
  private final List<Long> events = new ArrayList<>();
  private int gaps;
  private int duplicates;
  private int snapshots;
  private int disconnects;
  private long disconnectedAtNanos;
  private long longestCatchUpNanos;

  private ResumingPhone(URI base, long fairId, String token) {
    this.socketUri =
        URI.create(
            "ws://" + base.getHost() + ":" + base.getPort() + "/ws/fairs/" + fairId + "/board");
    this.token = token;
  }

  /** Connects and asks for the board from the start (a snapshot, then live events). */
  public static ResumingPhone open(URI base, long fairId, String token) {
    ResumingPhone phone = new ResumingPhone(base, fairId, token);
    phone.connect();
    return phone;
  }

  private void connect() {
    if (stopped) {
      return;
    }
    HTTP.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(3))
        .header("Authorization", "Bearer " + token)
        .buildAsync(socketUri, this)
        .whenComplete(
            (ws, failure) -> {
              if (failure != null) {
                RETRIES.schedule(this::connect, 250, TimeUnit.MILLISECONDS);
                return;
              }
              socket = ws;
              String resume;
              synchronized (this) {
                resume =
                    "{\"type\":\"resume\",\"epoch\":"
                        + epoch
                        + ",\"after\":"
                        + Math.max(0, last)
                        + "}";
              }
              ws.sendText(resume, true);
            });
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
    partial.append(data);
    if (lastPart) {
      String text = partial.toString();
      partial.setLength(0);
      try {
        onMessage(JSON.readTree(text));
      } catch (Exception e) {
        synchronized (this) {
          gaps++; // an unreadable message is as bad as a missing one
        }
      }
    }
    webSocket.request(1);
    return null;
  }

  private synchronized void onMessage(JsonNode m) {
    switch (m.path("type").asText()) {
      case "snapshot" -> {
        if (last >= 0) {
          snapshots++; // had to reload the whole board instead of resuming
        }
        epoch = m.get("epoch").asInt();
        last = m.get("seq").asLong();
      }
      case "event" -> {
        long seq = m.get("seq").asLong();
        if (seq <= last) {
          duplicates++;
        } else {
          if (seq != last + 1) {
            gaps++;
          }
          last = seq;
          events.add(seq);
        }
      }
      case "caughtUp" -> {
        if (disconnectedAtNanos != 0) {
          longestCatchUpNanos =
              Math.max(longestCatchUpNanos, System.nanoTime() - disconnectedAtNanos);
          disconnectedAtNanos = 0;
        }
      }
      default -> {}
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    lost(webSocket);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    lost(webSocket);
  }

  private void lost(WebSocket webSocket) {
    if (stopped || webSocket != socket) {
      return;
    }
    synchronized (this) {
      disconnects++;
      if (disconnectedAtNanos == 0) {
        disconnectedAtNanos = System.nanoTime();
      }
    }
    RETRIES.schedule(this::connect, 250, TimeUnit.MILLISECONDS);
  }

  public synchronized long last() {
    return last;
  }

  public synchronized int gaps() {
    return gaps;
  }

  public synchronized int duplicates() {
    return duplicates;
  }

  public synchronized int snapshotsAfterStart() {
    return snapshots;
  }

  public synchronized int disconnects() {
    return disconnects;
  }

  public synchronized boolean connectedAndCaughtUp() {
    return disconnectedAtNanos == 0;
  }

  /** The longest time from losing the connection to being caught up again, in milliseconds. */
  public synchronized long longestCatchUpMillis() {
    return TimeUnit.NANOSECONDS.toMillis(longestCatchUpNanos);
  }

  public synchronized List<Long> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    stopped = true;
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }
}
