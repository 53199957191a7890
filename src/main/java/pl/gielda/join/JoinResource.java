package pl.gielda.join;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import pl.gielda.auth.Caller;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.join.JoinDtos.JoinInput;
import pl.gielda.join.JoinDtos.JoinView;
import pl.gielda.join.JoinDtos.PublicEntityView;

/** Joining a fair with the code on the wall: the entities one may join, and the join itself. */
@Path("/api")
public class JoinResource {

  private final JoinService joins;
  private final Idempotency idempotency;

  JoinResource(JoinService joins, Idempotency idempotency) {
    this.joins = joins;
    this.idempotency = idempotency;
  }

  @GET
  @Path("/public/fairs/{joinCode}/entities")
  @PermitAll
  public Uni<List<PublicEntityView>> joinableEntities(@RestPath @Size(max = 16) String joinCode) {
    return joins.joinableEntities(joinCode);
  }

  @POST
  @Path("/join")
  @PermitAll
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = JoinView.class)))
  public Uni<RestResponse<JoinView>> join(
      @HeaderParam(Idempotency.HEADER) @Size(max = 100) String key,
      @Valid @NotNull JoinInput input) {
    // Anonymous callers have no principal yet: the key alone scopes the retry.
    return idempotency.run(
        Caller.anonymous(), key, "join", input, JoinView.class, 201, () -> joins.join(input));
  }
}
