package pl.gielda.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A phone that stops reading: its writes never complete, so the server would keep every message for
 * it forever. On loopback the kernel's socket buffers take megabytes before the server's own queue
 * even starts to grow (see BENCHMARKS.md, slow clients), far more than a test can post, so the cap
 * is checked here on the subscriber itself, with a connection whose writes stay pending exactly as
 * a full TCP window keeps them.
 */
class SlowReaderTest {

  /** A connection whose writes complete at once (a reader) or never (a phone that stopped). */
  private static final class FakeConnection {
    final List<String> sent = new ArrayList<>();
    final List<CloseReason> closes = new ArrayList<>();
    final WebSocketConnection connection;

    FakeConnection(boolean reads) {
      connection =
          (WebSocketConnection)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {WebSocketConnection.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "sendText" -> {
                          sent.add((String) args[0]);
                          yield reads
                              ? Uni.createFrom().voidItem()
                              : Uni.createFrom().emitter(e -> {});
                        }
                        case "close" -> {
                          closes.add(args == null ? CloseReason.NORMAL : (CloseReason) args[0]);
                          yield Uni.createFrom().voidItem();
                        }
                        case "toString" -> "fake connection";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                      });
    }
  }

  @Test
  void aPhoneThatStopsReadingIsClosedTooSlowOnceItsQueueIsFullAndGetsNothingMore() {
    FakeConnection phone = new FakeConnection(false);
    BoardSubscriber s = new BoardSubscriber(phone.connection, null, 1, null, 8);

    List<Boolean> accepted = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      accepted.add(s.send("{\"type\":\"event\",\"seq\":" + i + "}"));
    }

    assertThat(accepted.subList(0, 8)).containsOnly(true);
    assertThat(accepted.subList(8, 20)).containsOnly(false);
    assertThat(phone.sent).hasSize(8);
    assertThat(phone.closes).hasSize(1);
    assertThat(phone.closes.get(0).getCode()).isEqualTo(1013);
    assertThat(s.closed).isTrue();
  }

  @Test
  void aPhoneThatReadsIsNeverCutOffHoweverManyMessagesItGets() {
    FakeConnection phone = new FakeConnection(true);
    BoardSubscriber s = new BoardSubscriber(phone.connection, null, 1, null, 8);

    for (int i = 0; i < 1000; i++) {
      assertThat(s.send("{\"type\":\"event\",\"seq\":" + i + "}")).isTrue();
    }

    assertThat(phone.sent).hasSize(1000);
    assertThat(phone.closes).isEmpty();
    assertThat(s.pending()).isZero();
  }
}
