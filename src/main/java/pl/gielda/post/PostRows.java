package pl.gielda.post;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import pl.gielda.participant.Sector;
import pl.gielda.post.PostDtos.PostView;

/** Reads posts with plain SQL for the board snapshot (joined with their entity). */
public final class PostRows {

  public static final String SELECT_VISIBLE =
      "select p.*, e.name as entity_name, e.sector as entity_sector, e.town as entity_town from post p"
          + " join entity e on e.id = p.entity_id"
          + " where p.fair_id = $1 and p.status = 'ACTIVE' and p.hidden = false order by p.id";

  /** Visible posts among the given ids ($2: bigint[]). */
  public static final String SELECT_VISIBLE_BY_IDS =
      "select p.*, e.name as entity_name, e.sector as entity_sector, e.town as entity_town from post p"
          + " join entity e on e.id = p.entity_id"
          + " where p.fair_id = $1 and p.id = any($2) and p.status = 'ACTIVE' and p.hidden = false";

  private PostRows() {}

  public static PostView view(Row r) {
    return new PostView(
        r.getLong("id"),
        r.getLong("fair_id"),
        PostKind.valueOf(r.getString("kind")),
        r.getString("category"),
        r.getString("title"),
        r.getString("description"),
        r.getString("quantity"),
        r.getString("availability"),
        r.getString("town"),
        decimal(r, "value_pln"),
        decimal(r, "hours"),
        r.getLong("entity_id"),
        r.getString("entity_name"),
        Sector.valueOf(r.getString("entity_sector")),
        r.getLong("author_id"),
        r.getLong("on_behalf_by"),
        Post.Status.valueOf(r.getString("status")),
        r.getBoolean("hidden"),
        r.getString("hidden_reason"),
        r.getInteger("version"),
        instant(r, "created_at"),
        instant(r, "updated_at"));
  }

  private static BigDecimal decimal(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? null : r.getBigDecimal(column);
  }

  private static java.time.Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }
}
