package pl.gielda.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

  @ParameterizedTest
  @CsvSource({
    "aaaaaaaaaaaa, " + PasswordRules.TOO_PREDICTABLE,
    "abababababab, " + PasswordRules.TOO_PREDICTABLE,
    "abcabcabcabc, " + PasswordRules.TOO_PREDICTABLE,
    "123456789012, " + PasswordRules.TOO_PREDICTABLE,
    "abcdefghijkl, " + PasswordRules.TOO_PREDICTABLE,
    "qwertyuiop12, " + PasswordRules.TOO_PREDICTABLE,
    "password1234, " + PasswordRules.TOO_COMMON,
    "Haslo2026!!!, " + PasswordRules.TOO_COMMON,
    "P@ssw0rd2026, " + PasswordRules.TOO_COMMON,
    "zaq12wsxcde3, " + PasswordRules.TOO_COMMON,
    "polska123456, " + PasswordRules.TOO_COMMON,
    "short-pass, " + PasswordRules.TOO_SHORT,
  })
  void refusesWeakPasswordsWithTheReason(String password, String reason) {
    assertThat(PasswordRules.problem(password, "ewa@example.org", "Ewa Nowak")).contains(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kowalska-gielda-2026", "Kowalska2026!x"})
  void refusesTheAccountsOwnNameOrEmail(String password) {
    assertThat(PasswordRules.problem(password, "kowalska@example.org", "Maria Kowalska"))
        .contains(PasswordRules.PERSONAL);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Zielona łąka nad Wisłą",
        "rower-kawa-Pelplin-7",
        "correct horse battery staple",
        "tczewskie targi 2026 wiosna"
      })
  void acceptsPassphrasesAGuesserWouldNotTryFirst(String password) {
    assertThat(PasswordRules.problem(password, "ewa@example.org", "Ewa Nowak")).isEmpty();
  }
}
