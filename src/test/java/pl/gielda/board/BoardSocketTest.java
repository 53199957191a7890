package pl.gielda.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pl.gielda.support.Fixtures.as;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.BoardClient;
import pl.gielda.support.Fixtures;

@QuarkusTest
class BoardSocketTest {

  @TestHTTPResource("/")
  URI base;

  private static List<Long> seqs(List<JsonNode> events) {
    return events.stream().map(e -> e.get("seq").asLong()).toList();
  }

  @Test
  void newClientGetsASnapshotThenLiveEventsWithTheNextNumber() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala przed"));
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      JsonNode snapshot = board.resume(null, 0).awaitType("snapshot");
      assertThat(snapshot.get("posts")).hasSize(1);
      assertThat(snapshot.at("/counters/offers").asLong()).isEqualTo(1);
      long seq = snapshot.get("seq").asLong();
      board.awaitType("caughtUp");

      long before = System.currentTimeMillis();
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala na żywo"));
      long after = System.currentTimeMillis();
      JsonNode event = board.awaitType("event");
      assertThat(event.get("seq").asLong()).isEqualTo(seq + 1);
      // When it was committed, by the database's clock (the same machine's here).
      assertThat(event.get("at").asLong()).isBetween(before - 1000, after + 1000);
      assertThat(event.at("/event/kind").asText()).isEqualTo("post.created");
      assertThat(event.at("/event/post/title").asText()).isEqualTo("Sala na żywo");
    }
  }

  @Test
  void broadcastsAreEncodedOnceAndWrittenOnTheSocketUnderEachConnection() {
    // If an upgrade of websockets-next hides the socket, boards still work through sendText,
    // but every event is encoded again per connection: this test says so.
    assertThat(RawSocket.available()).isTrue();
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient a = BoardClient.connect(base, fair.id(), person.token());
        BoardClient b = BoardClient.connect(base, fair.id(), Fixtures.screen(fair.id()))) {
      long seq = a.resume(null, 0).awaitType("snapshot").get("seq").asLong();
      b.resume(null, 0).awaitType("snapshot");
      a.awaitType("caughtUp");
      b.awaitType("caughtUp");
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala „Pod Lipą” – 30 miejsc"));
      for (BoardClient board : List.of(a, b)) {
        JsonNode event = board.awaitType("event");
        assertThat(event.get("seq").asLong()).isEqualTo(seq + 1);
        assertThat(event.at("/event/post/title").asText()).isEqualTo("Sala „Pod Lipą” – 30 miejsc");
      }
    }
  }

  @Test
  void aBigScreenOpenedLaterShowsTheLatestRegisteredContractsInItsSnapshot() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    long first = pl.gielda.support.Contracts.signedSwap(fair.id());
    long second = pl.gielda.support.Contracts.signedSwap(fair.id());
    pl.gielda.support.Contracts.register(fair.id(), first, notary.token()).statusCode(200);
    pl.gielda.support.Contracts.register(fair.id(), second, notary.token()).statusCode(200);

    try (BoardClient screen = BoardClient.connect(base, fair.id(), Fixtures.screen(fair.id()))) {
      JsonNode registered = screen.resume(null, 0).awaitType("snapshot").get("registered");
      assertThat(registered).hasSize(2);
      assertThat(registered.get(0).at("/event/kind").asText()).isEqualTo("contract.registered");
      assertThat(registered.get(0).at("/event/number").asInt()).isEqualTo(2);
      assertThat(registered.get(1).at("/event/contractId").asLong()).isEqualTo(first);
      assertThat(registered.get(0).get("seq").asLong())
          .isGreaterThan(registered.get(1).get("seq").asLong());
    }
  }

  @Test
  void manyPhonesReconnectingAtOnceAllGetTheSameSnapshotAndALaterOneSeesLaterChanges() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala przed burzą"));
    List<BoardClient> phones =
        IntStream.range(0, 30)
            .mapToObj(i -> BoardClient.connect(base, fair.id(), person.token()))
            .toList();
    try {
      phones.forEach(p -> p.resume(null, 0));
      List<JsonNode> snapshots = phones.stream().map(p -> p.awaitType("snapshot")).toList();
      long seq = snapshots.get(0).get("seq").asLong();
      assertThat(snapshots).allSatisfy(sn -> assertThat(sn.get("seq").asLong()).isEqualTo(seq));
      assertThat(snapshots).allSatisfy(sn -> assertThat(sn.get("posts")).hasSize(1));

      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Sala po burzy"));
      phones.forEach(p -> assertThat(p.awaitType("event").get("seq").asLong()).isEqualTo(seq + 1));
      try (BoardClient later = BoardClient.connect(base, fair.id(), person.token())) {
        JsonNode snapshot = later.resume(null, 0).awaitType("snapshot");
        assertThat(snapshot.get("seq").asLong()).isEqualTo(seq + 1);
        assertThat(snapshot.get("posts")).hasSize(2);
      }
    } finally {
      phones.forEach(BoardClient::close);
    }
  }

  @Test
  void resumeAfterADroppedConnectionHasNoGapAndNoDuplicate() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    long last;
    int epoch;
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      JsonNode snapshot = board.resume(null, 0).awaitType("snapshot");
      epoch = snapshot.get("epoch").asInt();
      board.awaitType("caughtUp");
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Jeden"));
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Dwa"));
      board.awaitType("event");
      last = board.awaitType("event").get("seq").asLong();
      board.drop();
    }
    IntStream.range(0, 5)
        .forEach(
            i -> Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Offline " + i)));

    try (BoardClient again = BoardClient.connect(base, fair.id(), person.token())) {
      List<JsonNode> missed = again.resume(epoch, last).eventsUntilCaughtUp();
      assertThat(seqs(missed)).containsExactly(last + 1, last + 2, last + 3, last + 4, last + 5);
      assertThat(missed.get(0).at("/event/post/title").asText()).isEqualTo("Offline 0");
      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Po powrocie"));
      assertThat(again.awaitType("event").get("seq").asLong()).isEqualTo(last + 6);
    }
  }

  @Test
  void replayAfterMoreChangesThanTheMemoryWindowReadsTheLog() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    long start;
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      start = board.resume(null, 0).awaitType("snapshot").get("seq").asLong();
    }
    // The test window keeps 50 events in memory; 120 changes force a replay from PostgreSQL.
    IntStream.range(0, 120)
        .forEach(i -> Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Post " + i)));
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      List<JsonNode> replay = board.resume(1, start).eventsUntilCaughtUp();
      assertThat(seqs(replay))
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, 120).mapToObj(i -> start + i).toList());
    }
  }

  @Test
  void aClientTooFarBehindGetsAFreshSnapshot() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      JsonNode snapshot = board.resume(99, 3).awaitType("snapshot");
      assertThat(snapshot.get("epoch").asInt()).isEqualTo(1);
    }
  }

  @Test
  void hiddenPostLeavesTheBoardWithoutRepeatingItsText() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    var notary = Fixtures.person(fair.id(), null, "notary");
    long post = Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Coś brzydkiego"));
    try (BoardClient board = BoardClient.connect(base, fair.id(), Fixtures.screen(fair.id()))) {
      board.resume(null, 0).awaitType("caughtUp");
      as(notary.token())
          .body(Map.of("reason", "Spam"))
          .post("/api/fairs/" + fair.id() + "/posts/" + post + "/hide")
          .then()
          .statusCode(200);
      JsonNode hidden = board.awaitType("event");
      assertThat(hidden.at("/event/kind").asText()).isEqualTo("post.hidden");
      assertThat(hidden.at("/event/postId").asLong()).isEqualTo(post);
      assertThat(hidden.toString()).doesNotContain("brzydkiego");
    }
  }

  @Test
  void malformedMessagesGetTypedErrorsAndTheConnectionStays() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      assertThat(board.send("not json {").awaitType("error").get("code").asText())
          .isEqualTo("BAD_MESSAGE");
      assertThat(board.send("[1,2,3]").awaitType("error").get("code").asText())
          .isEqualTo("BAD_MESSAGE");
      assertThat(board.send("{\"type\":\"teleport\"}").awaitType("error").get("code").asText())
          .isEqualTo("UNKNOWN_TYPE");
      assertThat(
              board
                  .send("{\"type\":\"resume\",\"after\":-5}")
                  .awaitType("error")
                  .get("code")
                  .asText())
          .isEqualTo("BAD_MESSAGE");
      assertThat(board.send("{\"type\":\"ping\"}").awaitType("pong")).isNotNull();
    }
  }

  @Test
  void aClientFloodingMessagesIsCutOffWhileOthersKeepTheirBoard() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient flooder = BoardClient.connect(base, fair.id(), person.token());
        BoardClient neighbour = BoardClient.connect(base, fair.id(), person.token())) {
      neighbour.resume(null, 0).awaitType("snapshot");
      neighbour.awaitType("caughtUp");
      for (int i = 0; i < 200 && !flooder.closeCode.isDone(); i++) {
        try {
          flooder.send("{\"type\":\"ping\"}");
        } catch (java.util.concurrent.CompletionException cutOff) {
          break; // the server closed the socket while we were still sending: the cut-off
        }
      }
      assertThat(flooder.awaitType("error").get("code").asText()).isEqualTo("TOO_MANY_MESSAGES");
      assertThat(flooder.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);

      Fixtures.createPost(fair.id(), person.token(), Fixtures.offer("Po zalewie wiadomości"));
      assertThat(neighbour.awaitType("event").at("/event/post/title").asText())
          .isEqualTo("Po zalewie wiadomości");
    }
  }

  @Test
  void oversizedFrameClosesTheConnectionWithMessageTooBig() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token())) {
      board.send("{\"type\":\"ping\",\"junk\":\"" + "x".repeat(10_000) + "\"}");
      assertThat(board.awaitType("error").get("code").asText()).isEqualTo("TOO_LARGE");
      assertThat(board.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
    }
  }

  @Test
  void tokenOfAnotherFairIsRefusedWithAReason() throws Exception {
    var mine = Fixtures.fair("LIVE");
    var other = Fixtures.fair("LIVE");
    var person = Fixtures.person(mine.id(), null);
    try (BoardClient board = BoardClient.connect(base, other.id(), person.token())) {
      assertThat(board.awaitType("error").get("code").asText()).isEqualTo("FORBIDDEN");
      assertThat(board.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }
  }

  @Test
  void upgradeWithoutATokenIsRefused() {
    var fair = Fixtures.fair("LIVE");
    assertThatThrownBy(() -> BoardClient.connect(base, fair.id(), null))
        .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
        .hasStackTraceContaining("401");
  }

  @Test
  void browserStyleSubprotocolCarriesTheToken() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    try (BoardClient board = BoardClient.connect(base, fair.id(), person.token(), true)) {
      assertThat(board.resume(null, 0).awaitType("snapshot").get("fairId").asLong())
          .isEqualTo(fair.id());
    }
  }
}
