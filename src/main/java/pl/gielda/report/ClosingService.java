package pl.gielda.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jboss.logging.Logger;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.fair.Phase;
import pl.gielda.fair.PhaseObserver;
import pl.gielda.report.ReportDtos.ClosingView;
import pl.gielda.report.tally.Tallies;

/**
 * When a fair closes, its figures are recomputed from the event log and checked against the tables,
 * then kept with the log's last number and the chain's head. The first computation is the one kept;
 * a mismatch is logged as an error and shown, and never stops the fair from closing.
 */
@ApplicationScoped
public class ClosingService implements PhaseObserver {

  private static final Logger LOG = Logger.getLogger(ClosingService.class);
  private static final int MAX_DIFFERENCES = 20;

  private final AccessGuard guard;
  private final FairSnapshot snapshot;
  private final Pool pool;
  private final ObjectMapper json;

  ClosingService(AccessGuard guard, FairSnapshot snapshot, Pool pool, ObjectMapper json) {
    this.guard = guard;
    this.snapshot = snapshot;
    this.pool = pool;
    this.json = json;
  }

  @Override
  public Uni<Void> phaseChanged(long fairId, Phase phase) {
    return phase == Phase.CLOSED ? ensure(fairId).replaceWithVoid() : Uni.createFrom().voidItem();
  }

  /** The stored closing figures of a closed fair (computed now if closing did not store them). */
  public Uni<ClosingView> get(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.NOTARY)
        .chain(() -> phase(fairId))
        .chain(
            phase -> {
              if (phase != Phase.CLOSED) {
                throw ApiException.conflict(
                    "fair-not-closed", "Closing figures exist once the fair is CLOSED");
              }
              return ensure(fairId);
            });
  }

  Uni<ClosingView> ensure(long fairId) {
    return stored(fairId).chain(v -> v != null ? Uni.createFrom().item(v) : compute(fairId));
  }

  private Uni<ClosingView> compute(long fairId) {
    return snapshot
        .read(fairId, true)
        .chain(
            f -> {
              List<String> diff = new ArrayList<>();
              diff(json.valueToTree(f.fromLog()), json.valueToTree(f.fromTables()), "", diff);
              String mismatch = diff.isEmpty() ? null : String.join("; ", diff);
              if (mismatch != null) {
                LOG.errorf(
                    "Fair %d closed with tallies that differ between the event log and the tables"
                        + " at seq %d: %s",
                    fairId, f.seq(), mismatch);
              }
              return pool.preparedQuery(
                      "insert into fair_closing (fair_id, seq, chain_head, contracts, tallies,"
                          + " sql_tallies, matches, mismatch, computed_at)"
                          + " values ($1, $2, $3, $4, ($5::text)::jsonb, ($6::text)::jsonb, $7, $8, now())"
                          + " on conflict (fair_id) do nothing")
                  .execute(
                      Tuple.from(
                          List.of(
                              fairId,
                              f.seq(),
                              f.chainHead(),
                              f.registered(),
                              write(f.fromLog()),
                              write(f.fromTables()),
                              mismatch == null,
                              mismatch == null ? "" : mismatch)))
                  .chain(() -> stored(fairId));
            });
  }

  private Uni<ClosingView> stored(long fairId) {
    return pool.preparedQuery(
            "select seq, chain_head, contracts, tallies::text as tallies,"
                + " sql_tallies::text as sql_tallies, matches, mismatch, computed_at"
                + " from fair_closing where fair_id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Iterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                return null;
              }
              Row r = it.next();
              boolean matches = r.getBoolean("matches");
              String mismatch = r.getString("mismatch");
              return new ClosingView(
                  fairId,
                  r.getLong("seq"),
                  r.getString("chain_head"),
                  r.getInteger("contracts"),
                  matches,
                  mismatch == null || mismatch.isEmpty() ? null : mismatch,
                  r.get(OffsetDateTime.class, "computed_at").toInstant(),
                  read(r.getString("tallies")),
                  matches ? null : read(r.getString("sql_tallies")));
            });
  }

  private Uni<Phase> phase(long fairId) {
    return pool.preparedQuery("select phase from fair where id = $1")
        .execute(Tuple.of(fairId))
        .map(
            rows -> {
              Iterator<Row> it = rows.iterator();
              if (!it.hasNext()) {
                throw ApiException.notFound("Fair " + fairId);
              }
              return Phase.valueOf(it.next().getString("phase"));
            });
  }

  /** Paths where the two trees differ, e.g. {@code headline.people: 157 ≠ 156}. */
  static void diff(JsonNode a, JsonNode b, String path, List<String> out) {
    if (out.size() >= MAX_DIFFERENCES || a.equals(b)) {
      return;
    }
    if (a.isObject() && b.isObject()) {
      var names = new java.util.TreeSet<String>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(a.path(n), b.path(n), path.isEmpty() ? n : path + "." + n, out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(a.get(i), b.get(i), path + "[" + i + "]", out);
      }
    } else {
      out.add(path + ": " + shorten(a) + " (log) ≠ " + shorten(b) + " (tables)");
    }
  }

  private static String shorten(JsonNode n) {
    String s = n.isMissingNode() ? "missing" : n.toString();
    return s.length() > 120 ? s.substring(0, 119) + "…" : s;
  }

  private String write(Tallies t) {
    try {
      return json.writeValueAsString(t);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Tallies read(String text) {
    try {
      return json.readValue(text, Tallies.class);
    } catch (Exception e) {
      throw new IllegalStateException("Stored closing tallies are unreadable", e);
    }
  }
}
