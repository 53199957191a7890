package pl.gielda.auth;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import pl.gielda.auth.AuthDtos.OrganiserView;
import pl.gielda.auth.AuthDtos.ResetInput;
import pl.gielda.auth.AuthDtos.ResetLinkView;
import pl.gielda.auth.AuthDtos.ResetRequestInput;
import pl.gielda.auth.AuthDtos.SetupStatus;
import pl.gielda.auth.AuthDtos.TokenView;

/** The setup screen's question, the organisers' team, and "forgot password" without e-mail. */
@Path("/api")
public class OrganiserAccountResource {

  private final OrganiserAccounts accounts;
  private final CurrentCaller caller;

  OrganiserAccountResource(OrganiserAccounts accounts, CurrentCaller caller) {
    this.accounts = accounts;
    this.caller = caller;
  }

  /** Says only whether an organiser exists yet (the token itself is checked on submit). */
  @GET
  @Path("/auth/setup")
  @PermitAll
  public Uni<SetupStatus> setupStatus() {
    return accounts.setupStatus();
  }

  /** Prints a one-time link in the server console for a known account; 202 for any e-mail. */
  @POST
  @Path("/auth/password-reset/request")
  @PermitAll
  @ResponseStatus(202)
  public Uni<Void> requestReset(@Valid @NotNull ResetRequestInput input) {
    return accounts.printResetLink(input.email());
  }

  @POST
  @Path("/auth/password-reset")
  @PermitAll
  public Uni<TokenView> reset(@Valid @NotNull ResetInput input) {
    return accounts.reset(input.token(), input.password());
  }

  @GET
  @Path("/organisers")
  @RolesAllowed("organiser")
  public Uni<List<OrganiserView>> list() {
    caller.get();
    return accounts.list();
  }

  /** A link a fellow organiser hands over (valid 30 minutes, once) to set a forgotten password. */
  @POST
  @Path("/organisers/{organiserId}/password-reset")
  @RolesAllowed("organiser")
  @ResponseStatus(201)
  public Uni<ResetLinkView> resetLink(@RestPath long organiserId) {
    return accounts.resetLinkFor(caller.get(), organiserId);
  }
}
