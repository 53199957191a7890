package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a post says it cannot do without (a request) or cannot give (an offer), read from its text:
 * step-free access, a driving licence category or a licence at all, and being unable to travel.
 * Dates, months and head counts are read by {@link Availability} and {@link Capacity}; {@link
 * Scorer} combines them all into hard conflicts. Only what a post states counts: an offer that says
 * nothing about a lift does not contradict a request that needs one.
 *
 * <p>Bits of {@code needs} (request) and {@code lacks} (offer): {@link #STEP_FREE}, {@link
 * #LICENCE}, and for a request {@link #ON_SITE} (its author cannot travel). {@code licenceClasses}
 * are driving licence categories as bits (A = 1, B = 2, C = 4, D = 8): those a request needs, or
 * those an offer has.
 */
record Requirements(int needs, int lacks, int licenceClasses) {

  static final int STEP_FREE = 1;
  static final int LICENCE = 2;
  static final int ON_SITE = 4;

  static final Requirements NONE = new Requirements(0, 0, 0);

  private static final Pattern NEGATED_NEED =
      Pattern.compile(
          "\\b(nie musi\\w*|nie trzeba|niekonieczn\\w*|nie jest potrzebn\\w*|bez znaczenia"
              + "|doesn'?t need|does not need|no need for|not required)\\b[^.;!?]{0,40}");

  private static final Pattern STEP_FREE_NEED =
      Pattern.compile(
          "\\b(wind\\w*|wozk\\w*|wozek|inwalidzk\\w*|niepelnospraw\\w*|bez barier\\w*"
              + "|bez schod\\w*|dostepn\\w* dla|na parterze|parter\\w*|podjazd\\w*|wheelchair\\w*"
              + "|step[- ]free|accessible|elevator|disabled|mobility)\\b");

  /** An offer that states it has no step-free access. */
  private static final Pattern STEP_FREE_LACK =
      Pattern.compile(
          "\\b(bez wind\\w*|brak wind\\w*|nie ma wind\\w*|nie mamy wind\\w*|nie posiada\\w* wind\\w*"
              + "|tylko schod\\w*|same schody|strome schody|schodami|po schodach|niedostepn\\w*"
              + "|nie jest dostepn\\w*|nieprzystosowan\\w*|nie jest przystosowan\\w*"
              + "|no lift|no elevator|stairs only|only stairs|not accessible|no wheelchair"
              + "|not wheelchair)\\b");

  /** An offer that states step-free access, which overrides a mention of stairs elsewhere. */
  private static final Pattern STEP_FREE_HAS =
      Pattern.compile(
          "\\b(jest wind\\w*|z wind\\w*|mamy wind\\w*|winda|parter\\w*|bez barier\\w*"
              + "|przystosowan\\w* dla|dostepn\\w* dla (osob )?(na )?wozk\\w*|podjazd\\w*"
              + "|with (a )?lift|has (a )?lift|step[- ]free|wheelchair[- ]accessible)\\b");

  private static final Pattern UPPER_FLOOR =
      Pattern.compile(
          "\\b(na pietrze|na (i|ii|iii|1|2|3|pierwszym|drugim|trzecim)\\.? pietrze|poddasz\\w*"
              + "|upstairs|first floor|second floor|piwnic\\w*|w suterenie|basement)\\b");

  private static final Pattern LICENCE_CLASS =
      Pattern.compile(
          "\\b(?:prawo jazdy|prawem jazdy|prawa jazdy|kat\\.?|kategori\\w*|category|licen[cs]e)\\s*"
              + "(?:kat\\.?\\s*|kategorii\\s*)?([abcd])(?:\\s*(?:\\+|i|,|/|oraz)\\s*([abcd]))?"
              + "(?![a-z])");

  private static final Pattern LICENCE_NEED =
      Pattern.compile(
          "\\b(z uprawnieniami|uprawnienia\\w*|uprawnien|licencj\\w*|certyfikat\\w*"
              + "|licencjonowan\\w*|licensed|certified|qualified|z licencja)\\b");

  private static final Pattern LICENCE_LACK =
      Pattern.compile(
          "\\b(bez uprawnien|bez licencji|bez certyfikat\\w*|nie mamy uprawnien|nie mam uprawnien"
              + "|nie mamy licencji|nie mam licencji|amator\\w*|unlicensed|no licen[cs]e"
              + "|not licensed|not certified|bez prawa jazdy)\\b");

  /** A request whose author cannot travel: the help must come to them. */
  private static final Pattern ON_SITE_NEED =
      Pattern.compile(
          "\\b(nie mamy jak (tam )?dojechac|nie mam jak (tam )?dojechac|nie dojedziemy"
              + "|nie dojade|nie mozemy dojechac|musi byc u nas|musi odbyc sie u nas"
              + "|na miejscu u nas|tylko u nas|tylko na miejscu|can'?t travel|cannot travel"
              + "|must be (in|at) our|on site only)\\b");

  static Requirements ofRequest(String text) {
    String t = withoutNegatedNeeds(PolishTextAnalyzer.fold(text));
    int needs = 0;
    if (STEP_FREE_NEED.matcher(t).find()) {
      needs |= STEP_FREE;
    }
    int classes = licenceClasses(t);
    if (classes != 0 || LICENCE_NEED.matcher(t).find()) {
      needs |= LICENCE;
    }
    if (ON_SITE_NEED.matcher(t).find()) {
      needs |= ON_SITE;
    }
    return needs == 0 ? NONE : new Requirements(needs, 0, classes);
  }

  static Requirements ofOffer(String text) {
    String t = PolishTextAnalyzer.fold(text);
    int lacks = 0;
    if (STEP_FREE_LACK.matcher(t).find()
        || (UPPER_FLOOR.matcher(t).find() && !STEP_FREE_HAS.matcher(t).find())) {
      lacks |= STEP_FREE;
    }
    if (LICENCE_LACK.matcher(t).find()) {
      lacks |= LICENCE;
    }
    int classes = licenceClasses(t);
    return lacks == 0 && classes == 0 ? NONE : new Requirements(0, lacks, classes);
  }

  /** "Nie musi mieć licencji": what a request says it does not need is no requirement. */
  private static String withoutNegatedNeeds(String t) {
    return NEGATED_NEED.matcher(t).replaceAll(" ");
  }

  private static int licenceClasses(String t) {
    int bits = 0;
    Matcher m = LICENCE_CLASS.matcher(t);
    while (m.find()) {
      bits |= 1 << (m.group(1).charAt(0) - 'a');
      if (m.group(2) != null) {
        bits |= 1 << (m.group(2).charAt(0) - 'a');
      }
    }
    return bits;
  }

  /**
   * What the offer states that contradicts what the request cannot do without (bits as {@code
   * needs}). A licence class conflicts when the offer names its classes and none the request needs;
   * a higher class covers the lower ones (D covers B).
   */
  static int conflicts(Requirements request, Requirements offer) {
    int c = request.needs & offer.lacks & (STEP_FREE | LICENCE);
    if ((request.needs & LICENCE) != 0
        && request.licenceClasses != 0
        && offer.licenceClasses != 0
        && Integer.highestOneBit(offer.licenceClasses)
            < Integer.highestOneBit(request.licenceClasses)) {
      c |= LICENCE;
    }
    return c;
  }

  /** Polish words for conflicts, for a suggestion's reasons. */
  static List<String> describe(int conflicts, Requirements request, Requirements offer) {
    List<String> out = new ArrayList<>();
    if ((conflicts & STEP_FREE) != 0) {
      out.add("konflikt: brak dostępu bez schodów — a prośba go wymaga");
    }
    if ((conflicts & LICENCE) != 0) {
      out.add(
          offer.licenceClasses != 0 && request.licenceClasses != 0
              ? "konflikt: prawo jazdy kat. "
                  + classes(offer.licenceClasses)
                  + " — a potrzeba kat. "
                  + classes(request.licenceClasses)
              : "konflikt: brak wymaganych uprawnień");
    }
    return out;
  }

  private static String classes(int bits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      if ((bits & (1 << i)) != 0) {
        sb.append(sb.length() == 0 ? "" : "/").append((char) ('A' + i));
      }
    }
    return sb.toString();
  }
}
