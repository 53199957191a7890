package pl.gielda.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonNumber;
import java.util.EnumSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import pl.gielda.common.error.ApiException;

/** The verified caller of this request, read from the token's claims. */
@RequestScoped
public class CurrentCaller {

  private final JsonWebToken jwt;

  CurrentCaller(JsonWebToken jwt) {
    this.jwt = jwt;
  }

  public Caller get() {
    if (jwt == null || jwt.getRawToken() == null) {
      throw ApiException.unauthorized("A valid token is required");
    }
    return fromToken(jwt);
  }

  public static Caller fromToken(JsonWebToken jwt) {
    String kind = jwt.getClaim("kind");
    Object uid = jwt.getClaim("uid");
    Object fair = jwt.getClaim("fair");
    Object bv = jwt.getClaim("bv");
    if (kind == null || uid == null) {
      throw ApiException.unauthorized("The token is not one of ours");
    }
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    jwt.getGroups().forEach(g -> Role.parse(g).ifPresent(roles::add));
    return new Caller(
        Caller.Kind.valueOf(kind),
        asLong(uid),
        fair == null ? null : asLong(fair),
        roles,
        bv == null ? 0 : (int) asLong(bv));
  }

  private static long asLong(Object claim) {
    if (claim instanceof JsonNumber n) {
      return n.longValue();
    }
    if (claim instanceof Number n) {
      return n.longValue();
    }
    return Long.parseLong(claim.toString());
  }
}
