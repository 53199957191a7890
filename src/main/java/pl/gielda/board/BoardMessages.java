package pl.gielda.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The board protocol's server messages, encoded once and shared by every connection. */
final class BoardMessages {

  private BoardMessages() {}

  /**
   * {"type":"event","seq":N,"event":{"kind":…, …payload}} built from the stored JSON without
   * re-parsing.
   */
  static String event(long seq, String type, String payloadJson) {
    String body = payloadJson.trim();
    String inner =
        body.equals("{}")
            ? "{\"kind\":\"" + type + "\"}"
            : "{\"kind\":\"" + type + "\"," + body.substring(1);
    return "{\"type\":\"event\",\"seq\":" + seq + ",\"event\":" + inner + "}";
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
      Map<String, Long> counters) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "snapshot");
    m.put("fairId", fairId);
    m.put("epoch", epoch);
    m.put("seq", seq);
    m.put("posts", posts);
    m.put("counters", counters);
    return write(json, m);
  }

  static String write(ObjectMapper json, Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
