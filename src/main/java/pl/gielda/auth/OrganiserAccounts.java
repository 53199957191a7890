package pl.gielda.auth;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;
import pl.gielda.auth.AuthDtos.OrganiserView;
import pl.gielda.auth.AuthDtos.ResetLinkView;
import pl.gielda.auth.AuthDtos.SetupStatus;
import pl.gielda.auth.AuthDtos.TokenView;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;
import pl.gielda.common.web.PublicUrl;

/**
 * The organisers' team: who is in it, a fellow organiser added from the console, and "forgot
 * password" without e-mail — a one-time link that a fellow organiser hands over, or that the server
 * prints in its console (where the person who started it reads it) when asked on the login page.
 */
@ApplicationScoped
public class OrganiserAccounts {

  private static final Logger LOG = Logger.getLogger(OrganiserAccounts.class);
  static final Duration RESET_VALID = Duration.ofMinutes(30);

  /** One printed link per account a minute at most, so the login page cannot flood the console. */
  static final Duration PRINT_INTERVAL = Duration.ofMinutes(1);

  private final AuthService auth;
  private final TokenIssuer tokens;
  private final PublicUrl publicUrl;

  OrganiserAccounts(AuthService auth, TokenIssuer tokens, PublicUrl publicUrl) {
    this.auth = auth;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
  }

  /** Whether the setup screen is still needed (no organiser yet). */
  @WithSession
  public Uni<SetupStatus> setupStatus() {
    return Organiser.count().map(n -> new SetupStatus(n == 0));
  }

  @WithSession
  public Uni<List<OrganiserView>> list() {
    return Organiser.<Organiser>list("order by lower(displayName), id")
        .map(
            all -> all.stream().map(o -> new OrganiserView(o.id, o.email, o.displayName)).toList());
  }

  public Uni<OrganiserView> add(String email, String displayName, String password) {
    PasswordRules.require(password, email, displayName);
    return auth.hashOffLoop(password)
        .chain(hash -> auth.createOrganiser(email, displayName, hash))
        .map(o -> new OrganiserView(o.id, o.email, o.displayName))
        .invoke(o -> LOG.infof("Organiser %s added", o.email()));
  }

  /** A fellow organiser asks for a link to hand over; the holder sets their own new password. */
  @WithTransaction
  public Uni<ResetLinkView> resetLinkFor(Caller caller, long organiserId) {
    if (caller.kind() != Caller.Kind.ORGANISER) {
      return Uni.createFrom().failure(ApiException.forbidden("Only organisers reset passwords"));
    }
    return Organiser.<Organiser>findById(organiserId)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("Organiser " + organiserId))
        .chain(o -> newReset(o, caller.id()))
        .invoke(
            link ->
                LOG.infof(
                    "Organiser %d issued a password-reset link for organiser %d",
                    caller.id(), organiserId))
        .map(link -> new ResetLinkView(link.url(), link.expiresAt()));
  }

  /**
   * "Forgot password" on the login page: for a known account, a link is printed in the server's
   * console. The answer is the same for every e-mail, so it tells no one which accounts exist.
   */
  @WithTransaction
  public Uni<Void> printResetLink(String email) {
    return Organiser.findByEmail(email)
        .chain(
            o -> {
              if (o == null) {
                return Uni.createFrom().voidItem();
              }
              Instant recent = Instant.now().minus(PRINT_INTERVAL);
              return PasswordReset.count(
                      "organiserId = ?1 and issuedBy is null and createdAt > ?2", o.id, recent)
                  .chain(
                      n ->
                          n > 0
                              ? Uni.createFrom().voidItem()
                              : newReset(o, null)
                                  .invoke(
                                      link ->
                                          LOG.infof(
                                              "Password reset asked for %s. One-time link (valid"
                                                  + " %d min): %s",
                                              o.email, RESET_VALID.toMinutes(), link.url()))
                                  .replaceWithVoid());
            });
  }

  /** Sets the new password with a one-time link, and signs the organiser in. */
  @WithTransaction
  public Uni<TokenView> reset(String token, String password) {
    return PasswordReset.<PasswordReset>findById(Secrets.sha256(token.trim()))
        .chain(
            r -> {
              if (r == null || r.expiresAt.isBefore(Instant.now())) {
                throw ApiException.unauthorized("The reset link is unknown, used or expired");
              }
              return Organiser.<Organiser>findById(r.organiserId);
            })
        .chain(
            o -> {
              PasswordRules.require(password, o.email, o.displayName);
              return auth.hashOffLoop(password)
                  .invoke(hash -> o.passwordHash = hash)
                  .call(() -> PasswordReset.delete("organiserId", o.id))
                  .map(
                      hash -> {
                        LOG.infof("Organiser %s set a new password with a reset link", o.email);
                        var issued = tokens.organiser(o.id, o.displayName);
                        return new TokenView(issued.token(), issued.expiresAt(), null, null);
                      });
            });
  }

  private Uni<IssuedLink> newReset(Organiser o, Long issuedBy) {
    String token = Secrets.token();
    PasswordReset r = new PasswordReset();
    r.tokenHash = Secrets.sha256(token);
    r.organiserId = o.id;
    r.issuedBy = issuedBy;
    r.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    r.expiresAt = r.createdAt.plus(RESET_VALID);
    return r.<PasswordReset>persist()
        .map(
            saved ->
                new IssuedLink(publicUrl.base() + "/password-reset?token=" + token, r.expiresAt));
  }

  private record IssuedLink(String url, Instant expiresAt) {}
}
