package pl.gielda.contract;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.EditInput;
import pl.gielda.contract.ContractDtos.LookupInput;
import pl.gielda.contract.ContractDtos.PartnerView;
import pl.gielda.contract.ContractDtos.ProposeInput;
import pl.gielda.contract.ContractDtos.SignInput;
import pl.gielda.contract.ContractDtos.WithdrawInput;

/** The parties' side: propose, read, change, sign, withdraw, download the registered PDF. */
@Path("/api/fairs/{fairId}/contracts")
@Authenticated
public class ContractResource {

  private final ContractService contracts;
  private final ContractSigning signing;
  private final CurrentCaller caller;
  private final Idempotency idempotency;

  ContractResource(
      ContractService contracts,
      ContractSigning signing,
      CurrentCaller caller,
      Idempotency idempotency) {
    this.contracts = contracts;
    this.signing = signing;
    this.caller = caller;
    this.idempotency = idempotency;
  }

  @GET
  @RolesAllowed({"participant", "animator", "notary", "organiser"})
  public Uni<List<ContractView>> list(@RestPath long fairId, @RestQuery ContractStatus status) {
    return contracts.list(caller.get(), fairId, status);
  }

  @POST
  @RolesAllowed({"participant", "animator"})
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ContractView.class)))
  public Uni<RestResponse<ContractView>> propose(
      @RestPath long fairId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull ProposeInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "contract:" + fairId,
        input,
        ContractView.class,
        201,
        () -> contracts.propose(caller.get(), fairId, input));
  }

  @POST
  @Path("/partner-lookup")
  @RolesAllowed({"participant", "animator", "notary"})
  public Uni<PartnerView> lookup(@RestPath long fairId, @Valid @NotNull LookupInput input) {
    return contracts.lookup(caller.get(), fairId, input.partnerCode());
  }

  @GET
  @Path("/{contractId:\\d+}")
  @RolesAllowed({"participant", "animator", "notary", "organiser"})
  public Uni<ContractView> get(@RestPath long fairId, @RestPath long contractId) {
    return contracts.get(caller.get(), fairId, contractId);
  }

  @PUT
  @Path("/{contractId:\\d+}")
  @RolesAllowed({"participant", "animator"})
  public Uni<RestResponse<ContractView>> edit(
      @RestPath long fairId,
      @RestPath long contractId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull EditInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "contract-edit:" + contractId,
        input,
        ContractView.class,
        200,
        () -> contracts.edit(caller.get(), fairId, contractId, input));
  }

  @POST
  @Path("/{contractId:\\d+}/sign")
  @RolesAllowed({"participant", "animator"})
  public Uni<RestResponse<ContractView>> sign(
      @RestPath long fairId,
      @RestPath long contractId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid @NotNull SignInput input) {
    return signing.submit(caller.get(), key, fairId, contractId, input);
  }

  @POST
  @Path("/{contractId:\\d+}/withdraw")
  @RolesAllowed({"participant", "animator"})
  public Uni<RestResponse<ContractView>> withdraw(
      @RestPath long fairId,
      @RestPath long contractId,
      @HeaderParam(Idempotency.HEADER) String key,
      @Valid WithdrawInput input) {
    return idempotency.run(
        caller.get(),
        key,
        "contract-withdraw:" + contractId,
        input,
        ContractView.class,
        200,
        () -> contracts.withdraw(caller.get(), fairId, contractId, input));
  }

  @GET
  @Path("/{contractId:\\d+}/pdf")
  @Produces("application/pdf")
  @RolesAllowed({"participant", "animator", "notary", "organiser"})
  public Uni<RestResponse<byte[]>> pdf(@RestPath long fairId, @RestPath long contractId) {
    return contracts
        .pdf(caller.get(), fairId, contractId)
        .map(
            pdf ->
                RestResponse.ResponseBuilder.ok(pdf, "application/pdf")
                    .header(
                        "Content-Disposition",
                        "inline; filename=\"kontrakt-" + fairId + "-" + contractId + ".pdf\"")
                    .build());
  }
}
