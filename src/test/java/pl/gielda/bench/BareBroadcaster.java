package pl.gielda.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Baseline for the live-board load benchmark: a bare Vert.x WebSocket broadcaster with none of the
 * application around it (no Quarkus, no security, no database).
 *
 * <ul>
 *   <li>{@code GET ws://127.0.0.1:PORT/ws} accepts a WebSocket (compression off; the subprotocol
 *       "bearer-token-carrier" is accepted so the load client's auth path can be exercised). A text
 *       message containing "resume" is answered with {@code {"type":"snapshot","seq":N}}.
 *   <li>{@code POST /post} takes the next seq, encodes {@code {"seq":n,"t":ms,"pad":"…"}} once and
 *       writes it to every open socket, then answers {@code {"seq":n,"clients":k}}. The padding
 *       makes the message as long as the app's board event (third argument, in bytes), so that both
 *       servers — and the load client — move the same bytes.
 *   <li>{@code GET /stats} answers {@code {"seq":n,"clients":k}}.
 * </ul>
 *
 * <p>Usage: {@code java -cp <test classpath> pl.gielda.bench.BareBroadcaster [port] [eventLoops]};
 * see bench/README.md. Listens on 127.0.0.1 only. Not a test.
 */
public final class BareBroadcaster extends AbstractVerticle {

  private static final Set<ServerWebSocket> SOCKETS = ConcurrentHashMap.newKeySet();
  private static final AtomicLong SEQ = new AtomicLong();
  private static volatile int messageBytes;

  private final int port;

  private BareBroadcaster(int port) {
    this.port = port;
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
    int eventLoops =
        args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    messageBytes = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
    // One server instance per event loop, as Quarkus does; Vert.x shares the listening socket.
    vertx
        .deployVerticle(
            () -> new BareBroadcaster(port), new DeploymentOptions().setInstances(eventLoops))
        .onSuccess(
            id ->
                System.out.printf(
                    "BareBroadcaster listening on 127.0.0.1:%d (%d event loops), pid %d%n",
                    port, eventLoops, ProcessHandle.current().pid()))
        .onFailure(
            e -> {
              e.printStackTrace();
              vertx.close();
            });
  }

  @Override
  public void start(Promise<Void> started) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setAcceptBacklog(8192)
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            .setWebSocketSubProtocols(List.of("bearer-token-carrier"));
    vertx
        .createHttpServer(options)
        .webSocketHandler(this::onWebSocket)
        .requestHandler(
            req -> {
              if (req.method() == HttpMethod.POST && req.path().equals("/post")) {
                req.end().onComplete(x -> {}); // discard any body
                long seq = broadcast();
                req.response()
                    .putHeader("content-type", "application/json")
                    .end("{\"seq\":" + seq + ",\"clients\":" + SOCKETS.size() + "}");
              } else if (req.method() == HttpMethod.GET && req.path().equals("/stats")) {
                req.response()
                    .putHeader("content-type", "application/json")
                    .end("{\"seq\":" + SEQ.get() + ",\"clients\":" + SOCKETS.size() + "}");
              } else {
                req.response().setStatusCode(404).end();
              }
            })
        .listen()
        .<Void>mapEmpty()
        .onComplete(started);
  }

  private void onWebSocket(ServerWebSocket ws) {
    if (!ws.path().equals("/ws")) {
      ws.reject(404);
      return;
    }
    SOCKETS.add(ws);
    ws.closeHandler(v -> SOCKETS.remove(ws));
    ws.exceptionHandler(e -> SOCKETS.remove(ws));
    ws.textMessageHandler(
        text -> {
          if (text.contains("resume")) {
            ws.writeTextMessage("{\"type\":\"snapshot\",\"seq\":" + SEQ.get() + "}");
          }
        });
  }

  /** Encodes the message once and writes it to every socket; returns its seq. */
  private static synchronized long broadcast() {
    long seq = SEQ.incrementAndGet();
    String head = "{\"seq\":" + seq + ",\"t\":" + System.currentTimeMillis();
    int pad = messageBytes - head.length() - 10;
    String message = pad > 0 ? head + ",\"pad\":\"" + "x".repeat(pad) + "\"}" : head + "}";
    for (ServerWebSocket ws : SOCKETS) {
      ws.writeTextMessage(
          message); // thread-safe: Vert.x hands the write to the socket's event loop
    }
    return seq;
  }
}
