package pl.gielda.mail;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code mail_outbox} table. Rows are written by the change that owes the mail (in its
 * transaction); the worker claims due rows with {@code FOR UPDATE SKIP LOCKED} and a lease, so two
 * instances never send the same mail at once, and a mail whose instance died is taken over when its
 * lease ends.
 */
@ApplicationScoped
public class MailOutbox {

  private static final String COLUMNS =
      "id, fair_id, purpose, to_address, language, contract_id, entity_id, message_id, status,"
          + " attempts, next_attempt_at, subject, body_text, last_error, smtp_reply, created_at,"
          + " sent_at";

  private final Pool pool;

  MailOutbox(Pool pool) {
    this.pool = pool;
  }

  /** Takes up to {@code limit} due mails for this instance and counts the attempt. */
  public Uni<List<OutboxMail>> claim(String instance, int limit, Duration lease) {
    return pool.preparedQuery(
            "update mail_outbox set status = 'SENDING', attempts = attempts + 1,"
                + " lease_until = now() + make_interval(secs => $3), claimed_by = $1"
                + " where id in (select id from mail_outbox"
                + "   where status in ('PENDING', 'SENDING') and next_attempt_at <= now()"
                + "     and (lease_until is null or lease_until < now())"
                + "   order by next_attempt_at, id limit $2 for update skip locked)"
                + " returning "
                + COLUMNS)
        .execute(Tuple.of(instance, limit, (double) lease.toMillis() / 1000))
        .map(MailOutbox::rows);
  }

  /** The SMTP server accepted it: never sent again. */
  public Uni<Void> sent(long id, String subject, String body, String reply) {
    return finish(
        "update mail_outbox set status = 'SENT', sent_at = now(), lease_until = null,"
            + " subject = $2, body_text = $3, smtp_reply = $4, last_error = null where id = $1",
        Tuple.of(id, subject, body, cut(reply)));
  }

  /** Delivered to the data folder instead of a server (no SMTP configured). */
  public Uni<Void> kept(long id, String subject, String body, String file) {
    return finish(
        "update mail_outbox set status = 'KEPT', sent_at = now(), lease_until = null,"
            + " subject = $2, body_text = $3, smtp_reply = $4, last_error = null where id = $1",
        Tuple.of(id, subject, body, cut("written to " + file)));
  }

  /** A temporary failure: try again after {@code wait}. */
  public Uni<Void> retryLater(long id, Duration wait, String error) {
    return finish(
        "update mail_outbox set status = 'PENDING', lease_until = null,"
            + " next_attempt_at = now() + make_interval(secs => $2), last_error = $3 where id = $1",
        Tuple.of(id, (double) wait.toMillis() / 1000, cut(error)));
  }

  /** A permanent failure (the server refused the address or the mail): shown to the organiser. */
  public Uni<Void> failed(long id, String error, String reply) {
    return finish(
        "update mail_outbox set status = 'FAILED', lease_until = null, last_error = $2,"
            + " smtp_reply = $3 where id = $1",
        Tuple.of(id, cut(error), cut(reply)));
  }

  /** The organiser sends a failed mail again (e.g. after correcting the server or the address). */
  public Uni<Boolean> retryNow(long fairId, long id) {
    return pool.preparedQuery(
            "update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(),"
                + " lease_until = null where fair_id = $1 and id = $2 and status = 'FAILED'")
        .execute(Tuple.of(fairId, id))
        .map(r -> r.rowCount() == 1);
  }

  public Uni<List<OutboxMail>> ofFair(long fairId, int limit) {
    return pool.preparedQuery(
            "select " + COLUMNS + " from mail_outbox where fair_id = $1 order by id desc limit $2")
        .execute(Tuple.of(fairId, limit))
        .map(MailOutbox::rows);
  }

  public Uni<OutboxMail> one(long fairId, long id) {
    return pool.preparedQuery(
            "select " + COLUMNS + " from mail_outbox where fair_id = $1 and id = $2")
        .execute(Tuple.of(fairId, id))
        .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
  }

  private Uni<Void> finish(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).replaceWithVoid();
  }

  private static String cut(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
  }

  private static List<OutboxMail> rows(RowSet<Row> rows) {
    List<OutboxMail> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(row(r));
    }
    return out;
  }

  private static OutboxMail row(Row r) {
    return new OutboxMail(
        r.getLong("id"),
        r.getLong("fair_id"),
        r.getString("purpose"),
        r.getString("to_address"),
        r.getString("language"),
        r.getLong("contract_id"),
        r.getLong("entity_id"),
        r.getString("message_id"),
        r.getString("status"),
        r.getInteger("attempts"),
        instant(r.getOffsetDateTime("next_attempt_at")),
        r.getString("subject"),
        r.getString("body_text"),
        r.getString("last_error"),
        r.getString("smtp_reply"),
        instant(r.getOffsetDateTime("created_at")),
        instant(r.getOffsetDateTime("sent_at")));
  }

  private static Instant instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant();
  }
}
