package pl.gielda.matching;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.matching.MatchingDtos.HelpInput;
import pl.gielda.matching.MatchingDtos.HelpView;

/** "Potrzebuję pomocy": the broker queue on the notary/broker console. */
@Path("/api/fairs/{fairId}/help-requests")
@Authenticated
public class BrokerResource {

  private final BrokerService brokers;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  BrokerResource(BrokerService brokers, CurrentCaller caller, Idempotency idempotency) {
    this.brokers = brokers;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @POST
  @RolesAllowed("participant")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = HelpView.class)))
  public Uni<RestResponse<HelpView>> ask(
      @RestPath long fairId, @HeaderParam(Idempotency.HEADER) String key, @Valid HelpInput input) {
    String note = input == null ? null : input.note();
    return idempotency.run(
        caller.get(),
        key,
        "help:" + fairId,
        input,
        HelpView.class,
        201,
        () -> brokers.ask(caller.get(), fairId, note));
  }

  @GET
  @Path("/mine")
  @RolesAllowed("participant")
  public Uni<List<HelpView>> mine(@RestPath long fairId) {
    return brokers.mine(caller.get(), fairId);
  }

  @GET
  @RolesAllowed({"organiser", "animator", "notary"})
  public Uni<List<HelpView>> queue(@RestPath long fairId) {
    return brokers.queue(caller.get(), fairId);
  }

  @POST
  @Path("/{helpId}/take")
  @RolesAllowed({"animator", "notary"})
  public Uni<HelpView> take(@RestPath long fairId, @RestPath long helpId) {
    return brokers.take(caller.get(), fairId, helpId);
  }

  @POST
  @Path("/{helpId}/done")
  @RolesAllowed({"animator", "notary"})
  public Uni<HelpView> done(@RestPath long fairId, @RestPath long helpId) {
    return brokers.done(caller.get(), fairId, helpId);
  }

  @POST
  @Path("/{helpId}/cancel")
  @RolesAllowed("participant")
  public Uni<HelpView> cancel(@RestPath long fairId, @RestPath long helpId) {
    return brokers.cancel(caller.get(), fairId, helpId);
  }
}
