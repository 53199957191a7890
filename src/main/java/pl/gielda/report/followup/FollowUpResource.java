package pl.gielda.report.followup;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import pl.gielda.report.followup.FollowUpDtos.FollowUpInput;
import pl.gielda.report.followup.FollowUpDtos.FollowUpView;

/** A registered contract's delivery history: its parties and the organiser write it. */
@Path("/api/fairs/{fairId}/contracts")
public class FollowUpResource {

  private final FollowUpService followUps;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  FollowUpResource(FollowUpService followUps, CurrentCaller caller, Idempotency idempotency) {
    this.followUps = followUps;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @POST
  @Path("/{contractId:\\d+}/follow-ups")
  @RolesAllowed({"organiser", "participant", "animator"})
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = FollowUpView.class)))
  public Uni<RestResponse<FollowUpView>> record(
      @RestPath long fairId,
      @RestPath long contractId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull FollowUpInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "follow-up:" + contractId,
        input,
        FollowUpView.class,
        201,
        () -> followUps.record(caller.get(), fairId, contractId, input));
  }

  @GET
  @Path("/{contractId:\\d+}/follow-ups")
  @RolesAllowed({"organiser", "participant", "animator", "notary"})
  public Uni<List<FollowUpView>> history(@RestPath long fairId, @RestPath long contractId) {
    return followUps.history(caller.get(), fairId, contractId);
  }
}
