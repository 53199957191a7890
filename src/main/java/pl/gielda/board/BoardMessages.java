package pl.gielda.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The board protocol's server messages, encoded once and shared by every connection. */
final class BoardMessages {

  private BoardMessages() {}

  /**
   * {"type":"event","seq":N,"at":ms,"event":{"kind":…, …payload}} built from the stored JSON
   * without re-parsing; "at" is when the change was committed (epoch milliseconds), so a client can
   * tell how old it is.
   */
  static String event(long seq, String type, String payloadJson, OffsetDateTime committedAt) {
    String body = payloadJson.trim();
    String inner =
        body.equals("{}")
            ? "{\"kind\":\"" + type + "\"}"
            : "{\"kind\":\"" + type + "\"," + body.substring(1);
    return "{\"type\":\"event\",\"seq\":"
        + seq
        + ",\"at\":"
        + committedAt.toInstant().toEpochMilli()
        + ",\"event\":"
        + inner
        + "}";
  }

  /**
   * Several events in one message, for clients that said {@code "batch": true} on resume: {@code
   * {"type":"events","events":[event, …]}}, each element exactly an {@link #event} message.
   */
  static String events(java.util.List<String> eventMessages) {
    return "{\"type\":\"events\",\"events\":[" + String.join(",", eventMessages) + "]}";
  }

  static String caughtUp(long seq) {
    return "{\"type\":\"caughtUp\",\"seq\":" + seq + "}";
  }

  static String pong() {
    return "{\"type\":\"pong\"}";
  }

  static String error(ObjectMapper json, String code, String message) {
    return write(json, Map.of("type", "error", "code", code, "message", message));
  }

  static String snapshot(
      ObjectMapper json,
      long fairId,
      int epoch,
      long seq,
      List<?> posts,
      Map<String, Long> counters,
      List<Map<String, Object>> registered) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "snapshot");
    m.put("fairId", fairId);
    m.put("epoch", epoch);
    m.put("seq", seq);
    m.put("posts", posts);
    m.put("counters", counters);
    m.put("registered", registered);
    return write(json, m);
  }

  /** {"seq":N,"event":{"kind":…, …payload}}: a logged event inside another message. */
  static Map<String, Object> logged(ObjectMapper json, long seq, String type, String payloadJson) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode event =
          json.createObjectNode().put("kind", type);
      event.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(payloadJson));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", seq);
      m.put("event", event);
      return m;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable event payload", e);
    }
  }

  static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
