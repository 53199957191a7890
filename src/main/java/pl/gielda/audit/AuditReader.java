package pl.gielda.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import pl.gielda.audit.AuditDtos.AuditPage;
import pl.gielda.audit.AuditDtos.AuditView;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;

/** The organiser reads and exports a fair's audit trail. */
@ApplicationScoped
public class AuditReader {

  /** Names of the actor and the subject person, resolved from the principal when read. */
  private static final String SELECT =
      "select a.id, a.at, a.actor, a.actor_roles, a.action, a.subject_type, a.subject_id,"
          + " a.detail, a.instance,"
          + " coalesce(o.display_name, p.display_name) as actor_name,"
          + " case when a.subject_type = 'person' then sp.display_name"
          + "      when a.subject_type = 'post' then po.title end as subject_name"
          + " from audit_entry a"
          + " left join organiser o on a.actor = 'O:' || o.id"
          + " left join person p on a.actor = 'P:' || p.id"
          + " left join person sp on a.subject_type = 'person' and sp.id = a.subject_id"
          + " left join post po on a.subject_type = 'post' and po.id = a.subject_id"
          + " where a.fair_id = $1 order by a.id desc";

  private static final DateTimeFormatter CSV_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Warsaw"));

  private final AccessGuard guard;
  private final Pool pool;

  AuditReader(AccessGuard guard, Pool pool) {
    this.guard = guard;
    this.pool = pool;
  }

  public Uni<AuditPage> page(Caller caller, long fairId, int page, int size) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(
            () ->
                pool.preparedQuery("select count(*) from audit_entry where fair_id = $1")
                    .execute(Tuple.of(fairId)))
        .chain(
            count ->
                pool.preparedQuery(SELECT + " limit $2 offset $3")
                    .execute(Tuple.of(fairId, size, (long) page * size))
                    .map(
                        rows -> {
                          List<AuditView> items = new ArrayList<>();
                          rows.forEach(r -> items.add(view(r)));
                          return new AuditPage(
                              items, page, size, count.iterator().next().getLong(0));
                        }));
  }

  /** Every entry, oldest first, read before the response starts (a fair has hundreds). */
  public Uni<List<AuditView>> all(Caller caller, long fairId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> pool.preparedQuery(SELECT).execute(Tuple.of(fairId)))
        .map(
            rows -> {
              List<AuditView> items = new ArrayList<>();
              rows.forEach(r -> items.add(0, view(r)));
              return items;
            });
  }

  /** UTF-8 with a BOM, semicolons, CRLF: as the fair's other CSV exports, for Polish Excel. */
  static void csv(List<AuditView> entries, OutputStream out) throws java.io.IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    CSVPrinter csv =
        new CSVPrinter(
            w,
            CSVFormat.RFC4180
                .builder()
                .setDelimiter(';')
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get());
    csv.printRecord(
        "nr",
        "czas",
        "kto",
        "imię i nazwisko",
        "role",
        "czynność",
        "przedmiot",
        "id przedmiotu",
        "nazwa przedmiotu",
        "szczegóły",
        "instancja");
    for (AuditView e : entries) {
      csv.printRecord(
          e.id(),
          CSV_TIME.format(e.at()),
          e.actor(),
          safe(e.actorName()),
          e.actorRoles(),
          e.action(),
          e.subjectType(),
          e.subjectId(),
          safe(e.subjectName()),
          safe(e.detail()),
          e.instance());
    }
    csv.flush();
  }

  /** Text a spreadsheet would run as a formula gets a leading apostrophe. */
  private static String safe(String s) {
    return s != null && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }

  private static AuditView view(Row r) {
    return new AuditView(
        r.getLong("id"),
        r.getOffsetDateTime("at").toInstant(),
        r.getString("actor"),
        r.getString("actor_name"),
        r.getString("actor_roles"),
        r.getString("action"),
        r.getString("subject_type"),
        r.getLong("subject_id"),
        r.getString("subject_name"),
        r.getString("detail"),
        r.getString("instance"));
  }
}
