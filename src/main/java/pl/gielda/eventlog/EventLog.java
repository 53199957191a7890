package pl.gielda.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Appends events to a fair's numbered log inside the caller's transaction. This is the only way a
 * change becomes visible to others: boards, counters and reconnecting phones read the log.
 */
@ApplicationScoped
public class EventLog {

  /** Appended when a person's badge changes (roles, reissue); instances forget cached badges. */
  public static final String BADGE_CHANGED = "person.badgeChanged";

  private final ObjectMapper json;

  EventLog(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Must be called inside a transaction. The event is queued with the transaction's changes and
   * numbered by {@link EventSequencer} after the commit, so this returns 0.
   */
  public Uni<Long> append(long fairId, String type, Object payload) {
    EventSequencer.appended();
    String body;
    try {
      body = json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(new IllegalArgumentException("Event payload is not JSON", e));
    }
    // Flush first: native SQL does not flush pending entity writes.
    return Panache.getSession()
        .call(Mutiny.Session::flush)
        .chain(
            session ->
                session
                    // Run as a statement, not a typed select: a typed native select gets a new
                    // plan-cache key on every call (its result mapping has no value equality), all
                    // with the same hash, and the cache lookups grew to ~10% of the CPU under load.
                    .createNativeQuery(
                        "select append_fair_event(:fair, :type, cast(cast(:payload as text) as jsonb))")
                    .setParameter("fair", fairId)
                    .setParameter("type", type)
                    .setParameter("payload", body)
                    .executeUpdate())
        .replaceWith(0L);
  }

  /** Creates the log of a new fair (in the same transaction as the fair). */
  public Uni<Void> open(long fairId) {
    return Panache.getSession()
        .call(Mutiny.Session::flush)
        .chain(
            session ->
                session
                    .createNativeQuery("insert into fair_log_head (fair_id) values (:fair)")
                    .setParameter("fair", fairId)
                    .executeUpdate())
        .replaceWithVoid();
  }
}
