package pl.gielda.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies each token's signature once, not on every request.
 *
 * <p>A phone sends the same token with every request for a day; at the end of a fair a thousand
 * phones sign and refetch at once, and checking the RSA signature and parsing the claims again each
 * time was about a tenth of the app's CPU per signature. A token that verified is remembered (its
 * exact text) until it expires; one that did not is never remembered, so a changed character is
 * verified — and refused — like any unknown token. Revocation does not depend on this: a badge's
 * version is checked against the database by {@link AccessGuard} on every write.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTCallerPrincipalFactory {

  /**
   * Tokens remembered at most. One costs about 3.3 KB of heap (measured: the principal with its
   * claims and the token's text), so this bounds the cache at about 33 MB — more than the phones
   * that sign in a fair's last half hour, and not per board connection: with 19,000 phones held,
   * the ones not remembered are verified on use as before.
   */
  static final int CAPACITY = 10_000;

  private record Verified(JWTCallerPrincipal principal, long expiresAtSeconds) {}

  private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
  private final Counter verifications;

  VerifiedTokens(MeterRegistry metrics) {
    this.verifications = metrics.counter("gielda.auth.token.verifications");
  }

  @Override
  public JWTCallerPrincipal parse(String token, JWTAuthContextInfo info) throws ParseException {
    long now = System.currentTimeMillis() / 1000;
    Verified known = verified.get(token);
    if (known != null) {
      if (now < known.expiresAtSeconds()) {
        return known.principal();
      }
      verified.remove(token);
    }
    verifications.increment();
    JWTCallerPrincipal principal = super.parse(token, info);
    long expires = principal.getExpirationTime();
    if (expires > now) {
      if (verified.size() >= CAPACITY) {
        // Full: forget the expired, and if that is not enough, everything (verified again on use).
        verified.values().removeIf(v -> v.expiresAtSeconds() <= now);
        if (verified.size() >= CAPACITY) {
          verified.clear();
        }
      }
      verified.put(token, new Verified(principal, expires));
    }
    return principal;
  }
}
