package pl.gielda.auth;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import pl.gielda.common.Secrets;
import pl.gielda.common.config.GieldaConfig;

/**
 * The first organiser comes from configuration ({@code gielda.bootstrap.*}) or from a one-time
 * setup token printed at the first start. There is never a default password.
 */
@ApplicationScoped
public class OrganiserBootstrap {

  private static final Logger LOG = Logger.getLogger(OrganiserBootstrap.class);

  private final GieldaConfig config;
  private final AuthService auth;
  private volatile String printedSetupToken;

  OrganiserBootstrap(GieldaConfig config, AuthService auth) {
    this.config = config;
    this.auth = auth;
  }

  public Uni<Void> ensureFirstOrganiser() {
    var email = config.bootstrap().organiserEmail();
    var password = config.bootstrap().organiserPassword();
    if (email.isPresent() && password.isPresent()) {
      // The configured account is created once, whatever else exists (e.g. the demo organiser).
      return Panache.withTransaction(
          () ->
              Organiser.findByEmail(email.get())
                  .chain(
                      existing -> {
                        if (existing != null) {
                          return Uni.createFrom().voidItem();
                        }
                        LOG.infof("Creating the organiser %s from configuration", email.get());
                        return auth.hashOffLoop(password.get())
                            .chain(hash -> auth.createOrganiser(email.get(), "Organizator", hash))
                            .replaceWithVoid();
                      }));
    }
    return Panache.withTransaction(
        () -> Organiser.count().chain(n -> n > 0 ? Uni.createFrom().voidItem() : newSetupToken()));
  }

  private Uni<Void> newSetupToken() {
    String token = Secrets.token();
    SetupToken stored = new SetupToken();
    stored.id = 1;
    stored.tokenHash = Secrets.sha256(token);
    stored.createdAt = Instant.now();
    printedSetupToken = token;
    return Panache.getSession()
        .chain(s -> s.merge(stored))
        .invoke(
            () ->
                LOG.infof(
                    "No organiser yet. Create the first one at /setup?token=%s (one-time token)",
                    token))
        .replaceWithVoid();
  }

  /** The setup token printed at this start, if one was needed (for the start-up banner). */
  public String printedSetupToken() {
    return printedSetupToken;
  }
}
