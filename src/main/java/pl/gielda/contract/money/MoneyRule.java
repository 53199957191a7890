package pl.gielda.contract.money;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One rule of the rule book: a pattern that names money, the guards that make a match innocent, and
 * the examples it must flag and must let pass.
 *
 * @param asTyped true when the pattern runs on the lower-cased text with its diacritics, false when
 *     it runs on the folded text
 */
public record MoneyRule(
    String id,
    MoneyKind kind,
    Pattern pattern,
    boolean asTyped,
    List<MoneyGuard> unless,
    List<String> flags,
    List<String> passes) {}
