package pl.gielda.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

/**
 * What an open board connection keeps on the server (issue 13: 19,000 connections per instance).
 * The upgrade request's lazy identity and every copy of the token are dropped once the connection
 * is open, and the connection still works: authenticated messages, replies and live events.
 */
@QuarkusTest
class BoardConnectionFootprintTest {

  @TestHTTPResource("/")
  URI base;

  @Inject OpenConnections connections;

  private WebSocketConnection serverSide(long fairId) {
    List<WebSocketConnection> mine =
        connections.stream().filter(c -> c.pathParam("fairId").equals("" + fairId)).toList();
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }

  @Inject BoardHub hub;

  @Test
  void manyConnectionsHeldAcrossManyBroadcastsGetEveryEventOnceAndLeaveNothingBehind() {
    // bench/hold.sh at test size: 40 trimmed connections, 25 broadcasts, every event once, in
    // order.
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    List<BoardClient> phones =
        java.util.stream.IntStream.range(0, 40)
            .mapToObj(i -> BoardClient.connect(base, fair.id(), person.token(), i % 2 == 0))
            .toList();
    try {
      phones.forEach(p -> p.resume(null, 0));
      long seq = phones.get(0).awaitType("snapshot").get("seq").asLong();
      for (BoardClient p : phones.subList(1, phones.size())) {
        assertThat(p.awaitType("snapshot").get("seq").asLong()).isEqualTo(seq);
      }
      phones.forEach(p -> p.awaitType("caughtUp"));
      assertThat(hub.connections(fair.id())).isEqualTo(40);
      int posts = 25;
      for (int i = 0; i < posts; i++) {
        Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala " + i));
      }
      List<Long> expected =
          java.util.stream.LongStream.rangeClosed(seq + 1, seq + posts).boxed().toList();
      for (BoardClient p : phones) {
        List<Long> got =
            java.util.stream.IntStream.range(0, posts)
                .mapToObj(i -> p.awaitType("event").get("seq").asLong())
                .toList();
        assertThat(got).isEqualTo(expected);
        assertThat(p.closeCode).isNotDone();
      }
    } finally {
      phones.forEach(BoardClient::close);
    }
    // Closed connections leave the fair's channel: nothing per connection stays behind.
    org.awaitility.Awaitility.await().until(() -> hub.connections(fair.id()) == 0);
  }

  @Test
  void eachConnectionsInboundQueueStartsSmall() {
    // websockets-next sizes every connection's callback queue with Mutiny's small buffer size.
    assertThat(io.smallrye.mutiny.infrastructure.Infrastructure.getBufferSizeS()).isEqualTo(16);
  }

  @Test
  void anOpenBoardKeepsNeitherTheTokenNorTheLazyIdentityAndStillWorks() {
    // If a websockets-next upgrade hides these internals, boards still work but every connection
    // keeps its token three times and the lazy identity's pipeline: this test says so.
    assertThat(UpgradeLeftovers.available()).isTrue();
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    for (boolean asBrowser : List.of(true, false)) {
      try (BoardClient board = BoardClient.connect(base, fair.id(), person.token(), asBrowser)) {
        long seq = board.resume(null, 0).awaitType("snapshot").get("seq").asLong();
        board.awaitType("caughtUp");

        WebSocketConnection connection = serverSide(fair.id());
        RoutingContext upgrade = UpgradeLeftovers.routingContext(connection);
        assertThat(upgrade).isNotNull();
        assertThat(upgrade.data()).doesNotContainKey(UpgradeLeftovers.DEFERRED_IDENTITY).isEmpty();
        assertThat(upgrade.request().headers().contains("Authorization")).isFalse();
        assertThat(upgrade.request().headers().contains("Sec-WebSocket-Protocol")).isFalse();
        assertThat(connection.handshakeRequest().headers())
            .doesNotContainKeys("authorization", "sec-websocket-protocol")
            .containsKey("host");
        // The identity is the same caller, without the token behind it.
        var identity = UpgradeLeftovers.identity(connection);
        assertThat(identity.isAnonymous()).isFalse();
        assertThat(identity.getPrincipal())
            .isNotInstanceOf(org.eclipse.microprofile.jwt.JsonWebToken.class);
        assertThat(identity.getPrincipal().getName()).isEqualTo("P:" + person.id());
        assertThat(identity.getRoles()).contains("participant");
        assertThat(upgrade.user()).isNull();
        for (String value :
            connection.handshakeRequest().headers().values().stream()
                .flatMap(List::stream)
                .toList()) {
          assertThat(value).doesNotContain(person.token());
        }

        // Still the same authenticated connection: messages are answered, events arrive.
        board.send("{\"type\":\"ping\"}");
        board.awaitType("pong");
        Fixtures.createPost(
            fair.id(), person.token(), Fixtures.offer("Po odchudzeniu " + asBrowser));
        JsonNode event = board.awaitType("event");
        assertThat(event.get("seq").asLong()).isEqualTo(seq + 1);
        assertThat(event.at("/event/post/title").asText()).isEqualTo("Po odchudzeniu " + asBrowser);
      }
      // The closed connection leaves the server before the next round looks for its own.
      org.awaitility.Awaitility.await()
          .until(
              () ->
                  connections.stream()
                      .noneMatch(c -> c.pathParam("fairId").equals("" + fair.id())));
    }
  }
}
