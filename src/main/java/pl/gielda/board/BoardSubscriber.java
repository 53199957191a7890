package pl.gielda.board;

import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
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

  /** The entity a person represents (null for screens and organisers): targeted messages. */
  final Long entityId;

  private final int maxPending;
  private final AtomicInteger pending = new AtomicInteger();

  /** Highest sequence number sent; only touched on the fair channel's context. */
  long lastSent = -1;

  boolean live;
  volatile boolean closed;

  BoardSubscriber(
      WebSocketConnection connection, EventLoop loop, long fairId, Long entityId, int maxPending) {
    this.connection = connection;
    this.loop = loop;
    this.fairId = fairId;
    this.entityId = entityId;
    this.maxPending = maxPending;
  }

  /**
   * Queues a message. A phone that stops reading would grow the server's memory without bound, so
   * past the limit it is closed with a reason; it resumes later from its last number.
   */
  boolean send(String text) {
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
    connection
        .sendText(text)
        .subscribe()
        .with(ok -> pending.decrementAndGet(), failure -> pending.decrementAndGet());
    return true;
  }

  int pending() {
    return pending.get();
  }
}
