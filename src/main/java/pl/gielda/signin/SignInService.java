package pl.gielda.signin;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import pl.gielda.auth.AuthDtos.TokenView;
import pl.gielda.auth.Caller;
import pl.gielda.auth.TokenIssuer;
import pl.gielda.common.Secrets;
import pl.gielda.common.error.ApiException;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.participant.Person;

/**
 * A person signs in with the secret from their badge's tear-off, on their own phone. The first
 * sign-in binds the secret to the phone (the SHA-256 of a key the phone made and keeps); the same
 * secret from another phone is refused until the help desk releases the phone (BadgeDesk) or the
 * badge is reissued. The partner code on the badge's face signs nobody in.
 */
@ApplicationScoped
public class SignInService {

  private final TokenIssuer tokens;
  private final EventLog log;

  SignInService(TokenIssuer tokens, EventLog log) {
    this.tokens = tokens;
    this.log = log;
  }

  /** At a LIVE fair the first sign-in also checks the person in. */
  @WithTransaction
  public Uni<TokenView> signIn(String secret, String deviceKey) {
    // Locked: two phones racing with one secret bind exactly one of them.
    return Person.<Person>find("signInSecret", secret.trim())
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .firstResult()
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown or revoked sign-in code"))
        .invoke(person -> bind(person, deviceKey))
        .chain(
            person ->
                Fair.require(person.fairId)
                    .chain(fair -> checkInIfLive(person, fair))
                    .map(
                        p -> {
                          var token =
                              tokens.person(
                                  p.id, p.fairId, p.roleSet(), p.badgeVersion, p.displayName);
                          return new TokenView(token.token(), token.expiresAt(), p.fairId, p.id);
                        }));
  }

  /**
   * A phone signed in before phones were bound (a fair running when this version was installed)
   * binds itself, so a photographed old badge cannot take the person's place afterwards.
   */
  @WithTransaction
  public Uni<Boolean> claimPhone(Caller caller, String deviceKey) {
    if (caller.kind() != Caller.Kind.PERSON) {
      return Uni.createFrom().failure(ApiException.forbidden("Only people have phones here"));
    }
    return Person.<Person>findById(caller.id())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown person"))
        .map(
            p -> {
              if (p.badgeVersion != caller.badgeVersion()) {
                throw ApiException.unauthorized("This badge was revoked");
              }
              bind(p, deviceKey);
              return true;
            });
  }

  private static void bind(Person person, String deviceKey) {
    String hash = Secrets.sha256(deviceKey);
    if (person.deviceKeyHash == null) {
      person.deviceKeyHash = hash;
      person.deviceBoundAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    } else if (!MessageDigest.isEqual(
        person.deviceKeyHash.getBytes(StandardCharsets.US_ASCII),
        hash.getBytes(StandardCharsets.US_ASCII))) {
      throw phoneBound();
    }
  }

  /** The web client shows it in Polish: the code is in use on another phone, go to the desk. */
  static ApiException phoneBound() {
    return new ApiException(
        403,
        "phone-bound",
        "Forbidden",
        "This sign-in code is in use on another phone; the help desk can release it");
  }

  private Uni<Person> checkInIfLive(Person person, Fair fair) {
    if (fair.phase != Phase.LIVE || person.checkedInAt != null) {
      return Uni.createFrom().item(person);
    }
    // Microseconds, as the database keeps them: the event must carry the stored value.
    person.checkedInAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
}
