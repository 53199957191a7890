package pl.gielda.report.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/** Polish number words and formats for the report. */
public final class Polish {

  private Polish() {}

  /**
   * {@code plural(5, "kontrakt", "kontrakty", "kontraktów")} → "5 kontraktów": one; few (2–4, but
   * not 12–14); many.
   */
  public static String plural(long n, String one, String few, String many) {
    long mod10 = n % 10;
    long mod100 = n % 100;
    String word;
    if (n == 1) {
      word = one;
    } else if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
      word = few;
    } else {
      word = many;
    }
    return grouped(n) + " " + word;
  }

  /** 12345 → "12 345" (a non-breaking space between thousands, as Polish typesetting does). */
  public static String grouped(long n) {
    return format("#,##0", BigDecimal.valueOf(n));
  }

  /** 1234.5 → "1 234,50 zł". */
  public static String pln(BigDecimal v) {
    return format("#,##0.00", v.setScale(2, RoundingMode.HALF_UP)) + " zł";
  }

  /** 12.5 → "12,5". */
  public static String decimal(BigDecimal v) {
    return format("#,##0.##", v);
  }

  private static String format(String pattern, BigDecimal v) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    symbols.setDecimalSeparator(',');
    symbols.setGroupingSeparator('\u00a0');
    return new DecimalFormat(pattern, symbols).format(v);
  }
}
