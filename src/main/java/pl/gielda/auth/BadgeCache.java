package pl.gielda.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Badges known to be valid, for reads that every phone repeats after every event (the tallies) and
 * for board reconnects (after every lost signal; ten thousand at once after a Wi-Fi outage).
 *
 * <p>Every change of a badge (roles changed, badge reissued) appends a {@code person.badgeChanged}
 * event, so an instance that follows a fair's log learns of it; the board calls {@link
 * #follow(long)} when it starts following a fair and {@link #changed(long)} before it dispatches
 * such an event, which forgets the fair's badges. Only followed fairs are cached, so a revoked
 * badge stops reading within the time the log takes to reach this instance (milliseconds; at most
 * the board's 2-second check of log heads if its LISTEN connection is being re-established). Writes
 * never use this cache: they check the database in their own transaction.
 */
@ApplicationScoped
public class BadgeCache {

  /** A badge version the database confirmed, and the person's entity if it was read too. */
  record Badge(int version, Long entityId) {}

  private record Fair(AtomicLong generation, Map<Long, Badge> versions) {}

  private final Map<Long, Fair> fairs = new ConcurrentHashMap<>();
  private final Counter hits;

  BadgeCache(MeterRegistry metrics) {
    this.hits = metrics.counter("gielda.auth.badge.cached");
  }

  /** This instance now dispatches every event of the fair (see FairChannel). */
  public void follow(long fairId) {
    fairs.putIfAbsent(fairId, new Fair(new AtomicLong(), new ConcurrentHashMap<>()));
  }

  /** A badge of the fair changed: forget them all (rare: a reissued badge, new roles). */
  public void changed(long fairId) {
    Fair f = fairs.get(fairId);
    if (f != null) {
      f.generation.incrementAndGet();
      f.versions.clear();
    }
  }

  /** The fair's generation before a database check, or -1 when the fair is not followed. */
  long generation(long fairId) {
    Fair f = fairs.get(fairId);
    return f == null ? -1 : f.generation.get();
  }

  boolean valid(long fairId, long personId, int badgeVersion) {
    return known(fairId, personId, badgeVersion, false) != null;
  }

  /** The person's confirmed badge with its entity, or null (unknown, changed, entity not read). */
  Badge withEntity(long fairId, long personId, int badgeVersion) {
    return known(fairId, personId, badgeVersion, true);
  }

  private Badge known(long fairId, long personId, int badgeVersion, boolean needEntity) {
    Fair f = fairs.get(fairId);
    Badge b = f == null ? null : f.versions.get(personId);
    if (b == null || b.version != badgeVersion || (needEntity && b.entityId == null)) {
      return null;
    }
    hits.increment();
    return b;
  }

  /**
   * Remembers a badge the database just confirmed, unless a badge of the fair changed since the
   * check began (then the confirmation may be stale).
   */
  void remember(long fairId, long personId, int badgeVersion, long generationBefore) {
    remember(fairId, personId, badgeVersion, null, generationBefore);
  }

  /** As above, with the person's entity (which never changes once the person exists). */
  void remember(
      long fairId, long personId, int badgeVersion, Long entityId, long generationBefore) {
    Fair f = fairs.get(fairId);
    if (f != null && generationBefore >= 0) {
      f.versions.merge(
          personId,
          new Badge(badgeVersion, entityId),
          (old, fresh) -> fresh.entityId == null && old.version == fresh.version ? old : fresh);
      if (f.generation.get() != generationBefore) {
        f.versions.remove(personId);
      }
    }
  }
}
