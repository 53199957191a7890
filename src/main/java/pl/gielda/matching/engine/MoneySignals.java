package pl.gielda.matching.engine;

import java.util.regex.Pattern;

/**
 * Spots posts that ask for or offer money (amounts in złoty or euro, BLIK, bank transfers,
 * fundraisers, sponsors, discounts). Money deals are not allowed at the fair, so such posts are
 * ranked down (never hidden: moderation is a separate concern). Innocent mentions of a bank, an
 * account in a lesson, a grant-writing workshop or a "darowizna rzeczowa" are not signals.
 */
final class MoneySignals {

  private static final Pattern MONEY =
      Pattern.compile(
          "(\\d\\s*(zl|pln|eur|euro|€)\\b|€|\\bzl\\b|\\bblik\\b|\\brevolut|\\bprzelew|\\bwplat"
              + "|\\bzrzutk|\\bnumer konta|\\bnr konta|\\bna konto|\\bgotowk|\\bsponsor"
              + "|\\bdorzuc|\\bfaktur|\\brabat|\\bpokry\\w* koszt|\\bwklad\\w* wlasn|\\bplatnos"
              + "|\\bodplatn|\\bdonation|\\bcash\\b|\\bmoney\\b|\\bdotacj\\w* do \\d"
              + "|\\bmikrodotacj|\\bsrodki przelew)",
          Pattern.DOTALL);

  private MoneySignals() {}

  static boolean mentionsMoney(String text) {
    return text != null && MONEY.matcher(PolishTextAnalyzer.fold(text)).find();
  }
}
