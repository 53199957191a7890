package pl.gielda.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;

/**
 * Writes the audit trail. Call it inside the privileged action's own transaction, so the action and
 * its record commit or roll back together:
 *
 * <ul>
 *   <li>in a Hibernate transaction ({@code @WithTransaction}): {@code audit.record(caller, fairId,
 *       AuditAction.BADGE_REISSUED.on("person", id).with("reason", …))};
 *   <li>on a plain SQL transaction: {@code audit.record(tx, caller, fairId, …)}.
 * </ul>
 *
 * Add an {@link AuditAction} for a new kind of action; the organiser reads the trail at {@code GET
 * /api/fairs/{id}/audit} and exports it as CSV.
 */
@ApplicationScoped
public class AuditTrail {

  /** Host and process: which instance of the app did it (several share one database). */
  static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

  private static final String INSERT =
      "insert into audit_entry (at, fair_id, actor, actor_roles, action, subject_type,"
          + " subject_id, detail, instance) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

  private final ObjectMapper json;

  AuditTrail(ObjectMapper json) {
    this.json = json;
  }

  /** In the current Hibernate transaction. */
  public Uni<Void> record(Caller who, Long fairId, AuditRecord what) {
    AuditEntry e = entry(who, fairId, what);
    return e.persist().replaceWithVoid();
  }

  /** On the given connection, inside its transaction. */
  public Uni<Void> record(SqlClient tx, Caller who, Long fairId, AuditRecord what) {
    AuditEntry e = entry(who, fairId, what);
    return tx.preparedQuery(INSERT)
        .execute(
            Tuple.tuple()
                .addOffsetDateTime(e.at.atOffset(ZoneOffset.UTC))
                .addLong(e.fairId)
                .addString(e.actor)
                .addString(e.actorRoles)
                .addString(e.action)
                .addString(e.subjectType)
                .addLong(e.subjectId)
                .addString(e.detail)
                .addString(e.instance))
        .replaceWithVoid();
  }

  private AuditEntry entry(Caller who, Long fairId, AuditRecord what) {
    AuditEntry e = new AuditEntry();
    e.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    e.fairId = fairId;
    e.actor = who.principal();
    e.actorRoles = Role.join(who.roles());
    e.action = what.action().code();
    e.subjectType = what.subjectType();
    e.subjectId = what.subjectId();
    e.detail = what.detail().isEmpty() ? null : write(what.detail());
    e.instance = INSTANCE;
    return e;
  }

  private String write(Map<String, Object> detail) {
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }
}
