package pl.gielda.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import pl.gielda.common.error.ApiException;

/**
 * What an organiser's password must be beyond its length: not one people choose first, not a
 * repetition or a run along the keyboard or the alphabet, not the account's own e-mail or name.
 * (NIST SP 800-63B: length plus a check against common and context-specific words, no composition
 * rules.) The messages are fixed English phrases the web client words in the UI language.
 */
public final class PasswordRules {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;

  public static final String TOO_SHORT = "must have 12 to 200 characters";
  public static final String TOO_COMMON = "is too common";
  public static final String TOO_PREDICTABLE =
      "is too predictable: repeated or sequential characters";
  public static final String PERSONAL = "must not contain your e-mail or name";

  private static final Set<String> COMMON = load("/auth/common-passwords.txt");
  private static final String[] RUNS = {
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890",
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "qwertzuiop",
    "yxcvbnm",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"
  };
  private static final int MIN_DISTINCT = 6;
  private static final int MIN_LEFT_AFTER_RUNS = 6;

  private PasswordRules() {}

  /** Why this password is refused, or empty when it is acceptable. */
  public static Optional<String> problem(String password, String email, String displayName) {
    if (password == null
        || password.codePointCount(0, password.length()) < MIN_LENGTH
        || password.length() > MAX_LENGTH) {
      return Optional.of(TOO_SHORT);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || COMMON.contains(stem(lower))) {
      return Optional.of(TOO_COMMON);
    }
    if (lower.codePoints().distinct().count() < MIN_DISTINCT
        || isRepetition(lower)
        || withoutRuns(lower).length() < MIN_LEFT_AFTER_RUNS) {
      return Optional.of(TOO_PREDICTABLE);
    }
    if (containsPart(lower, email == null ? null : email.split("@")[0])
        || containsPart(lower, displayName)) {
      return Optional.of(PERSONAL);
    }
    return Optional.empty();
  }

  /** Refuses a weak password as a field error of {@code password} (400). */
  public static void require(String password, String email, String displayName) {
    problem(password, email, displayName)
        .ifPresent(
            message -> {
              throw ApiException.invalid("password", message);
            });
  }

  /** The word under the decoration: "Haslo2026!" → "haslo", "p@ssw0rd1" → "password". */
  static String stem(String lower) {
    String core = lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    String unLeet =
        core.replace('@', 'a')
            .replace('0', 'o')
            .replace('1', 'i')
            .replace('3', 'e')
            .replace('$', 's')
            .replace('4', 'a')
            .replace('5', 's')
            .replace('7', 't');
    return COMMON.contains(core) ? core : unLeet;
  }

  /** "abcabcabcabc", "passwordpassword": a shorter piece said again. */
  static boolean isRepetition(String s) {
    int n = s.length();
    for (int unit = 1; unit <= n / 2; unit++) {
      if (n % unit == 0 && s.substring(0, unit).repeat(n / unit).equals(s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops every stretch of three or more characters that runs along the alphabet, the digits or a
   * keyboard row, either way, and every character said three times in a row: what is left is what a
   * guesser would not get for free.
   */
  static String withoutRuns(String s) {
    boolean[] drop = new boolean[s.length()];
    for (String run : RUNS) {
      for (String line : new String[] {run, new StringBuilder(run).reverse().toString()}) {
        for (int len = line.length(); len >= 3; len--) {
          for (int from = 0; from + len <= line.length(); from++) {
            String piece = line.substring(from, from + len);
            for (int at = s.indexOf(piece); at >= 0; at = s.indexOf(piece, at + 1)) {
              for (int i = at; i < at + len; i++) {
                drop[i] = true;
              }
            }
          }
        }
      }
    }
    for (int i = 2; i < s.length(); i++) {
      if (s.charAt(i) == s.charAt(i - 1) && s.charAt(i) == s.charAt(i - 2)) {
        drop[i] = drop[i - 1] = drop[i - 2] = true;
      }
    }
    StringBuilder left = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (!drop[i]) {
        left.append(s.charAt(i));
      }
    }
    return left.toString();
  }

  private static boolean containsPart(String lowerPassword, String part) {
    if (part == null) {
      return false;
    }
    for (String word : part.trim().toLowerCase(Locale.ROOT).split("[\\s._+-]+")) {
      if (word.length() >= 4 && lowerPassword.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> load(String resource) {
    try (var in = PasswordRules.class.getResourceAsStream(resource)) {
      Objects.requireNonNull(in, resource);
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return reader
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(HashSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
