package pl.gielda.auth;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import pl.gielda.common.error.ApiException;

/**
 * Who may do what to whom, written once. A row is an actor's role; each cell lists the roles the
 * subject person may hold (all of them, before and after) for the actor to act on them. The help
 * desk adds participants, reissues participants' badges and releases their phones; it grants no
 * role. Only the organiser grants roles, and reissues or releases the notary's and the help desk's
 * badges. Nobody can give a role above their own ({@link #rank}; a test checks the table).
 */
public final class RoleRules {

  /** Acts on a person of the fair. */
  public enum Act {
    /** Add a person with the given roles (the help desk's "add person"). */
    ADD_PERSON,
    /** Change a person's roles. */
    GRANT_ROLES,
    /** A new sign-in secret; the old one and its phone stop working. */
    REISSUE_BADGE,
    /** Unbind the person's phone (lost, dead battery): the secret works on the next phone. */
    RELEASE_PHONE
  }

  private static final Set<Role> EVERY_PERSON =
      EnumSet.of(Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY);
  private static final Set<Role> PARTICIPANTS = EnumSet.of(Role.PARTICIPANT);

  static final Map<Role, Map<Act, Set<Role>>> TABLE = new EnumMap<>(Role.class);

  static {
    TABLE.put(
        Role.ORGANISER,
        Map.of(
            Act.ADD_PERSON, EVERY_PERSON,
            Act.GRANT_ROLES, EVERY_PERSON,
            Act.REISSUE_BADGE, EVERY_PERSON,
            Act.RELEASE_PHONE, EVERY_PERSON));
    TABLE.put(
        Role.ANIMATOR,
        Map.of(
            Act.ADD_PERSON, PARTICIPANTS,
            Act.REISSUE_BADGE, PARTICIPANTS,
            Act.RELEASE_PHONE, PARTICIPANTS));
    TABLE.put(Role.NOTARY, Map.of());
    TABLE.put(Role.PARTICIPANT, Map.of());
    TABLE.put(Role.SCREEN, Map.of());
  }

  private RoleRules() {}

  /** Higher may hold more; the help desk and the notary are side by side. */
  static int rank(Role role) {
    return switch (role) {
      case SCREEN -> 0;
      case PARTICIPANT -> 1;
      case ANIMATOR, NOTARY -> 2;
      case ORGANISER -> 3;
    };
  }

  /** Whether someone holding {@code actor} roles may act on a person holding {@code subject}. */
  public static boolean allows(Set<Role> actor, Act act, Set<Role> subject) {
    return actor.stream()
        .anyMatch(
            role -> TABLE.get(role).getOrDefault(act, Set.of()).containsAll(nonEmpty(subject)));
  }

  /** The roles that may do {@code act} to someone at all: the fair-level check (AccessGuard). */
  public static Role[] actors(Act act) {
    return Arrays.stream(Role.values())
        .filter(r -> !TABLE.get(r).getOrDefault(act, Set.of()).isEmpty())
        .toArray(Role[]::new);
  }

  /** Refuses (403) unless the table allows it. */
  public static void require(Caller caller, Act act, Set<Role> subject) {
    if (!allows(caller.roles(), act, subject)) {
      throw ApiException.forbidden(
          switch (act) {
            case ADD_PERSON -> "Your role cannot add a person with these roles";
            case GRANT_ROLES -> "Only the organiser grants roles";
            case REISSUE_BADGE ->
                "Only the organiser reissues the badge of a notary or of the help desk";
            case RELEASE_PHONE ->
                "Only the organiser releases the phone of a notary or of the help desk";
          });
    }
  }

  private static Set<Role> nonEmpty(Set<Role> subject) {
    // A person always holds at least one role; an empty set must not pass by containsAll.
    return subject.isEmpty() ? EnumSet.of(Role.ORGANISER) : subject;
  }
}
