package pl.gielda.contract.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule of the money rule book flags its own examples and lets its innocent ones pass. */
class MoneyRuleBookTest {

  private static final MoneyRuleBook BOOK = MoneyRuleBook.loadDefault();
  private static final MoneyChecker CHECKER = new MoneyChecker(BOOK);

  @TestFactory
  Stream<DynamicTest> eachRuleFlagsItsExamples() {
    return BOOK.rules().stream()
        .flatMap(
            rule ->
                rule.flags().stream()
                    .map(
                        example ->
                            DynamicTest.dynamicTest(
                                rule.id() + " flags: " + example,
                                () -> {
                                  assertThat(CHECKER.hits(example, ""))
                                      .as("hits of rule %s in: %s", rule.id(), example)
                                      .anyMatch(h -> h.rule() == rule);
                                  assertThat(CHECKER.check("description", example)).isNotEmpty();
                                })));
  }

  @TestFactory
  Stream<DynamicTest> noRuleFlagsAnyRulesInnocentExample() {
    return BOOK.rules().stream()
        .flatMap(
            rule ->
                rule.passes().stream()
                    .map(
                        example ->
                            DynamicTest.dynamicTest(
                                rule.id() + " passes: " + example,
                                () ->
                                    assertThat(CHECKER.check("description", example))
                                        .as("findings in: %s", example)
                                        .isEmpty())));
  }

  @Test
  void everyGuardAndKindIsUsedByARule() {
    Set<String> guards = new HashSet<>();
    Set<String> kinds = new HashSet<>();
    for (MoneyRule rule : BOOK.rules()) {
      rule.unless().forEach(g -> guards.add(g.name()));
      kinds.add(rule.kind().name());
    }
    assertThat(guards).containsExactlyInAnyOrderElementsOf(BOOK.guards().keySet());
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(BOOK.kinds().keySet());
  }

  @Test
  void ruleIdsAreUniqueAndEveryGuardSaysWhy() {
    List<String> ids = BOOK.rules().stream().map(MoneyRule::id).toList();
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(BOOK.guards().values()).allSatisfy(g -> assertThat(g.why()).isNotBlank());
  }

  @Test
  void aRuleWithoutAnInnocentExampleIsRefused() {
    String text =
        """
        kind MONEY = pieniądze | money
        rule lonely
          kind: MONEY
          match: kasa
          flags: dawaj kasę
        """;
    assertThatThrownBy(() -> MoneyRuleBook.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("passes");
  }

  @Test
  void anUnknownGuardOrBuildingBlockIsRefused() {
    String guard =
        """
        kind MONEY = pieniądze | money
        rule r
          kind: MONEY
          match: kasa
          unless: NOWHERE
          flags: kasa
          passes: nic
        """;
    assertThatThrownBy(() -> MoneyRuleBook.parse(guard)).hasMessageContaining("NOWHERE");
    String block =
        """
        kind MONEY = pieniądze | money
        rule r
          kind: MONEY
          match: {NOPE}kasa
          flags: kasa
          passes: nic
        """;
    assertThatThrownBy(() -> MoneyRuleBook.parse(block)).hasMessageContaining("{NOPE}");
  }

  @Test
  void continuationLinesOfAPatternJoinWithoutSpaces() {
    String text =
        """
        define X = (?:ab
            |cd)
        kind MONEY = pieniądze | money
        rule r
          kind: MONEY
          match: {X}
            e
          flags: cde
          passes: c d e
        """;
    MoneyRuleBook book = MoneyRuleBook.parse(text);
    assertThat(book.rules().get(0).pattern().pattern()).isEqualTo("(?:ab|cd)e");
  }
}
