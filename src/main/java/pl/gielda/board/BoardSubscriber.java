package pl.gielda.board;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;
import java.util.concurrent.atomic.AtomicInteger;

/** One board connection: what it has been sent and how much is still unsent. */
final class BoardSubscriber {

  static final int TOO_SLOW = 1013;

  final WebSocketConnection connection;
  final long fairId;

  /**
   * The event loop the connection lives on, or null: a broadcast hands each loop one task that
   * writes to all of its connections, instead of one cross-thread task per connection.
   */
  final EventLoop loop;

  /** The Vert.x socket underneath, for broadcasts encoded once; null: use sendText. */
  private final WebSocketBase raw;

  /** The entity a person represents (null for screens and organisers): targeted messages. */
  final Long entityId;

  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  /**
   * Inbound messages a connection may send: a burst of {@link #INBOUND_BURST}, refilled at {@link
   * #INBOUND_PER_SECOND} a second. The web client sends a resume per connect and a ping per 10 s of
   * silence; a client far above that is a bug or an attack (each resume may read the log). Touched
   * only on the connection's own event loop.
   */
  static final int INBOUND_BURST = 30;

  static final int INBOUND_PER_SECOND = 5;
  private double inboundTokens = INBOUND_BURST;
  private long inboundCheckedAt = System.nanoTime();

  /** Highest sequence number sent; only touched on the fair channel's context. */
  long lastSent = -1;

  boolean live;

  /** It takes missed events as one {@code events} message (it said so on resume). */
  boolean batch;

  volatile boolean closed;

  /** When the phone last answered a ping (System.nanoTime); set on the connection's loop. */
  private volatile long heardAt = System.nanoTime();

  BoardSubscriber(
      WebSocketConnection connection, EventLoop loop, long fairId, Long entityId, int maxPending) {
    this.connection = connection;
    this.loop = loop;
    this.raw = RawSocket.of(connection);
    this.fairId = fairId;
    this.entityId = entityId;
    this.maxPending = maxPending;
  }

  /**
   * Queues a message. A phone that stops reading would grow the server's memory without bound, so
   * past the limit it is closed with a reason; it resumes later from its last number.
   */
  boolean send(String text) {
    if (!admit()) {
      return false;
    }
    connection
        .sendText(text)
        .subscribe()
        .with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    return true;
  }

  /** Queues a broadcast message already encoded once for every connection ({@link RawSocket}). */
  boolean send(String text, ByteBuf encoded) {
    if (raw == null) {
      return send(text);
    }
    if (!admit()) {
      return false;
    }
    RawSocket.write(raw, encoded).onComplete(x -> pending.decrementAndGet());
    return true;
  }

  private boolean admit() {
    if (closed) {
      return false;
    }
    if (pending.incrementAndGet() > maxPending) {
      closed = true;
      connection
          .close(new CloseReason(TOO_SLOW, "too slow; reconnect and resume"))
          .subscribe()
          .with(x -> {}, x -> {});
      return false;
    }
    return true;
  }

  /** It answered a ping: it reads what it is sent. */
  void heard() {
    heardAt = System.nanoTime();
  }

  /**
   * Closes it as too slow if it has answered no ping for {@code limitNanos}: a phone that stopped
   * reading cannot answer, however much the kernel still buffers for it. True: it was cut off.
   */
  boolean cutOffIfSilent(long now, long limitNanos) {
    if (closed || now - heardAt <= limitNanos) {
      return false;
    }
    closed = true;
    connection
        .close(new CloseReason(TOO_SLOW, "not reading; reconnect and resume"))
        .subscribe()
        .with(x -> {}, x -> {});
    return true;
  }

  /** Takes one inbound message from the connection's allowance; false: it sends too fast. */
  boolean admitInbound() {
    long now = System.nanoTime();
    inboundTokens =
        Math.min(
            INBOUND_BURST, inboundTokens + (now - inboundCheckedAt) * INBOUND_PER_SECOND / 1e9);
    inboundCheckedAt = now;
    if (inboundTokens < 1) {
      return false;
    }
    inboundTokens--;
    return true;
  }

  int pending() {
    return pending.get();
  }
}
