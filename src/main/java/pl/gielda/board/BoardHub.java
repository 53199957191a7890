package pl.gielda.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import pl.gielda.auth.BadgeCache;
import pl.gielda.common.config.GieldaConfig;

/**
 * The live boards of this instance. PostgreSQL NOTIFY (sent by the log's append function at commit)
 * wakes the fair's channel, which then reads the log. NOTIFY is lost while the listener is
 * disconnected, so a reconnect and a periodic check of the log heads catch up anything missed:
 * another instance's changes reach our clients either way.
 */
@ApplicationScoped
public class BoardHub {

  private static final Logger LOG = Logger.getLogger(BoardHub.class);

  private final Vertx vertx;
  private final Pool pool;
  private final ObjectMapper json;
  private final GieldaConfig config;
  private final BadgeCache badges;
  private final String reactiveUrl;
  private final java.util.Optional<String> user;
  private final java.util.Optional<String> password;
  private final Map<Long, FairChannel> channels = new ConcurrentHashMap<>();
  private final Map<Long, Uni<FairChannel>> ready = new ConcurrentHashMap<>();
  private final List<java.util.function.LongFunction<Uni<?>>> advanceListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private Context context;
  private PgSubscriber subscriber;
  // Closing the LISTEN connection on purpose is not losing it.
  private volatile boolean stopping;
  private io.micrometer.core.instrument.Counter silentCutOff;

  BoardHub(
      BadgeCache badges,
      Vertx vertx,
      Pool pool,
      ObjectMapper json,
      GieldaConfig config,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
      @ConfigProperty(name = "quarkus.datasource.username") java.util.Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password) {
    this.badges = badges;
    this.user = user;
    this.password = password;
    this.vertx = vertx;
    this.pool = pool;
    this.json = json;
    this.config = config;
    this.reactiveUrl = reactiveUrl;
  }

  /**
   * Mutiny's "small" buffer size, 256 by default. websockets-next gives every connection a queue of
   * its inbound callbacks ({@code ConcurrencyLimiter}) whose first chunk has this many slots: about
   * 1 KiB per connection, for a queue that holds one or two messages. 16 is Mutiny's minimum; the
   * few {@code Multi} pipelines of this app (roster import, chain export) only see smaller prefetch
   * batches. An explicit -Dmutiny.buffer-size.s wins.
   */
  static final String MUTINY_BUFFER_SIZE = "mutiny.buffer-size.s";

  static {
    if (System.getProperty(MUTINY_BUFFER_SIZE) == null) {
      System.setProperty(MUTINY_BUFFER_SIZE, "16");
    }
  }

  void start(@Observes StartupEvent event, MeterRegistry metrics) {
    // A context of its own: every channel's state is changed only on it.
    context = vertx.getOrCreateContext();
    metrics.gauge(
        "gielda.board.connections",
        channels,
        all -> all.values().stream().mapToInt(FairChannel::connections).sum());
    silentCutOff =
        io.micrometer.core.instrument.Counter.builder("gielda.board.silent.closed")
            .description("Board connections closed 1013 for answering no ping (not reading)")
            .register(metrics);
    listen();
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    if (subscriber != null) {
      subscriber.reconnectPolicy(retries -> -1L);
      subscriber.close();
    }
  }

