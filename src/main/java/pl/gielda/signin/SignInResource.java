package pl.gielda.signin;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import pl.gielda.auth.AuthDtos.TokenView;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.signin.SignInDtos.PhoneInput;
import pl.gielda.signin.SignInDtos.PhoneView;
import pl.gielda.signin.SignInDtos.SignInInput;

/**
 * People sign in with the secret of their badge's tear-off, in the body of a POST (the link carries
 * it in its fragment, which no server sees).
 */
@Path("/api")
public class SignInResource {

  private final SignInService signIn;
  private final CurrentCaller caller;

  SignInResource(SignInService signIn, CurrentCaller caller) {
    this.signIn = signIn;
    this.caller = caller;
  }

  @POST
  @Path("/auth/badge")
  @PermitAll
  public Uni<TokenView> badge(@Valid @NotNull SignInInput input) {
    return signIn.signIn(input.signInSecret(), input.deviceKey());
  }

  @POST
  @Path("/auth/phone")
  @RolesAllowed({"participant", "animator", "notary"})
  public Uni<PhoneView> claimPhone(@Valid @NotNull PhoneInput input) {
    return signIn.claimPhone(caller.get(), input.deviceKey()).map(PhoneView::new);
  }
}
