package pl.gielda.auth;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import pl.gielda.auth.AuthDtos.EntityRef;
import pl.gielda.auth.AuthDtos.LoginInput;
import pl.gielda.auth.AuthDtos.MeView;
import pl.gielda.auth.AuthDtos.SetupInput;
import pl.gielda.auth.AuthDtos.TokenView;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Person;
import pl.gielda.participant.ScreenLink;

@ApplicationScoped
public class AuthService {

  private final TokenIssuer tokens;
  private final EventLog log;
  private final Vertx vertx;

  AuthService(TokenIssuer tokens, EventLog log, Vertx vertx) {
    this.tokens = tokens;
    this.log = log;
    this.vertx = vertx;
  }

  /** Creates the first organiser with the one-time token printed at first start. */
  @WithTransaction
  public Uni<TokenView> setup(SetupInput input) {
    PasswordRules.require(input.password(), input.email(), input.displayName());
    return SetupToken.<SetupToken>findById(1)
        .chain(
            stored -> {
              if (stored == null
                  || !stored.tokenHash.equals(Secrets.sha256(input.setupToken().trim()))) {
                throw ApiException.unauthorized("The setup token is unknown or was already used");
              }
              return Organiser.count()
                  .chain(
                      n -> {
                        if (n > 0) {
                          throw ApiException.conflict(
                              "already-set-up", "The first organiser already exists");
                        }
                        return hashOffLoop(input.password());
                      })
                  .chain(hash -> createOrganiser(input.email(), input.displayName(), hash))
                  .call(stored::delete);
            })
        .map(o -> view(tokens.organiser(o.id, o.displayName), null, null));
  }

  @WithTransaction
  public Uni<Organiser> createOrganiser(String email, String displayName, String passwordHash) {
    return Organiser.findByEmail(email)
        .chain(
            existing -> {
              if (existing != null) {
                throw ApiException.conflict("email-taken", "An organiser with this e-mail exists");
              }
              Organiser o = new Organiser();
              o.email = email.trim().toLowerCase();
              o.displayName = displayName.trim();
              o.passwordHash = passwordHash;
              o.createdAt = Instant.now();
              return o.persist();
            });
  }

  @WithSession
  public Uni<TokenView> login(LoginInput input) {
    return Organiser.findByEmail(input.email())
        .chain(
            o -> {
              // Hash even for unknown e-mails so timing does not reveal which accounts exist.
              return vertx
                  .executeBlocking(
                      () ->
                          o != null
                              ? PasswordHasher.matches(input.password(), o.passwordHash)
                              : PasswordHasher.matchesNothing(input.password()))
                  .map(
                      ok -> {
                        if (o == null || !ok) {
                          throw ApiException.unauthorized("Wrong e-mail or password");
                        }
                        return view(tokens.organiser(o.id, o.displayName), null, null);
                      });
            });
  }

  /** A phone opens its badge link: sign the person in; at a LIVE fair this checks them in. */
  @WithTransaction
  public Uni<TokenView> badge(String badgeToken) {
    return Person.byBadge(badgeToken.trim())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown or revoked badge"))
        .chain(
            person ->
                Fair.require(person.fairId)
                    .chain(fair -> checkInIfLive(person, fair))
                    .map(
                        p ->
                            view(
                                tokens.person(
                                    p.id, p.fairId, p.roleSet(), p.badgeVersion, p.displayName),
                                p.fairId,
                                p.id)));
  }

  private Uni<Person> checkInIfLive(Person person, Fair fair) {
    if (fair.phase != Phase.LIVE || person.checkedInAt != null) {
      return Uni.createFrom().item(person);
    }
    // Microseconds, as the database keeps them: the event must carry the stored value.
    person.checkedInAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return log.append(
            fair.id,
            "person.checkedIn",
            Map.of(
                "personId",
                person.id,
                "entityId",
                person.entityId,
                "at",
                person.checkedInAt.toString()))
        .replaceWith(person);
  }

  @WithSession
  public Uni<TokenView> screen(String screenToken) {
    return ScreenLink.<ScreenLink>find("token = ?1 and revoked = false", screenToken.trim())
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown or revoked screen link"))
        .map(link -> view(tokens.screen(link.id, link.fairId), link.fairId, null));
  }

  @WithSession
  public Uni<MeView> me(Caller caller) {
    var roles = caller.roles().stream().map(Role::group).collect(Collectors.toSet());
    return switch (caller.kind()) {
      case ORGANISER ->
          Organiser.<Organiser>findById(caller.id())
              .onItem()
              .ifNull()
              .failWith(() -> ApiException.unauthorized("Account no longer exists"))
              .map(o -> new MeView("ORGANISER", o.id, o.displayName, null, roles, null));
      case SCREEN ->
          Uni.createFrom()
              .item(new MeView("SCREEN", caller.id(), "Ekran", caller.fairId(), roles, null));
      case PERSON ->
          Person.<Person>findById(caller.id())
              .onItem()
              .ifNull()
              .failWith(() -> ApiException.unauthorized("Person no longer exists"))
              .chain(
                  p ->
                      Organisation.<Organisation>findById(p.entityId)
                          .map(
                              e ->
                                  new MeView(
                                      "PERSON",
                                      p.id,
                                      p.displayName,
                                      p.fairId,
                                      roles,
                                      new EntityRef(e.id, e.name, e.sector.name()))));
    };
  }

  public Uni<String> hashOffLoop(String password) {
    return vertx.executeBlocking(() -> PasswordHasher.hash(password));
  }

  private static TokenView view(TokenIssuer.IssuedToken token, Long fairId, Long personId) {
    return new TokenView(token.token(), token.expiresAt(), fairId, personId);
  }
}
