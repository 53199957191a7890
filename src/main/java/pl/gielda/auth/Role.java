package pl.gielda.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Roles in a fair. Organisers own fairs; the others are roles of a person in one fair. */
public enum Role {
  ORGANISER,
  PARTICIPANT,
  ANIMATOR,
  NOTARY,
  SCREEN,
  /** Someone who asked to join an existing entity and waits for its consent: reads only. */
  NEWCOMER;

  public String group() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> parse(String value) {
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(value.trim())).findFirst();
  }

  /** Roles a person (not an account) can hold. */
  public static final Set<Role> PERSON_ROLES = EnumSet.of(PARTICIPANT, ANIMATOR, NOTARY);

  public static String join(Set<Role> roles) {
    return roles.stream().sorted().map(Role::group).collect(Collectors.joining(","));
  }

  public static EnumSet<Role> split(String joined) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    for (String part : joined.split("[,|]")) {
      if (!part.isBlank()) {
        parse(part).ifPresent(roles::add);
      }
    }
    return roles;
  }
}
