package pl.gielda.join;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.join.JoinDtos.JoinRequestView;
import pl.gielda.join.JoinDtos.JoinView;
import pl.gielda.participant.ParticipantDtos.EntityView;

/** Who may act for an entity: join requests, their decisions, and confirming new entities. */
@Path("/api")
public class ConsentResource {

  private final ConsentService consent;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  ConsentResource(ConsentService consent, CurrentCaller caller, Idempotency idempotency) {
    this.consent = consent;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  /** The newcomer's own request: for whom they wait, and the answer. */
  @GET
  @Path("/join/mine")
  @RolesAllowed("newcomer")
  public Uni<JoinRequestView> mine() {
    return consent.mine(caller.get());
  }

  /**
   * Once let in, the member's token for the newcomer's phone. It changes nothing (a retry mints an
   * equivalent token), so it needs no idempotency key.
   */
  @POST
  @Path("/join/mine/token")
  @RolesAllowed("newcomer")
  public Uni<JoinView> memberToken() {
    return consent.memberToken(caller.get());
  }

  @GET
  @Path("/fairs/{fairId}/join-requests")
  @RolesAllowed({"participant", "animator", "organiser"})
  public Uni<List<JoinRequestView>> waiting(@RestPath long fairId) {
    return consent.waiting(caller.get(), fairId);
  }

  @POST
  @Path("/fairs/{fairId}/join-requests/{requestId}/approve")
  @RolesAllowed({"participant", "animator", "organiser"})
  public Uni<RestResponse<JoinRequestView>> approve(
      @RestPath long fairId,
      @RestPath long requestId,
      @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "join-approve:" + requestId,
        null,
        JoinRequestView.class,
        200,
        () -> consent.approve(caller.get(), fairId, requestId));
  }

  @POST
  @Path("/fairs/{fairId}/join-requests/{requestId}/reject")
  @RolesAllowed({"participant", "animator", "organiser"})
  public Uni<RestResponse<JoinRequestView>> reject(
      @RestPath long fairId,
      @RestPath long requestId,
      @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "join-reject:" + requestId,
        null,
        JoinRequestView.class,
        200,
        () -> consent.reject(caller.get(), fairId, requestId));
  }

  @POST
  @Path("/fairs/{fairId}/entities/{entityId}/confirm")
  @RolesAllowed({"animator", "organiser"})
  public Uni<RestResponse<EntityView>> confirmEntity(
      @RestPath long fairId, @RestPath long entityId, @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "entity-confirm:" + entityId,
        null,
        EntityView.class,
        200,
        () -> consent.confirmEntity(caller.get(), fairId, entityId));
  }
}
