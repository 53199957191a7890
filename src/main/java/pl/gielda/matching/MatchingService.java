package pl.gielda.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import pl.gielda.board.BoardHub;
import pl.gielda.common.db.ConsistentRead;
import pl.gielda.matching.FairMatching.PostSummary;
import pl.gielda.matching.engine.MatchPost;
import pl.gielda.matching.engine.Suggestion;
import pl.gielda.matching.engine.UpsertResult;
import pl.gielda.post.PostDtos.PostView;
import pl.gielda.post.PostRows;

/**
 * Keeps each fair's matching engine as a view of the event log: built from a consistent snapshot,
 * then advanced by reading post events in log order. Every instance keeps its own view and tells
 * its own board connections about new matches, so nothing is sent twice and nothing depends on
 * which instance took the write. Engine work runs on one worker thread, off the event loop.
 */
@ApplicationScoped
public class MatchingService {

  private static final Logger LOG = Logger.getLogger(MatchingService.class);
  private static final String POST_EVENTS =
      "select seq, type, payload::text as payload from fair_event where fair_id = $1 and seq > $2"
          + " and type in ('post.created', 'post.updated', 'post.unhidden', 'post.withdrawn', 'post.hidden')"
          + " order by seq limit 2000";

  private final Pool pool;
  private final ObjectMapper json;
  private final BoardHub hub;
  private final Map<Long, Uni<FairMatching>> fairs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "matching");
            t.setDaemon(true);
            return t;
          });

  MatchingService(Pool pool, ObjectMapper json, BoardHub hub) {
    this.pool = pool;
    this.json = json;
    this.hub = hub;
  }

  void start(@Observes StartupEvent event) {
    hub.onAdvance(this::current);
  }

  void stop(@Observes ShutdownEvent event) {
    worker.shutdownNow();
  }

  /** The fair's engine, caught up with every committed post event. */
  Uni<FairMatching> current(long fairId) {
    Uni<FairMatching> built =
        fairs.computeIfAbsent(fairId, id -> build(id).memoize().until(() -> false));
    return built.onFailure().invoke(() -> fairs.remove(fairId)).chain(this::catchUp);
  }

  /** Runs engine work on the matching thread and returns its result. */
  <T> Uni<T> onWorker(java.util.function.Supplier<T> work) {
    return Uni.createFrom().item(work).runSubscriptionOn(worker);
  }

  private Uni<FairMatching> build(long fairId) {
    return ConsistentRead.ofFair(pool, fairId, conn -> readSnapshot(conn, fairId))
        .emitOn(worker)
        .map(
            snapshot -> {
              FairMatching fm = new FairMatching(fairId);
              fm.seq = snapshot.seq();
              for (Row r : snapshot.posts()) {
                PostView v = PostRows.view(r);
                String town = r.getString("entity_town");
                fm.entityTowns.put(v.entityId(), town);
                upsert(fm, v);
              }
              return fm;
            });
  }

  private record Snapshot(long seq, RowSet<Row> posts) {}

  private Uni<Snapshot> readSnapshot(SqlConnection conn, long fairId) {
    long[] head = new long[1];
    return conn.preparedQuery("select last_seq from fair_log_head where fair_id = $1")
        .execute(Tuple.of(fairId))
        .invoke(rows -> rows.forEach(r -> head[0] = r.getLong("last_seq")))
        .chain(() -> conn.preparedQuery(PostRows.SELECT_VISIBLE).execute(Tuple.of(fairId)))
        .map(rows -> new Snapshot(head[0], rows));
  }

  private Uni<FairMatching> catchUp(FairMatching fm) {
    return pool.preparedQuery(POST_EVENTS)
        .execute(Tuple.of(fm.fairId, fm.seq))
        .emitOn(worker)
        .map(rows -> apply(fm, rows))
        .invoke(
            notifications ->
                notifications.forEach(n -> hub.sendToEntity(fm.fairId, n.entityId(), n.text())))
        .replaceWith(fm);
  }

  private record Notification(long entityId, String text) {}

  private List<Notification> apply(FairMatching fm, RowSet<Row> rows) {
    List<Notification> out = new ArrayList<>();
    for (Row r : rows) {
      long seq = r.getLong("seq");
      if (seq <= fm.seq) {
        continue;
      }
      fm.seq = seq;
      try {
        JsonNode payload = json.readTree(r.getString("payload"));
        switch (r.getString("type")) {
          case "post.created", "post.updated", "post.unhidden" -> {
            PostView v = json.treeToValue(payload.get("post"), PostView.class);
            UpsertResult result = upsert(fm, v);
            out.addAll(notifications(fm, seq, v.id(), result.newGoodMatches()));
          }
          default -> {
            long postId = payload.get("postId").asLong();
            fm.engine.remove(String.valueOf(postId));
            fm.posts.remove(postId);
          }
        }
      } catch (Exception e) {
        LOG.warnf("Matching skipped event %d of fair %d: %s", seq, fm.fairId, e.toString());
      }
    }
    return out;
  }

  private static UpsertResult upsert(FairMatching fm, PostView v) {
    String town = v.town() != null ? v.town() : fm.entityTowns.get(v.entityId());
    MatchPost.Kind kind = MatchPost.Kind.valueOf(v.kind().name());
    fm.posts.put(v.id(), new PostSummary(v.id(), v.entityId(), kind, v.title(), v.entityName()));
    return fm.engine.upsert(
        new MatchPost(
            String.valueOf(v.id()),
            String.valueOf(v.entityId()),
            kind,
            v.category(),
            v.title(),
            v.description(),
            v.quantity(),
            v.availability(),
            town));
  }

  /** "Nowe dopasowanie": both sides of each new good match hear about it. */
  private List<Notification> notifications(
      FairMatching fm, long seq, long postId, List<String> newMatches) {
    List<Notification> out = new ArrayList<>();
    PostSummary mine = fm.posts.get(postId);
    for (String id : newMatches) {
      PostSummary other = fm.posts.get(Long.parseLong(id));
      if (other == null || mine == null) {
        continue;
      }
      out.add(new Notification(other.entityId(), message(seq, other, mine)));
      out.add(new Notification(mine.entityId(), message(seq, mine, other)));
    }
    return out;
  }

  private String message(long seq, PostSummary yours, PostSummary match) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "match");
    m.put("seq", seq);
    m.put("postId", yours.id());
    m.put("postTitle", yours.title());
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("postId", match.id());
    other.put("title", match.title());
    other.put("kind", match.kind().name());
    other.put("entityId", match.entityId());
    other.put("entityName", match.entityName());
    m.put("match", other);
    try {
      return json.writeValueAsString(m);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Ranked suggestions for a post, joined with the posts' current views. */
  Uni<List<Suggestion>> suggestions(FairMatching fm, long postId, int limit) {
    return onWorker(() -> fm.engine.suggestionsFor(String.valueOf(postId), limit));
  }

  Uni<Map<Long, PostView>> views(long fairId, List<Long> ids) {
    if (ids.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    return pool.preparedQuery(PostRows.SELECT_VISIBLE_BY_IDS)
        .execute(Tuple.of(fairId, ids.toArray(new Long[0])))
        .map(
            rows -> {
              Map<Long, PostView> byId = new HashMap<>();
              rows.forEach(r -> byId.put(r.getLong("id"), PostRows.view(r)));
              return byId;
            });
  }

  /** Requests whose best suggestion is not a good match, newest first: brokers act on these. */
  Uni<List<Long>> stillLooking(FairMatching fm, int limit) {
    return onWorker(
        () ->
            fm.posts.values().stream()
                .filter(p -> p.kind() == MatchPost.Kind.REQUEST)
                .filter(
                    p ->
                        fm.engine.suggestionsFor(String.valueOf(p.id()), 1).stream()
                            .noneMatch(Suggestion::good))
                .sorted(Comparator.comparingLong(PostSummary::id).reversed())
                .limit(limit)
                .map(PostSummary::id)
                .toList());
  }
}
