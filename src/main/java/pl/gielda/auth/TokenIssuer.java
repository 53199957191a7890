package pl.gielda.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/** Mints the app's JWTs. Claims: kind, uid, fair (persons and screens), bv (badge version). */
@ApplicationScoped
public class TokenIssuer {

  static final Duration ORGANISER_TTL = Duration.ofHours(12);
  static final Duration PERSON_TTL = Duration.ofHours(24);
  static final Duration SCREEN_TTL = Duration.ofDays(3);

  public record IssuedToken(String token, Instant expiresAt) {}

  public IssuedToken organiser(long id, String displayName) {
    return sign(
        Caller.Kind.ORGANISER, id, null, Set.of(Role.ORGANISER), 0, displayName, ORGANISER_TTL);
  }

  public IssuedToken person(long id, long fairId, Set<Role> roles, int badgeVersion, String name) {
    return sign(Caller.Kind.PERSON, id, fairId, roles, badgeVersion, name, PERSON_TTL);
  }

  /** A newcomer waiting for an entity's consent: may read the fair, act for nobody. */
  public IssuedToken newcomer(long requestId, long fairId, String name) {
    return sign(
        Caller.Kind.NEWCOMER, requestId, fairId, Set.of(Role.NEWCOMER), 0, name, PERSON_TTL);
  }

  public IssuedToken screen(long linkId, long fairId) {
    return sign(Caller.Kind.SCREEN, linkId, fairId, Set.of(Role.SCREEN), 0, "screen", SCREEN_TTL);
  }

  private IssuedToken sign(
      Caller.Kind kind,
      long id,
      Long fairId,
      Set<Role> roles,
      int badgeVersion,
      String name,
      Duration ttl) {
    Instant expires = Instant.now().plus(ttl);
    var builder =
        Jwt.upn(kind.name().charAt(0) + ":" + id)
            .groups(roles.stream().map(Role::group).collect(Collectors.toSet()))
            .claim("kind", kind.name())
            .claim("uid", id)
            .claim("name", name)
            .claim("bv", badgeVersion)
            .expiresAt(expires);
    if (fairId != null) {
      builder.claim("fair", fairId);
    }
    return new IssuedToken(builder.sign(), expires);
  }
}
