package pl.gielda.contract;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestQuery;
import pl.gielda.contract.ContractDtos.PublicVerifyView;

/** The page a printed contract's QR code opens asks here whether it is real and intact. */
@Path("/api/public/contracts")
@PermitAll
public class PublicContractResource {

  private final ChainService chain;

  PublicContractResource(ChainService chain) {
    this.chain = chain;
  }

  @GET
  @Path("/verify")
  public Uni<PublicVerifyView> verify(
      @RestQuery @NotNull @Min(1) Long fair,
      @RestQuery @NotNull @Min(1) @Max(1_000_000) Integer number,
      @RestQuery @NotNull @Pattern(regexp = "[0-9a-f]{64}") String hash) {
    return chain.verifyPublic(fair, number, hash);
  }
}
