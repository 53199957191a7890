package pl.gielda.matching.engine;

import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coarse reading of free-text availability ("pon–pt przed południem", "soboty", "XI–III, wt i czw
 * 17:00–19:00", "weekends, until end of June"): which weekdays, which parts of the day and which
 * months. Each dimension is a bit mask; 0 means "not said". Two availabilities clash on a dimension
 * when both say something there and the sets do not overlap.
 */
record Availability(int days, int parts, int months) {

  static final int ALL_DAYS = 0b1111111;
  static final int WORKDAYS = 0b0011111;
  static final int WEEKEND = 0b1100000;
  static final int MORNING = 1;
  static final int AFTERNOON = 2;
  static final int EVENING = 4;
  static final Availability UNKNOWN = new Availability(0, 0, 0);

  // "=" marks a word that must match exactly; other stems match as prefixes.
  private static final String[] DAY_STEMS = {
    "=pon|poniedz|monday|=mon", "=wt|wtor|tuesday|=tue", "=sr|srod|wednesday|=wed",
    "=czw|czwart|thursday|=thu", "=pt|piat|friday|=fri", "=sob|sobot|saturday|=sat",
    "=nd|=ndz|niedz|sunday|=sun"
  };
  private static final String[] MONTH_STEMS = {
    "stycz|january|=jan",
    "lut|february|=feb",
    "marz|marc|march|=mar",
    "kwie|april|=apr",
    "maj|=may",
    "czerw|june|=jun",
    "lip|july|=jul",
    "sierp|august|=aug",
    "wrze|september|=sep",
    "pazdz|october|=oct",
    "listop|november|=nov",
    "grud|december|=dec"
  };
  private static final String[] ROMAN = {
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
  };

  private static final Pattern P0 =
      Pattern.compile(
          "\\b(dni robocz\\w*|dzien robocz\\w*|dni powszedni\\w*|dzien powszedni\\w*|w tygodniu|w tyg|weekdays?|working days?|roboczy|robocze)\\b");
  private static final Pattern P1 = Pattern.compile("\\b(weekend\\w*|swiet\\w*)\\b");
  private static final Pattern P2 =
      Pattern.compile("\\b(codziennie|daily|every day|caly tydzien|kazdy dzien|7 dni)\\b");
  private static final Pattern P3 =
      Pattern.compile(
          "\\b(rano|rankiem|przed poludniem|do poludnia|przedpoludni\\w*|morning\\w*)\\b");
  private static final Pattern P4 =
      Pattern.compile("\\b(po poludniu|popoludni\\w*|afternoon\\w*|po lekcjach|po pracy)\\b");
  private static final Pattern P5 = Pattern.compile("\\b(wieczor\\w*|evening\\w*|night|noc)\\b");
  private static final Pattern P6 =
      Pattern.compile("\\b(wakacj\\w*|summer|lato|latem|letni\\w*)\\b");
  private static final Pattern P7 = Pattern.compile("\\b(ferie|ferii|feriach)\\b");
  private static final Pattern P8 = Pattern.compile("\\b(wiosn\\w*|spring)\\b");
  private static final Pattern P9 = Pattern.compile("\\b(jesien\\w*|autumn|fall)\\b");
  private static final Pattern P10 =
      Pattern.compile("\\b(zima|zimie|zima|zimowy\\w*|zimow\\w*|winter)\\b");
  private static final Pattern P11 = Pattern.compile("\\bferi\\w*\\s+zimow\\w*");
  private static final Pattern P12 = Pattern.compile("\\b(swieta|swiat|christmas|wigili\\w*)\\b");

  /** "weekendy i święta", "niedziele i święta": public holidays as days, not Christmas. */
  private static final Pattern HOLIDAYS_AS_DAYS =
      Pattern.compile(
          "\\b(weekend\\w*|sobot\\w*|niedziel\\w*)\\s+(i|oraz|lub|albo|,)\\s*swieta\\b"
              + "|\\bswieta\\s+(panstwowe|i weekend\\w*)|\\bdni swiateczne");

  private static final Pattern P13 = Pattern.compile("\\b(caly rok|all year|przez caly rok)\\b");
  private static final Pattern DAY_RANGE = Pattern.compile("\\b([a-z]+)\\.?\\s*-\\s*([a-z]+)\\b");
  private static final Pattern WORD = Pattern.compile("[a-z]+");
  private static final Pattern HOUR_RANGE =
      Pattern.compile("\\b(\\d{1,2})(?::(\\d{2}))?\\s*-\\s*(\\d{1,2})(?::\\d{2})?\\b");
  private static final Pattern HOUR_FROM =
      Pattern.compile("\\b(?:po|od|from|after)\\s+(\\d{1,2})(?::\\d{2})?\\b");
  private static final Pattern HOUR_AT = Pattern.compile("\\b(\\d{1,2}):(\\d{2})\\b");
  private static final Pattern DATE = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\b");
  private static final Pattern ROMAN_RANGE =
      Pattern.compile("\\b(X{0,1}I{0,3}V?I{0,3}X?)\\s*[-–]\\s*(X{0,1}I{0,3}V?I{0,3}X?)\\b");
  private static final Pattern FREQUENCY_WEEK =
      Pattern.compile("(raz|razy|\\dx|\\d x|\\d razy|co)\\s+w\\s+(tygodniu|tyg)");
  private static final Pattern EXCEPT =
      Pattern.compile(
          "\\b(oprocz|poza|except|bez|procz)\\s+([a-z]+)(\\s+(i|oraz|and)\\s+([a-z]+))?");

  static Availability parse(String text) {
    if (text == null || text.isBlank()) {
      return UNKNOWN;
    }
    String raw = text.replace('–', '-').replace('—', '-');
    String t = PolishTextAnalyzer.fold(raw);
    return new Availability(parseDays(t), parseParts(t), parseMonths(raw, t));
  }

  boolean isKnown() {
    return days != 0 || parts != 0 || months != 0;
  }

  /** Dimensions on which the two clash: bit 0 days, bit 1 parts of day, bit 2 months. */
  int clashes(Availability o) {
    int c = 0;
    if (days != 0 && o.days != 0 && (days & o.days) == 0) {
      c |= 1;
    }
    if (parts != 0 && o.parts != 0 && (parts & o.parts) == 0) {
      c |= 2;
    }
    if (months != 0 && o.months != 0 && (months & o.months) == 0) {
      c |= 4;
    }
    return c;
  }

  /** True if both say something and nothing clashes. */
  boolean fits(Availability o) {
    boolean shared =
        (days != 0 && o.days != 0)
            || (parts != 0 && o.parts != 0)
            || (months != 0 && o.months != 0);
    return shared && clashes(o) == 0;
  }

  private static final Map<String[], String[][]> SPLIT = new java.util.IdentityHashMap<>();

  private static String[][] split(String[] table) {
    synchronized (SPLIT) {
      return SPLIT.computeIfAbsent(
          table,
          t -> {
            String[][] out = new String[t.length][];
            for (int i = 0; i < t.length; i++) {
              out[i] = t[i].split("\\|");
            }
            return out;
          });
    }
  }

  private static int indexOf(String[] table, String word) {
    String[][] stems = split(table);
    for (int i = 0; i < table.length; i++) {
      for (String stem : stems[i]) {
        if (stem.startsWith("=") ? word.equals(stem.substring(1)) : word.startsWith(stem)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static int dayOf(String word) {
    return indexOf(DAY_STEMS, word);
  }

  private static int parseDays(String t) {
    Taken ranges = ranges(FREQUENCY_WEEK.matcher(t).replaceAll(" "), Availability::dayOf, 7);
    String s = ranges.rest();
    int mask = ranges.mask();
    if (P0.matcher(s).find()) {
      mask |= WORKDAYS;
    }
    if (P1.matcher(s).find()) {
      mask |= WEEKEND;
    }
    if (P2.matcher(s).find()) {
      mask |= ALL_DAYS;
    }
    Taken except = exceptions(s, Availability::dayOf);
    mask |= named(except.rest(), Availability::dayOf);
    if (except.mask() != 0) {
      mask = (mask == 0 ? ALL_DAYS : mask) & ~except.mask();
    }
    return mask;
  }

  /** What one pass over the text found: the units' bits, and the text without what it took. */
  private record Taken(int mask, String rest) {}

  /** Ranges such as "pon-pt" or "maj-lipiec": every unit from one end to the other, wrapping. */
  private static Taken ranges(String s, ToIntFunction<String> unitOf, int units) {
    int mask = 0;
    Matcher r = DAY_RANGE.matcher(s);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (r.find()) {
      int a = unitOf.applyAsInt(r.group(1));
      int b = unitOf.applyAsInt(r.group(2));
      if (a >= 0 && b >= 0) {
        mask |= cyclicRange(a, b, units);
        rest.append(s, last, r.start()).append(' ');
        last = r.end();
      }
    }
    rest.append(s.substring(last));
    return new Taken(mask, rest.toString());
  }

  /** "Oprócz X (i Y)": the units excluded. */
  private static Taken exceptions(String s, ToIntFunction<String> unitOf) {
    int except = 0;
    Matcher e = EXCEPT.matcher(s);
    StringBuilder rest = new StringBuilder();
    int last = 0;
    while (e.find()) {
      int a = unitOf.applyAsInt(e.group(2));
      int b = e.group(5) == null ? -1 : unitOf.applyAsInt(e.group(5));
      if (a >= 0) {
        except |= 1 << a;
        if (b >= 0) {
          except |= 1 << b;
        }
        rest.append(s, last, e.start()).append(' ');
        last = e.end();
      }
    }
    rest.append(s.substring(last));
    return new Taken(except, rest.toString());
  }

  /** Every unit named by a word of its own. */
  private static int named(String s, ToIntFunction<String> unitOf) {
    int mask = 0;
    Matcher w = WORD.matcher(s);
    while (w.find()) {
      int u = unitOf.applyAsInt(w.group());
      if (u >= 0) {
        mask |= 1 << u;
      }
    }
    return mask;
  }

  private static int cyclicRange(int a, int b, int units) {
    int mask = 0;
    for (int u = a; ; u = (u + 1) % units) {
      mask |= 1 << u;
      if (u == b) {
        return mask;
      }
    }
  }

  private static int partsOfHours(int from, int to) {
    int p = 0;
    if (from < 12) {
      p |= MORNING;
    }
    if (from < 17 && to > 12) {
      p |= AFTERNOON;
    }
    if (to > 17 || from >= 17) {
      p |= EVENING;
    }
    return p;
  }

  private static int parseParts(String t) {
    int p = 0;
    if (P3.matcher(t).find()) {
      p |= MORNING;
    }
    if (P4.matcher(t).find()) {
      p |= AFTERNOON;
    }
    if (P5.matcher(t).find()) {
      p |= EVENING;
    }
    Matcher m = HOUR_RANGE.matcher(t);
    boolean hours = false;
    while (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      if (a <= 24 && b <= 24 && (m.group(2) != null || a >= 6) && b > a) {
        p |= partsOfHours(a, b);
        hours = true;
      }
    }
    Matcher f = HOUR_FROM.matcher(t);
    while (f.find()) {
      int a = Integer.parseInt(f.group(1));
      if (a >= 6 && a <= 22) {
        p |= partsOfHours(a, Math.max(a + 3, 20));
        hours = true;
      }
    }
    if (!hours) {
      Matcher at = HOUR_AT.matcher(t);
      while (at.find()) {
        int a = Integer.parseInt(at.group(1));
        if (a >= 6 && a <= 22) {
          p |= partsOfHours(a, a + 1);
        }
      }
    }
    return p;
  }

  private static int monthOf(String word) {
    return indexOf(MONTH_STEMS, word);
  }

  private static int monthRange(int a, int b) {
    return cyclicRange(a, b, 12);
  }

  private static int parseMonths(String raw, String t) {
    // Deadlines and open starts ("do października", "od maja", "until end of June") do not
    // restrict availability to that month.
    String s =
        t.replaceAll(
            "\\b(do|od|until|till|before|przed|from|since|po)\\s+(konca\\s+|end of\\s+|the end of\\s+)?"
                + "(\\d{1,2}\\s+)?[a-z]+",
            " ");
    Taken ranges = ranges(s, Availability::monthOf, 12);
    Taken except = exceptions(ranges.rest(), Availability::monthOf);
    s = except.rest();
    int mask = ranges.mask() | named(s, Availability::monthOf);
    if (P6.matcher(s).find()) {
      mask |= monthRange(5, 7);
    }
    if (P7.matcher(s).find()) {
      mask |= monthRange(0, 1);
    }
    if (P8.matcher(s).find()) {
      mask |= monthRange(2, 4);
    }
    if (P9.matcher(s).find()) {
      mask |= monthRange(8, 10);
    }
    if (P10.matcher(s).find() && !P11.matcher(s).find()) {
      mask |= monthRange(10, 2);
    }
    if (P12.matcher(s).find() && !HOLIDAYS_AS_DAYS.matcher(s).find()) {
      mask |= 1 << 11;
    }
    Matcher d = DATE.matcher(s);
    while (d.find()) {
      int mo = Integer.parseInt(d.group(2));
      int day = Integer.parseInt(d.group(1));
      if (mo >= 1 && mo <= 12 && day >= 1 && day <= 31) {
        mask |= 1 << (mo - 1);
      }
    }
    Matcher rr = ROMAN_RANGE.matcher(raw);
    while (rr.find()) {
      int a = romanIndex(rr.group(1));
      int b = romanIndex(rr.group(2));
      if (a >= 0 && b >= 0) {
        mask |= monthRange(a, b);
      }
    }
    if (P13.matcher(t).find()) {
      mask = 0;
    }
    if (except.mask() != 0) {
      mask = (mask == 0 ? 0xFFF : mask) & ~except.mask();
    }
    return mask;
  }

  private static int romanIndex(String s) {
    for (int i = 0; i < ROMAN.length; i++) {
      if (ROMAN[i].equals(s)) {
        return i;
      }
    }
    return -1;
  }
}
