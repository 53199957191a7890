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
  private final TallyCache cache;

  TallyService(AccessGuard guard, FairSnapshot snapshot, TallyCache cache) {
    this.guard = guard;
    this.snapshot = snapshot;
    this.cache = cache;
  }

  /**
   * From the tables (cached by log position, {@link TallyCache}; {@code after}: the caller's last
   * event number, so it never gets figures older than its board) or folded from the log.
   */
  public Uni<Tallies> live(Caller caller, long fairId, Source source, Long after) {
    boolean fromLog = source == Source.LOG;
    return guard
        .inFairForRepeatedReads(
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
                (fromLog
                        ? snapshot.read(fairId, true).map(FairSnapshot.Figures::fromLog)
                        : cache.current(fairId, after))
                    .map(t -> cut(c, t)));
  }

  private static Tallies cut(Caller c, Tallies t) {
    boolean full = c.kind() != Caller.Kind.PERSON || c.has(Role.NOTARY) || c.has(Role.ORGANISER);
    return full ? t : t.headlineOnly();
  }
}
