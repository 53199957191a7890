package pl.gielda.participant;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.idempotency.Idempotency;
import pl.gielda.participant.ParticipantDtos.BadgeScan;
import pl.gielda.participant.ParticipantDtos.BadgeView;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.ParticipantDtos.EntityView;
import pl.gielda.participant.ParticipantDtos.ImportReport;
import pl.gielda.participant.ParticipantDtos.PersonInput;
import pl.gielda.participant.ParticipantDtos.PersonView;
import pl.gielda.participant.ParticipantDtos.RolesInput;
import pl.gielda.participant.ParticipantDtos.ScreenLinkView;

@Path("/api")
@Authenticated
public class ParticipantResource {

  private final ParticipantService participants;
  private final RosterImportService roster;
  private final BadgeService badges;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  ParticipantResource(
      ParticipantService participants,
      RosterImportService roster,
      BadgeService badges,
      CurrentCaller caller,
      Idempotency idempotency) {
    this.participants = participants;
    this.roster = roster;
    this.badges = badges;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @GET
  @Path("/fairs/{fairId}/entities")
  @RolesAllowed({"organiser", "participant", "animator", "notary"})
  public Uni<List<EntityView>> entities(@RestPath long fairId) {
    return participants.entities(caller.get(), fairId);
  }

  @POST
  @Path("/fairs/{fairId}/entities")
  @RolesAllowed({"organiser", "animator"})
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = EntityView.class)))
  public Uni<RestResponse<EntityView>> createEntity(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull EntityInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "entity:" + fairId,
        input,
        EntityView.class,
        201,
        () -> participants.createEntity(caller.get(), fairId, input));
  }

  @GET
  @Path("/fairs/{fairId}/people")
  @RolesAllowed({"organiser", "animator", "notary"})
  public Uni<List<PersonView>> people(@RestPath long fairId) {
    return participants.people(caller.get(), fairId);
  }

  @POST
  @Path("/fairs/{fairId}/people")
  @RolesAllowed({"organiser", "animator"})
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PersonView.class)))
  public Uni<RestResponse<PersonView>> createPerson(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull PersonInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "person:" + fairId,
        input,
        PersonView.class,
        201,
        () -> participants.createPerson(caller.get(), fairId, input));
  }

  @PUT
  @Path("/fairs/{fairId}/people/{personId}/roles")
  @RolesAllowed("organiser")
  public Uni<PersonView> changeRoles(
      @RestPath long fairId, @RestPath long personId, @Valid @NotNull RolesInput input) {
    return participants.changeRoles(caller.get(), fairId, personId, input.roles());
  }

  @POST
  @Path("/fairs/{fairId}/people/{personId}/badge")
  @RolesAllowed({"organiser", "animator"})
  public Uni<RestResponse<BadgeView>> reissueBadge(
      @RestPath long fairId, @RestPath long personId, @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "badge:" + fairId + ":" + personId,
        null,
        BadgeView.class,
        200,
        () -> participants.reissueBadge(caller.get(), fairId, personId));
  }

  @POST
  @Path("/fairs/{fairId}/people/{personId}/check-in")
  @RolesAllowed({"organiser", "animator"})
  public Uni<PersonView> checkIn(@RestPath long fairId, @RestPath long personId) {
    return participants.checkIn(caller.get(), fairId, personId);
  }

  @POST
  @Path("/fairs/{fairId}/check-in")
  @RolesAllowed({"organiser", "animator"})
  public Uni<PersonView> checkInByBadge(@RestPath long fairId, @Valid @NotNull BadgeScan input) {
    return participants.checkInByBadge(caller.get(), fairId, input.badgeToken());
  }

  @POST
  @Path("/fairs/{fairId}/import")
  @Consumes({"text/csv", "text/plain", "application/octet-stream"})
  @RolesAllowed("organiser")
  public Uni<ImportReport> importRoster(
      @RestPath long fairId, @RestQuery boolean dryRun, byte[] body) {
    return roster.importRoster(caller.get(), fairId, body == null ? new byte[0] : body, dryRun);
  }

  @GET
  @Path("/fairs/{fairId}/badges.pdf")
  @Produces("application/pdf")
  @RolesAllowed("organiser")
  public Uni<RestResponse<byte[]>> badgesPdf(
      @RestPath long fairId, @RestQuery boolean allowLocalhost) {
    return badges
        .pdf(caller.get(), fairId, allowLocalhost)
        .map(
            pdf ->
                RestResponse.ResponseBuilder.ok(pdf, "application/pdf")
                    .header(
                        "Content-Disposition",
                        "inline; filename=\"identyfikatory-" + fairId + ".pdf\"")
                    .build());
  }

  @POST
  @Path("/fairs/{fairId}/screens")
  @RolesAllowed({"organiser", "notary"})
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ScreenLinkView.class)))
  public Uni<RestResponse<ScreenLinkView>> createScreen(
      @RestPath long fairId, @HeaderParam(Idempotency.HEADER) String key) {
    return idempotency.run(
        caller.get(),
        key,
        "screen:" + fairId,
        null,
        ScreenLinkView.class,
        201,
        () -> participants.createScreenLink(caller.get(), fairId));
  }
}