  private void listen() {
    PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl);
    user.ifPresent(options::setUser);
    password.ifPresent(options::setPassword);
    options.setMetricsName("postgresql|board-listen");
    subscriber = PgSubscriber.subscriber(vertx, options);
    subscriber.reconnectPolicy(retries -> retries < 1_000_000 ? 1000L : -1L);
    subscriber.channel("fair_events").handler(this::onNotify).subscribeHandler(v -> wakeAll());
    subscriber.closeHandler(
        v -> {
          if (!stopping) {
            LOG.warn("Lost the LISTEN connection; reconnecting");
          }
        });
    subscriber
        .connect()
        .onComplete(
            ar -> {
              if (ar.failed()) {
                LOG.warn("Could not LISTEN for board events; falling back to polling", ar.cause());
              }
            });
  }

  private void onNotify(String payload) {
    int colon = payload.indexOf(':');
    if (colon < 0) {
      return;
    }
    try {
      FairChannel channel = channels.get(Long.parseLong(payload.substring(0, colon)));
      if (channel != null) {
        channel.wake();
      }
    } catch (NumberFormatException e) {
      LOG.debugf("Ignoring notification %s", payload);
    }
  }

  private void wakeAll() {
    channels.values().forEach(FairChannel::wake);
  }

  /** Safety net for lost notifications: compare log heads with what each channel dispatched. */
  @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> poll() {
    if (channels.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Long> ids = new ArrayList<>(channels.keySet());
    return pool.preparedQuery("select fair_id, last_seq from fair_log_head where fair_id = any($1)")
        .execute(Tuple.of(ids.toArray(new Long[0])))
        .invoke(
            rows -> {
              for (Row r : rows) {
                FairChannel c = channels.get(r.getLong("fair_id"));
                if (c != null && r.getLong("last_seq") > c.dispatched()) {
                  c.wake();
                }
              }
            })
        .replaceWithVoid()
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Closes (1013) the connections that answered no ping within the silence limit: a phone that
   * stopped reading. Its unsent messages would otherwise wait until the kernel's buffers for it are
   * full — megabytes on a fast link — before the per-connection cap even starts counting.
   */
  @Scheduled(
      every = "${gielda.board.silence-check:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void cutOffSilent() {
    long limit = config.board().silenceLimit().toNanos();
    channels.values().forEach(c -> c.cutOffSilent(limit, n -> silentCutOff.increment(n)));
  }

  Uni<FairChannel> channel(long fairId) {
    return ready.computeIfAbsent(
        fairId,
        id -> {
          FairChannel c =
              new FairChannel(
                  id, context, pool, json, config.board().replayWindow(), this::advanced, badges);
          return c.init()
              .call(() -> advanceListeners.isEmpty() ? Uni.createFrom().voidItem() : opened(id))
              .invoke(
                  () -> {
                    channels.put(id, c);
                    badges.follow(id);
                  })
              .replaceWith(c)
              .memoize()
              .until(() -> false)
              .onFailure()
              .invoke(() -> ready.remove(id));
        });
  }

  BoardSubscriber subscriber(
      io.quarkus.websockets.next.WebSocketConnection connection,
      Context loop,
      long fairId,
      Long entityId) {
    return new BoardSubscriber(
        connection,
        loop instanceof io.vertx.core.impl.ContextInternal c && loop.isEventLoopContext()
            ? c.nettyEventLoop()
            : null,
        fairId,
        entityId,
        config.board().maxPendingPerConnection());
  }

  /**
   * The last log number this instance has dispatched for a fair, or -1 when no board of the fair is
   * open here (then this instance does not follow the fair's log).
   */
  public long dispatchedHead(long fairId) {
    FairChannel c = channels.get(fairId);
    return c == null ? -1 : c.dispatched();
  }

  /**
   * Other features that keep a view of the log (matching) register here; they are told when a
   * fair's log advanced on this instance and read the new events themselves.
   */
  public void onAdvance(java.util.function.LongFunction<Uni<?>> listener) {
    advanceListeners.add(listener);
  }

  private void advanced(long fairId) {
    advanceListeners.forEach(
        l -> l.apply(fairId).subscribe().with(x -> {}, f -> LOG.warn("Log listener failed", f)));
  }

  /** A new channel waits for the listeners' views, so they see every event after it opens. */
  private Uni<Void> opened(long fairId) {
    return Uni.join()
        .all(advanceListeners.stream().map(l -> l.apply(fairId).replaceWithVoid()).toList())
        .andFailFast()
        .replaceWithVoid();
  }

  /**
   * Sends a message, encoded once, to the live board connections of one entity's people on this
   * instance. Every instance reads the same log, so each notifies its own connections.
   */
  public void sendToEntity(long fairId, long entityId, String text) {
    FairChannel c = channels.get(fairId);
    if (c != null) {
      c.sendToEntity(entityId, text);
    }
  }

  /** For metrics and tests: open board connections of a fair on this instance. */
  public int connections(long fairId) {
    FairChannel c = channels.get(fairId);
    return c == null ? 0 : c.connections();
  }
}
