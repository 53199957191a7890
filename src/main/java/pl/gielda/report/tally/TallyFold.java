package pl.gielda.report.tally;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pl.gielda.participant.Sector;

/**
 * A fair's tallies computed from its event log alone: feed every event in order, then ask for
 * {@link #tallies()}. Pure (no I/O, no clock), so the same log always gives the same figures.
 *
 * <p>Reads: {@code entity.created} {entityId, sector}; {@code person.joined} {personId}; {@code
 * person.checkedIn} {personId, at}; {@code post.created|updated|unhidden} {post:{id, kind,
 * category, status, hidden}}; {@code post.withdrawn|hidden} {postId}; {@code contract.registered}
 * {contractId, registeredAt, parties:[{entityId, sector}], items:[{fromEntityId, toEntityId,
 * category, valuePln, hours}]}; {@code contract.followUp} {contractId, status} (the last one of a
 * contract wins). Other events do not change the figures.
 */
public final class TallyFold {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Item(
      Sector from, Sector to, String category, BigDecimal value, BigDecimal hours) {}

  private record Registered(Instant at, List<Item> items) {}

  private static final class PostState {
    String kind;
    String category;
    boolean active;
    boolean hidden;
  }

  private long seq;
  private final Set<Long> people = new HashSet<>();
  private final Map<Long, Instant> present = new HashMap<>();
  private final Map<Long, Sector> entities = new HashMap<>();
  private final Map<Long, PostState> posts = new HashMap<>();
  private final Map<Long, Registered> contracts = new HashMap<>();
  private final Map<Long, String> followUp = new HashMap<>();

  /** Applies one event; events at or below the last applied number are ignored (replays). */
  public void apply(long seq, String type, String payloadJson) {
    if (seq <= this.seq) {
      return;
    }
    this.seq = seq;
    JsonNode p;
    try {
      p = JSON.readTree(payloadJson);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Event " + seq + " is not JSON", e);
    }
    switch (type) {
      case "entity.created" ->
          Sector.parse(p.path("sector").asText())
              .ifPresent(s -> entities.put(p.path("entityId").asLong(), s));
      case "person.joined" -> people.add(p.path("personId").asLong());
      case "person.checkedIn" -> present.put(p.path("personId").asLong(), instant(p.path("at")));
      case "post.created", "post.updated", "post.unhidden" -> post(p.path("post"));
      case "post.withdrawn" -> postState(p.path("postId").asLong()).active = false;
      case "post.hidden" -> postState(p.path("postId").asLong()).hidden = true;
      case "contract.registered" -> registered(p);
      case "contract.followUp" ->
          followUp.put(p.path("contractId").asLong(), p.path("status").asText());
      default -> {}
    }
  }

  /** The number of the last event applied. */
  public long seq() {
    return seq;
  }

  public Tallies tallies() {
    TallyCounts t = new TallyCounts();
    t.people = people.size();
    t.present = present.size();
    entities.values().forEach(s -> t.entities(s, 1));
    for (PostState p : posts.values()) {
      if (p.active && !p.hidden && p.kind != null) {
        t.posts(p.kind, p.category, 1);
      }
    }
    t.contracts = contracts.size();
    for (Registered c : contracts.values()) {
      if (c.at() != null) {
        t.contractsAt(TallyCounts.bucket(c.at()), 1);
      }
      Set<String> categories = new HashSet<>();
      for (Item i : c.items()) {
        t.category(i.category(), 1, categories.add(i.category()) ? 1 : 0, i.value(), i.hours());
        if (i.from() != null && i.to() != null) {
          t.pair(i.from(), i.to(), 1, i.value(), i.hours());
        }
      }
    }
    present.values().stream()
        .filter(at -> at != null)
        .forEach(at -> t.checkInsAt(TallyCounts.bucket(at), 1));
    followUp.forEach(
        (contractId, status) -> {
          Registered c = contracts.get(contractId);
          if (c == null) {
            return;
          }
          t.followUp(status, 1);
          if (status.equals("DELIVERED")) {
            t.delivered(
                1,
                c.items().size(),
                c.items().stream().map(Item::value).reduce(BigDecimal.ZERO, TallyFold::plus),
                c.items().stream().map(Item::hours).reduce(BigDecimal.ZERO, TallyFold::plus));
          }
        });
    return t.build(seq);
  }

  private void post(JsonNode v) {
    PostState s = postState(v.path("id").asLong());
    s.kind = v.path("kind").asText();
    s.category = v.path("category").asText();
    s.active = "ACTIVE".equals(v.path("status").asText());
    s.hidden = v.path("hidden").asBoolean(false);
  }

  private PostState postState(long id) {
    return posts.computeIfAbsent(id, k -> new PostState());
  }

  private void registered(JsonNode p) {
    Map<Long, Sector> sectors = new HashMap<>();
    for (JsonNode party : p.path("parties")) {
      Sector.parse(party.path("sector").asText())
          .ifPresent(s -> sectors.put(party.path("entityId").asLong(), s));
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode i : p.path("items")) {
      items.add(
          new Item(
              sectors.get(i.path("fromEntityId").asLong()),
              sectors.get(i.path("toEntityId").asLong()),
              i.path("category").asText(),
              decimal(i.path("valuePln")),
              decimal(i.path("hours"))));
    }
    contracts.put(
        p.path("contractId").asLong(), new Registered(instant(p.path("registeredAt")), items));
  }

  private static Instant instant(JsonNode v) {
    if (!v.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static BigDecimal decimal(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
  }

  private static BigDecimal plus(BigDecimal a, BigDecimal b) {
    return b == null ? a : a.add(b);
  }
}
