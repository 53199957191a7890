package pl.gielda.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;

/**
 * The live board of a fair. The token comes with the upgrade request (browsers offer it as a
 * subprotocol); the client then says {"type":"resume","epoch":E,"after":N} and gets what it missed,
 * followed by the live stream. Every message carries the log's sequence number. With {@code
 * "batch":true} in the resume, what it missed comes as one {"type":"events","events":[…]} message.
 */
@Authenticated
@WebSocket(path = "/ws/fairs/{fairId}/board")
public class BoardSocket {

  private static final Logger LOG = Logger.getLogger(BoardSocket.class);
  static final TypedKey<BoardSubscriber> SUBSCRIBER = new TypedKey<>("board.subscriber");
  static final int POLICY_VIOLATION = 1008;
  static final int MESSAGE_TOO_BIG = 1009;

  /** Client messages are tiny (resume, ping); anything bigger is refused. */
  static final int MAX_MESSAGE_CHARS = 4096;

  private final BoardHub hub;
  private final AccessGuard guard;
  private final SecurityIdentity identity;
  private final ObjectMapper json;

  BoardSocket(BoardHub hub, AccessGuard guard, SecurityIdentity identity, ObjectMapper json) {
    this.hub = hub;
    this.guard = guard;
    this.identity = identity;
    this.json = json;
  }

  @OnOpen
  public Uni<Void> open(WebSocketConnection connection, @PathParam String fairId) {
    long id;
    try {
      id = Long.parseLong(fairId);
    } catch (NumberFormatException e) {
      return refuse(connection, "NOT_FOUND", "No such fair");
    }
    Caller caller = CurrentCaller.fromToken((JsonWebToken) identity.getPrincipal());
    // The identity is resolved: the upgrade request's lazy identity and token copies can go.
    UpgradeLeftovers.trim(connection);
    // Callbacks of a connection run on its event loop: remember it for broadcasts.
    io.vertx.core.Context loop = io.vertx.core.Vertx.currentContext();
    return guard
        .boardEntry(
            caller,
            id,
            Role.ORGANISER,
            Role.PARTICIPANT,
            Role.ANIMATOR,
            Role.NOTARY,
            Role.SCREEN,
            Role.NEWCOMER)
        .call(entity -> hub.channel(id))
        .invoke(
            entity ->
                connection.userData().put(SUBSCRIBER, hub.subscriber(connection, loop, id, entity)))
        .replaceWithVoid()
        .onFailure(ApiException.class)
        .recoverWithUni(
            e ->
                refuse(
                    connection,
                    e.getMessage().contains("revoked") ? "UNAUTHORIZED" : "FORBIDDEN",
                    e.getMessage()));
  }

  @OnTextMessage
  public Uni<Void> message(WebSocketConnection connection, String text) {
    BoardSubscriber s = connection.userData().get(SUBSCRIBER);
    if (s == null || s.closed) {
      return Uni.createFrom().voidItem();
    }
    if (!s.admitInbound()) {
      s.closed = true;
      return connection
          .sendText(
              BoardMessages.error(
                  json, "TOO_MANY_MESSAGES", "Too many messages; reconnect and resume later"))
          .chain(() -> connection.close(new CloseReason(POLICY_VIOLATION, "TOO_MANY_MESSAGES")))
          .onFailure()
          .recoverWithNull();
    }
    if (text.length() > MAX_MESSAGE_CHARS) {
      s.closed = true;
      return connection
          .sendText(
              BoardMessages.error(
                  json, "TOO_LARGE", "Messages are at most " + MAX_MESSAGE_CHARS + " characters"))
          .chain(() -> connection.close(new CloseReason(MESSAGE_TOO_BIG, "TOO_LARGE")))
          .onFailure()
          .recoverWithNull();
    }
    JsonNode msg;
    try {
      msg = json.readTree(text);
    } catch (Exception e) {
      return reply(s, "BAD_MESSAGE", "Messages are JSON objects with a type");
    }
    if (msg == null || !msg.isObject() || !msg.path("type").isTextual()) {
      return reply(s, "BAD_MESSAGE", "Messages are JSON objects with a type");
    }
    switch (msg.get("type").asText()) {
      case "resume" -> {
        JsonNode after = msg.path("after");
        JsonNode epoch = msg.path("epoch");
        if (!after.canConvertToLong()
            || after.asLong() < 0
            || !(epoch.isNull() || epoch.isMissingNode() || epoch.canConvertToInt())) {
          return reply(s, "BAD_MESSAGE", "resume needs after ≥ 0 and epoch (number or null)");
        }
        Integer e = epoch.isNumber() ? epoch.asInt() : null;
        boolean batch = msg.path("batch").asBoolean(false);
        return hub.channel(s.fairId)
            .invoke(c -> c.resume(s, e, after.asLong(), batch))
            .replaceWithVoid();
      }
      case "ping" -> {
        s.send(BoardMessages.pong());
        return Uni.createFrom().voidItem();
      }
      default -> {
        return reply(s, "UNKNOWN_TYPE", "Unknown message type");
      }
    }
  }

  /** The answer to the server's ping (every 20 s): the phone reads (see BoardHub.cutOffSilent). */
  @OnPongMessage
  public void pong(WebSocketConnection connection, Buffer data) {
    BoardSubscriber s = connection.userData().get(SUBSCRIBER);
    if (s != null) {
      s.heard();
    }
  }

  @OnClose
  public void close(WebSocketConnection connection) {
    BoardSubscriber s = connection.userData().get(SUBSCRIBER);
    if (s != null) {
      s.closed = true;
      hub.channel(s.fairId).subscribe().with(c -> c.remove(s), x -> {});
    }
  }

  @OnError
  public Uni<Void> error(WebSocketConnection connection, Throwable failure) {
    LOG.debugf("Board connection error: %s", failure.toString());
    return connection
        .sendText(BoardMessages.error(json, "ERROR", "The message could not be processed"))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<Void> reply(BoardSubscriber s, String code, String message) {
    s.send(BoardMessages.error(json, code, message));
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> refuse(WebSocketConnection connection, String code, String message) {
    return connection
        .sendText(BoardMessages.error(json, code, message))
        .chain(() -> connection.close(new CloseReason(POLICY_VIOLATION, code)))
        .onFailure()
        .recoverWithNull();
  }
}
