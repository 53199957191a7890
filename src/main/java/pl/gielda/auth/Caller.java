package pl.gielda.auth;

import java.util.Set;
import pl.gielda.common.Principal;

/**
 * Who is calling, as the verified token says. {@code fairId} is null for organiser accounts, whose
 * access to a fair is decided by ownership.
 */
public record Caller(Kind kind, long id, Long fairId, Set<Role> roles, int badgeVersion)
    implements Principal {

  public enum Kind {
    ORGANISER,
    PERSON,
    SCREEN
  }

  /** Someone without a token yet (joining with the fair's code). */
  public static Caller anonymous() {
    return new Caller(Kind.PERSON, 0, null, Set.of(), 0);
  }

  /** A stable principal name for idempotency keys and audit. */
  @Override
  public String principal() {
    return kind.name().charAt(0) + ":" + id;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
