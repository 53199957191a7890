package pl.gielda.report;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.error.ApiException;
import pl.gielda.report.ReportDtos.ClosingView;
import pl.gielda.report.TallyService.Source;
import pl.gielda.report.tally.Tallies;

/** Live tallies of a fair and the figures it closed with. */
@Path("/api")
public class TallyResource {

  private final TallyService tallies;
  private final ClosingService closing;
  private final CurrentCaller caller;

  TallyResource(TallyService tallies, ClosingService closing, CurrentCaller caller) {
    this.tallies = tallies;
    this.closing = closing;
    this.caller = caller;
  }

  /**
   * The fair's figures at the log number {@code seq}. {@code source=log} (organiser) folds the
   * whole event log instead of reading the tables: slower, for checking.
   */
  @GET
  @Path("/fairs/{fairId}/tallies")
  @RolesAllowed({"organiser", "notary", "screen", "participant", "animator"})
  public Uni<Tallies> tallies(@RestPath long fairId, @RestQuery String source) {
    return tallies.live(caller.get(), fairId, source(source));
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

  @GET
  @Path("/fairs/{fairId}/closing")
  @RolesAllowed({"organiser", "notary"})
  public Uni<ClosingView> closing(@RestPath long fairId) {
    return closing.get(caller.get(), fairId);
  }
}
