package pl.gielda.auth;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;
import pl.gielda.auth.AuthDtos.BadgeInput;
import pl.gielda.auth.AuthDtos.LoginInput;
import pl.gielda.auth.AuthDtos.MeView;
import pl.gielda.auth.AuthDtos.OrganiserInput;
import pl.gielda.auth.AuthDtos.OrganiserView;
import pl.gielda.auth.AuthDtos.ScreenInput;
import pl.gielda.auth.AuthDtos.SetupInput;
import pl.gielda.auth.AuthDtos.TokenView;

/** Sign-in: organisers with a password, people with their badge, big screens with a link. */
@Path("/api")
public class AuthResource {

  private final AuthService auth;
  private final CurrentCaller caller;

  AuthResource(AuthService auth, CurrentCaller caller) {
    this.auth = auth;
    this.caller = caller;
  }

  @POST
  @Path("/auth/setup")
  @PermitAll
  @ResponseStatus(201)
  public Uni<TokenView> setup(@Valid @NotNull SetupInput input) {
    return auth.setup(input);
  }

  @POST
  @Path("/auth/login")
  @PermitAll
  public Uni<TokenView> login(@Valid @NotNull LoginInput input) {
    return auth.login(input);
  }

  @POST
  @Path("/auth/badge")
  @PermitAll
  public Uni<TokenView> badge(@Valid @NotNull BadgeInput input) {
    return auth.badge(input.badgeToken());
  }

  @POST
  @Path("/auth/screen")
  @PermitAll
  public Uni<TokenView> screen(@Valid @NotNull ScreenInput input) {
    return auth.screen(input.screenToken());
  }

  /** An organiser adds a fellow organiser (each then owns the fairs they create). */
  @POST
  @Path("/organisers")
  @RolesAllowed("organiser")
  @ResponseStatus(201)
  public Uni<OrganiserView> addOrganiser(@Valid @NotNull OrganiserInput input) {
    caller.get();
    PasswordRules.require(input.password(), input.email(), input.displayName());
    return auth.hashOffLoop(input.password())
        .chain(hash -> auth.createOrganiser(input.email(), input.displayName(), hash))
        .map(o -> new OrganiserView(o.id, o.email, o.displayName));
  }

  @GET
  @Path("/me")
  @Authenticated
  public Uni<MeView> me() {
    return auth.me(caller.get());
  }
}
