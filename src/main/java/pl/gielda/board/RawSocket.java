package pl.gielda.board;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Future;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Writes one board message's bytes to many connections without encoding it again for each.
 *
 * <p>websockets-next sends a {@code String}: Vert.x encodes it to UTF-8 for every connection and
 * wraps every send in a Mutiny {@code Uni}. At ten thousand connections that is ten thousand copies
 * and as many wrappers per event. Here the message is encoded once ({@link #encode}) and every
 * connection gets a frame over a view of the same bytes, written on the Vert.x socket underneath
 * the websockets-next connection. That socket is not public API; when it cannot be reached (another
 * websockets-next version) {@link #of} answers null and the board falls back to {@code sendText}.
 */
final class RawSocket {

  private static final Logger LOG = Logger.getLogger(RawSocket.class);
  private static final MethodHandle WEB_SOCKET = lookup();

  private RawSocket() {}

  private static MethodHandle lookup() {
    try {
      Class<?> base = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase");
      var method = base.getDeclaredMethod("webSocket");
      method.setAccessible(true);
      return MethodHandles.lookup()
          .unreflect(method)
          .asType(MethodType.methodType(WebSocketBase.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.infof("Board messages go through websockets-next sendText (%s)", e.toString());
      return null;
    }
  }

  /** Whether broadcasts are written encoded once (a test keeps it so across upgrades). */
  static boolean available() {
    return WEB_SOCKET != null;
  }

  /** The Vert.x socket under a connection, or null. */
  static WebSocketBase of(WebSocketConnection connection) {
    if (WEB_SOCKET == null) {
      return null;
    }
    try {
      return (WebSocketBase) WEB_SOCKET.invoke((Object) connection);
    } catch (Throwable e) {
      return null;
    }
  }

  /** A message's UTF-8 bytes, shared (read-only views) by all its frames; never released. */
  static ByteBuf encode(String text) {
    return Unpooled.unreleasableBuffer(
        Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** One text frame of the shared bytes, written on the socket's own event loop or queued to it. */
  static Future<Void> write(WebSocketBase socket, ByteBuf bytes) {
    return socket.writeFrame(
        new WebSocketFrameImpl(WebSocketFrameType.TEXT, bytes.duplicate(), true));
  }
}
