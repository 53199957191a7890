package pl.gielda.support;

import io.smallrye.jwt.build.Jwt;
import java.time.Instant;
import java.util.Set;

/** Tokens signed with the test-only key, each wrong in exactly one way. */
public final class TestTokens {

  private TestTokens() {}

  public static String expiredPerson(long personId, long fairId) {
    return Jwt.upn("P:" + personId)
        .issuer("https://gielda.local")
        .groups(Set.of("participant"))
        .claim("kind", "PERSON")
        .claim("uid", personId)
        .claim("fair", fairId)
        .claim("bv", 1)
        .issuedAt(Instant.now().minusSeconds(7200))
        .expiresAt(Instant.now().minusSeconds(3600))
        .sign();
  }

  public static String wrongIssuerPerson(long personId, long fairId) {
    return Jwt.upn("P:" + personId)
        .issuer("https://evil.example")
        .groups(Set.of("participant"))
        .claim("kind", "PERSON")
        .claim("uid", personId)
        .claim("fair", fairId)
        .claim("bv", 1)
        .sign();
  }

  /** A valid token whose payload was edited (here: promoted to notary) without re-signing. */
  public static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(parts[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    String changed = payload.replace("\"participant\"", "\"notary\"");
    return parts[0]
        + "."
        + java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
