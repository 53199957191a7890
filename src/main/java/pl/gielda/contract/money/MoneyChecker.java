package pl.gielda.contract.money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds money changing hands between the parties in the free text of posts and contracts (Polish
 * and English, with or without diacritics, inflected forms): amounts, currencies, transfers,
 * invoices, cash, fundraising, grants paid out, payment, pay, costs covered, prices. Money as a
 * topic or context is not flagged: "bez opłat", a course on e-invoicing, a collection of bottle
 * caps, a till given away, materials a party buys for itself.
 *
 * <p>The rules are data ({@code /money/rules.txt}, format in this package's README); this class
 * only runs them. Pure Java and thread-safe: one instance can be shared.
 */
public final class MoneyChecker {

  private static final MoneyRuleBook DEFAULT = MoneyRuleBook.loadDefault();

  private final MoneyRuleBook book;

  public MoneyChecker() {
    this(DEFAULT);
  }

  public MoneyChecker(MoneyRuleBook book) {
    this.book = Objects.requireNonNull(book, "book");
  }

  /** A rule's match before overlaps are resolved. */
  record Hit(int start, int end, MoneyRule rule) {}

  /**
   * Checks all fields of one post or contract. A field named "title" (any case) also serves as
   * context for the other fields: a post titled "Warsztaty: jak napisać wniosek o dotację" is about
   * grant writing in every sentence. A phrase found in several fields is reported once.
   *
   * @param fieldsByName field name → text; null or blank texts are skipped
   * @return findings in field order, then in text order; empty when the text does not mention money
   */
  public List<MoneyFinding> check(Map<String, String> fieldsByName) {
    Objects.requireNonNull(fieldsByName, "fieldsByName");
    String title = "";
    for (Map.Entry<String, String> e : fieldsByName.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase("title") && e.getValue() != null) {
        title = TextFolding.fold(e.getValue());
      }
    }
    List<MoneyFinding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, String> e : new LinkedHashMap<>(fieldsByName).entrySet()) {
      if (e.getValue() != null && !e.getValue().isBlank()) {
        for (MoneyFinding f : check(e.getKey(), e.getValue(), title)) {
          if (seen.add(TextFolding.fold(f.fragment()))) {
            findings.add(f);
          }
        }
      }
    }
    return List.copyOf(findings);
  }

  /**
   * Checks one text field.
   *
   * @param field the field name reported in the findings
   * @param text the text as typed; null or blank gives no findings
   */
  public List<MoneyFinding> check(String field, String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return check(field, text, "");
  }

  /**
   * The rules' unguarded matches in {@code text}, overlapping ones included (for tests and tools).
   */
  List<Hit> hits(String text, String foldedTitle) {
    String folded = TextFolding.fold(text);
    String lower = TextFolding.lowerCase(text);
    List<Hit> hits = new ArrayList<>();
    for (MoneyRule rule : book.rules()) {
      Matcher m = rule.pattern().matcher(rule.asTyped() ? lower : folded);
      while (m.find()) {
        if (m.end() > m.start() && !guarded(rule, text, folded, m.start(), m.end(), foldedTitle)) {
          hits.add(new Hit(m.start(), m.end(), rule));
        }
      }
    }
    return hits;
  }

  private List<MoneyFinding> check(String field, String text, String foldedTitle) {
    List<Hit> hits = hits(text, foldedTitle);
    hits.sort(
        Comparator.comparingInt(Hit::start)
            .thenComparing(Comparator.comparingInt(Hit::end).reversed()));
    List<MoneyFinding> findings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int lastEnd = -1;
    for (Hit h : hits) {
      if (h.start() < lastEnd) {
        continue; // overlaps a longer or earlier finding
      }
      lastEnd = h.end();
      String fragment = text.substring(h.start(), h.end()).strip();
      if (seen.add(fragment.toLowerCase(Locale.ROOT))) {
        findings.add(finding(field, fragment, h.rule().kind()));
      }
    }
    return findings;
  }

  /** The reason names the kind of money; the fragment travels beside it, quoted once by the UI. */
  private static MoneyFinding finding(String field, String fragment, MoneyKind kind) {
    return new MoneyFinding(
        field,
        fragment,
        "Wzmianka o pieniądzach (" + kind.labelPl() + ")",
        "Mentions money (" + kind.labelEn() + ")");
  }

  private static boolean guarded(
      MoneyRule rule, String text, String folded, int start, int end, String foldedTitle) {
    if (rule.unless().isEmpty()) {
      return false;
    }
    Sentence sentence = Sentence.around(text, start, end);
    for (MoneyGuard guard : rule.unless()) {
      if (guard.applies(folded, sentence, start, end, foldedTitle)) {
        return true;
      }
    }
    return false;
  }
}
