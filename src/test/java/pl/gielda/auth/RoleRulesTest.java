package pl.gielda.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.auth.Role.ANIMATOR;
import static pl.gielda.auth.Role.NOTARY;
import static pl.gielda.auth.Role.ORGANISER;
import static pl.gielda.auth.Role.PARTICIPANT;
import static pl.gielda.auth.Role.SCREEN;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.gielda.auth.RoleRules.Act;

/**
 * The role table, tested as a table: the expected answers are written here by hand (from the
 * issue's rules), not derived from {@link RoleRules}.
 */
class RoleRulesTest {

  private record Row(Role actor, Act act, Set<Role> subject, boolean allowed) {}

  private static final Set<Role> P = EnumSet.of(PARTICIPANT);
  private static final Set<Role> A = EnumSet.of(ANIMATOR);
  private static final Set<Role> N = EnumSet.of(NOTARY);
  private static final Set<Role> PA = EnumSet.of(PARTICIPANT, ANIMATOR);

  private static final List<Row> EXPECTED =
      List.of(
          // The organiser does everything to everyone.
          new Row(ORGANISER, Act.ADD_PERSON, N, true),
          new Row(ORGANISER, Act.GRANT_ROLES, N, true),
          new Row(ORGANISER, Act.GRANT_ROLES, A, true),
          new Row(ORGANISER, Act.REISSUE_BADGE, N, true),
          new Row(ORGANISER, Act.REISSUE_BADGE, A, true),
          new Row(ORGANISER, Act.RELEASE_PHONE, N, true),
          // The help desk: participants only, and grants no role.
          new Row(ANIMATOR, Act.ADD_PERSON, P, true),
          new Row(ANIMATOR, Act.ADD_PERSON, A, false),
          new Row(ANIMATOR, Act.ADD_PERSON, N, false),
          new Row(ANIMATOR, Act.GRANT_ROLES, P, false),
          new Row(ANIMATOR, Act.GRANT_ROLES, N, false),
          new Row(ANIMATOR, Act.REISSUE_BADGE, P, true),
          new Row(ANIMATOR, Act.REISSUE_BADGE, N, false),
          new Row(ANIMATOR, Act.REISSUE_BADGE, A, false),
          new Row(ANIMATOR, Act.REISSUE_BADGE, PA, false),
          new Row(ANIMATOR, Act.RELEASE_PHONE, P, true),
          new Row(ANIMATOR, Act.RELEASE_PHONE, N, false),
          new Row(ANIMATOR, Act.RELEASE_PHONE, A, false),
          // The notary moderates posts and contracts, not people.
          new Row(NOTARY, Act.ADD_PERSON, P, false),
          new Row(NOTARY, Act.GRANT_ROLES, N, false),
          new Row(NOTARY, Act.REISSUE_BADGE, P, false),
          new Row(NOTARY, Act.RELEASE_PHONE, P, false),
          new Row(PARTICIPANT, Act.ADD_PERSON, P, false),
          new Row(PARTICIPANT, Act.GRANT_ROLES, N, false),
          new Row(PARTICIPANT, Act.REISSUE_BADGE, P, false),
          new Row(PARTICIPANT, Act.RELEASE_PHONE, P, false),
          new Row(SCREEN, Act.REISSUE_BADGE, P, false),
          new Row(SCREEN, Act.RELEASE_PHONE, P, false));

  @Test
  void everyRowOfTheTableAnswersAsWritten() {
    for (Row row : EXPECTED) {
      assertThat(RoleRules.allows(EnumSet.of(row.actor()), row.act(), row.subject()))
          .as("%s %s %s", row.actor(), row.act(), row.subject())
          .isEqualTo(row.allowed());
    }
  }

  @Test
  void everyActHasRowsForTheHelpDeskAndTheOrganiser() {
    for (Act act : Act.values()) {
      assertThat(EXPECTED).anyMatch(r -> r.act() == act && r.actor() == ANIMATOR);
      assertThat(EXPECTED).anyMatch(r -> r.act() == act && r.actor() == ORGANISER);
    }
  }

  @Test
  void nobodyGivesOrTouchesARoleAboveTheirOwn() {
    for (Role actor : Role.values()) {
      for (Act act : Act.values()) {
        for (Role subject : Role.PERSON_ROLES) {
          if (RoleRules.allows(EnumSet.of(actor), act, EnumSet.of(subject))) {
            // Only the organiser, at the top, acts on its peers' level; others strictly below.
            assertThat(actor == ORGANISER || RoleRules.rank(subject) < RoleRules.rank(actor))
                .as("%s may %s a %s", actor, act, subject)
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void onlyTheOrganiserGrantsRoles() {
    assertThat(RoleRules.actors(Act.GRANT_ROLES)).containsExactly(ORGANISER);
    assertThat(RoleRules.actors(Act.REISSUE_BADGE)).containsExactlyInAnyOrder(ORGANISER, ANIMATOR);
  }

  @Test
  void aPersonWithNoRolesIsNobodysToTouch() {
    assertThat(
            RoleRules.allows(EnumSet.of(ANIMATOR), Act.REISSUE_BADGE, EnumSet.noneOf(Role.class)))
        .isFalse();
  }
}
