package pl.gielda.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.report.export.ExportSnapshot;

/**
 * Opens the snapshot an export is written from. Exports run on worker threads with a JDBC
 * connection and a server-side cursor, so a large fair streams out page by page instead of loading
 * into memory. Only the fair's organiser exports: the files hold people's names and contacts.
 */
@ApplicationScoped
public class ExportService {

  private final AccessGuard guard;
  private final AgroalDataSource db;

  ExportService(AccessGuard guard, AgroalDataSource db) {
    this.guard = guard;
    this.db = db;
  }

  /** Blocking: call from a worker thread. The caller closes the snapshot. */
  public ExportSnapshot open(Caller caller, long fairId) throws SQLException {
    guard.inFair(caller, fairId, Role.ORGANISER).await().atMost(Duration.ofSeconds(30));
    return ExportSnapshot.open(db.getConnection(), fairId);
  }
}
