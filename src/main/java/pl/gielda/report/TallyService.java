package pl.gielda.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.report.tally.Tallies;

/**
 * Live tallies. Organisers, notaries and the big screen get every figure; participants' and the
 * help desk's phones get the headline counters only (what the hall's screen shows anyway), which
 * keeps the payload small on weak Wi-Fi and the detailed figures for the organisers' report.
 */
@ApplicationScoped
public class TallyService {

  public enum Source {
    TABLES,
    LOG
  }

  private final AccessGuard guard;
  private final FairSnapshot snapshot;

  TallyService(AccessGuard guard, FairSnapshot snapshot) {
    this.guard = guard;
    this.snapshot = snapshot;
  }

  public Uni<Tallies> live(Caller caller, long fairId, Source source) {
    boolean fromLog = source == Source.LOG;
    return guard
        .inFair(
            caller,
            fairId,
            Role.ORGANISER,
            Role.NOTARY,
            Role.SCREEN,
            Role.PARTICIPANT,
            Role.ANIMATOR)
        .invoke(
            c -> {
              if (fromLog && c.kind() != Caller.Kind.ORGANISER) {
                throw ApiException.forbidden("Only the organiser recomputes tallies from the log");
              }
            })
        .chain(
            c ->
                snapshot
                    .read(fairId, fromLog)
                    .map(f -> cut(c, fromLog ? f.fromLog() : f.fromTables())));
  }

  private static Tallies cut(Caller c, Tallies t) {
    boolean full = c.kind() != Caller.Kind.PERSON || c.has(Role.NOTARY) || c.has(Role.ORGANISER);
    return full ? t : t.headlineOnly();
  }
}
