package pl.gielda.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.error.ApiException;
import pl.gielda.report.ReportDtos.ClosingView;
import pl.gielda.report.TallyService.Source;
import pl.gielda.report.followup.FollowUpDtos.BalanceView;
import pl.gielda.report.followup.FollowUpDtos.StaleContract;
import pl.gielda.report.followup.FollowUpService;
import pl.gielda.report.tally.Tallies;

/** Live tallies of a fair, the figures it closed with, and the organiser's follow-up lists. */
@Path("/api")
public class TallyResource {

  private final TallyService tallies;
  private final ClosingService closing;
  private final FollowUpService followUps;
  private final CurrentCaller caller;

  TallyResource(
      TallyService tallies,
      ClosingService closing,
      FollowUpService followUps,
      CurrentCaller caller) {
    this.tallies = tallies;
    this.closing = closing;
    this.followUps = followUps;
    this.caller = caller;
  }

  /**
   * The fair's figures at the log number {@code seq}. {@code source=log} (organiser) folds the
   * whole event log instead of reading the tables: slower, for checking. {@code after}: the last
   * event number the caller's board holds; the figures are at least that recent.
   */
  @GET
  @Path("/fairs/{fairId}/tallies")
  @RolesAllowed({"organiser", "notary", "screen", "participant", "animator"})
  public Uni<Tallies> tallies(
      @RestPath long fairId, @RestQuery String source, @RestQuery @Min(0) Long after) {
    return tallies.live(caller.get(), fairId, source(source), after);
  }

  private static Source source(String raw) {
    if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("tables")) {
      return Source.TABLES;
    }
    if (raw.equalsIgnoreCase("log")) {
      return Source.LOG;
    }
    throw ApiException.invalid("source", "tables or log");
  }

  /**
   * Registered contracts with no news (follow-up, or registration) for {@code days} days (default
   * 14) that are neither delivered nor found not feasible.
   */
  @GET
  @Path("/fairs/{fairId}/follow-ups/stale")
  @RolesAllowed("organiser")
  public Uni<List<StaleContract>> stale(@RestPath long fairId, @RestQuery Integer days) {
    int d = days == null ? 14 : days;
    if (d < 0 || d > 3650) {
      throw ApiException.invalid("days", "0 to 3650");
    }
    return followUps.stale(caller.get(), fairId, d);
  }

  /** Value given vs received per entity and sector; {@code deliveredOnly}: delivered contracts. */
  @GET
  @Path("/fairs/{fairId}/balance")
  @RolesAllowed("organiser")
  public Uni<BalanceView> balance(@RestPath long fairId, @RestQuery boolean deliveredOnly) {
    return followUps.balance(caller.get(), fairId, deliveredOnly);
  }

  @GET
  @Path("/fairs/{fairId}/closing")
  @RolesAllowed({"organiser", "notary"})
  public Uni<ClosingView> closing(@RestPath long fairId) {
    return closing.get(caller.get(), fairId);
  }
}
