package pl.gielda.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package structure the security rules rest on (issue 21, "Done when"). A feature may use the
 * shared parts below it; the shared parts never reach up into a feature, so that a rule written in
 * {@code common/} or {@code auth/} cannot quietly depend on how a feature happens to work.
 */
class StructureTest {

  private static final String ROOT = "pl.gielda";

  private static JavaClasses main;

  @BeforeAll
  static void importMainClasses() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  /** Outside the application, or inside one of the given packages (and their sub-packages). */
  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> onlyOwnOr(
      String... packages) {
    com.tngtech.archunit.base.DescribedPredicate<JavaClass> allowed =
        resideOutsideOfPackage(ROOT + "..");
    for (String p : packages) {
      allowed = allowed.or(resideInAPackage(ROOT + "." + p + ".."));
    }
    return allowed;
  }

  @Test
  void commonImportsNoFeature() {
    ArchRule rule =
        classes()
            .that()
            .resideInAPackage(ROOT + ".common..")
            .should()
            .onlyDependOnClassesThat(onlyOwnOr("common"))
            .because(
                "common/ is shared by every feature: idempotency needs only the principal, and"
                    + " the composition root (StartupBanner) lives beside GieldaMain");
    rule.check(main);
  }

  @Test
  void theEventLogWriterHasItsOwnPackage() {
    classes()
        .that()
        .haveSimpleName("EventLog")
        .or()
        .haveSimpleName("EventSequencer")
        .or()
        .haveSimpleName("EventNumberingFilter")
        .should()
        .resideInAPackage(ROOT + ".eventlog")
        .check(main);
    classes()
        .that()
        .resideInAPackage(ROOT + ".eventlog..")
        .should()
        .onlyDependOnClassesThat(onlyOwnOr("eventlog", "common"))
        .because("every feature writes its events through eventlog/; it must not need them")
        .check(main);
  }

  /**
   * Features that write events use {@code eventlog/}, not the live board: only the board's own
   * pushes (a match, a tally) may reach into {@code board/}.
   */
  @Test
  void onlyLivePushesReachIntoTheBoard() {
    classes()
        .that()
        .resideOutsideOfPackage(ROOT + ".board..")
        .and()
        .resideInAPackage(ROOT + "..")
        .and(not(KNOWN_BOARD_PUSHERS))
        .should()
        .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + ".board.."))
        .check(main);
  }

  /** Push matches and tallies to connected boards (BoardHub): a live view, not the event log. */
  private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> KNOWN_BOARD_PUSHERS =
      com.tngtech.archunit.base.DescribedPredicate.describe(
          "pushes to live boards",
          c ->
              Set.of("pl.gielda.matching.MatchingService", "pl.gielda.report.TallyCache")
                  .contains(c.getName()));

  /**
   * {@code auth/} holds tokens and the guard only. The join and sign-in flow (AuthService,
   * AuthResource and their DTOs) still live here and reach into participant/, fair/ and eventlog/:
   * that is the one known exception, removed when the join flow moves out (issue 21, "consent" and
   * "identity"). Delete a class from this list once it has moved; a new violation anywhere else in
   * auth/ fails now.
   */
  private static final Set<String> JOIN_AND_SIGN_IN_STILL_IN_AUTH =
      Set.of("pl.gielda.auth.AuthService");

  @Test
  void authImportsNoFeature() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".auth..")
        .and(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "are not the join/sign-in flow still waiting to move out",
                (JavaClass c) ->
                    !JOIN_AND_SIGN_IN_STILL_IN_AUTH.contains(
                        c.isNestedClass()
                            ? c.getEnclosingClass().orElseThrow().getName()
                            : c.getName())))
        .should()
        .onlyDependOnClassesThat(onlyOwnOr("auth", "common"))
        .because("auth/ verifies who is calling; it must not depend on what features do")
        .check(main);
  }
}
