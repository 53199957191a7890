package pl.gielda.contract;

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
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.PaperInput;
import pl.gielda.contract.ContractDtos.RegisterInput;
import pl.gielda.contract.ContractDtos.ReturnInput;
import pl.gielda.contract.chain.ChainVerifier.Verification;

/** The notary's desk: the queue, registration, returns, paper contracts and the chain check. */
@Path("/api/fairs/{fairId}/contracts")
@RolesAllowed({"notary", "organiser"})
public class NotaryResource {

  private final NotaryService notary;
  private final ChainService chain;
  private final CurrentCaller caller;
  private final Idempotency idempotency;
  private final ContractRegistration registration;
  private final UnconfirmedParties unconfirmed;

  NotaryResource(
      NotaryService notary,
      ChainService chain,
      CurrentCaller caller,
      Idempotency idempotency,
      ContractRegistration registration,
      UnconfirmedParties unconfirmed) {
    this.notary = notary;
    this.unconfirmed = unconfirmed;
    this.registration = registration;
    this.chain = chain;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @GET
  @Path("/queue")
  public Uni<List<ContractView>> queue(@RestPath long fairId) {
    return notary.queue(caller.get(), fairId);
  }

  @POST
  @Path("/{contractId:\\d+}/register")
  public Uni<RestResponse<ContractView>> register(
      @RestPath long fairId,
      @RestPath long contractId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid RegisterInput input) {
    return unconfirmed
        .refuseIfAny(caller.get(), fairId, contractId)
        .chain(() -> registration.submit(caller.get(), key, fairId, contractId, input));
  }

  @POST
  @Path("/{contractId:\\d+}/return")
  public Uni<RestResponse<ContractView>> returnToParties(
      @RestPath long fairId,
      @RestPath long contractId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull ReturnInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "contract-return:" + contractId,
        input,
        ContractView.class,
        200,
        () -> notary.returnToParties(caller.get(), fairId, contractId, input.reason()));
  }

  @POST
  @Path("/paper")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ContractView.class)))
  public Uni<RestResponse<ContractView>> paper(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull PaperInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "contract-paper:" + fairId,
        input,
        ContractView.class,
        201,
        () -> notary.paper(caller.get(), fairId, input));
  }

  @GET
  @Path("/chain/verify")
  public Uni<Verification> verify(@RestPath long fairId) {
    return chain.verify(caller.get(), fairId);
  }
}
