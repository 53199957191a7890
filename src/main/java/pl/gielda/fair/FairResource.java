package pl.gielda.fair;

import io.quarkus.arc.All;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.fair.FairDtos.FairInput;
import pl.gielda.fair.FairDtos.FairUpdate;
import pl.gielda.fair.FairDtos.FairView;
import pl.gielda.fair.FairDtos.NewCategory;
import pl.gielda.fair.FairDtos.PhaseInput;
import pl.gielda.fair.FairDtos.PublicFairView;

@Path("/api")
@Authenticated
public class FairResource {

  private static final Logger LOG = Logger.getLogger(FairResource.class);

  private final FairService fairs;
  private final CurrentCaller caller;
  private final Idempotency idempotency;
  private final List<PhaseObserver> observers;

  FairResource(
      FairService fairs,
      CurrentCaller caller,
      Idempotency idempotency,
      @All List<PhaseObserver> observers) {
    this.fairs = fairs;
    this.caller = caller;
    this.idempotency = idempotency;
    this.observers = observers;
  }

  @POST
  @Path("/fairs")
  @RolesAllowed("organiser")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = FairView.class)))
  public Uni<RestResponse<FairView>> create(
      @HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull FairInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "create-fair",
        input,
        FairView.class,
        201,
        () -> fairs.create(caller.get(), input));
  }

  @GET
  @Path("/fairs")
  @RolesAllowed("organiser")
  public Uni<List<FairView>> list() {
    return fairs.ownedBy(caller.get());
  }

  @GET
  @Path("/fairs/{fairId}")
  public Uni<FairView> get(@RestPath long fairId) {
    return fairs.get(caller.get(), fairId);
  }

  @POST
  @Path("/fairs/{fairId}/phase")
  @RolesAllowed("organiser")
  public Uni<RestResponse<FairView>> changePhase(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull PhaseInput input) {
    return idempotency
        .run(
            caller.get(),
            key,
            "phase:" + fairId,
            input,
            FairView.class,
            200,
            () -> fairs.changePhase(caller.get(), fairId, input.phase()))
        .call(() -> tellObservers(fairId, input.phase()));
  }

  /**
   * After the commit (the transaction ended with {@code idempotency.run}); never fails the call.
   */
  private Uni<Void> tellObservers(long fairId, Phase phase) {
    Uni<Void> all = Uni.createFrom().voidItem();
    for (PhaseObserver o : observers) {
      all =
          all.call(
              () ->
                  o.phaseChanged(fairId, phase)
                      .onFailure()
                      .invoke(e -> LOG.errorf(e, "After fair %d became %s", fairId, phase))
                      .onFailure()
                      .recoverWithNull());
    }
    return all;
  }

  @PUT
  @Path("/fairs/{fairId}")
  @RolesAllowed("organiser")
  public Uni<FairView> update(@RestPath long fairId, @Valid @NotNull FairUpdate input) {
    return fairs.update(caller.get(), fairId, input);
  }

  @DELETE
  @Path("/fairs/{fairId}")
  @RolesAllowed("organiser")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Uni<RestResponse<Void>> delete(@RestPath long fairId) {
    return fairs.delete(caller.get(), fairId).replaceWith(RestResponse.noContent());
  }

  @POST
  @Path("/fairs/{fairId}/categories")
  @RolesAllowed("organiser")
  public Uni<RestResponse<FairView>> addCategory(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) @Size(max = 100) String key,
      @Valid @NotNull NewCategory input) {
    return idempotency.run(
        caller.get(),
        key,
        "category:" + fairId,
        input,
        FairView.class,
        200,
        () -> fairs.addCategory(caller.get(), fairId, input));
  }

  @GET
  @Path("/public/fairs/{joinCode}")
  @PermitAll
  @ResponseStatus(200)
  public Uni<PublicFairView> byJoinCode(@RestPath @Size(max = 16) String joinCode) {
    return fairs.byJoinCode(joinCode);
  }
}
