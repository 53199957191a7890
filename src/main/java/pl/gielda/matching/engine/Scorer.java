package pl.gielda.matching.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores a (request, offer) pair. The score is a pure function of the two posts, so it can be
 * cached and updated incrementally: text similarity (cosine of the weighted lemma/concept vectors),
 * scaled by category affinity, then lowered (never zeroed) by clashing availability, another town
 * and too small a capacity. Finally mapped to [0, 1].
 */
final class Scorer {

  // Each conflict (a clashing weekday, part of day or month, a distant town, too few places) is
  // what separates a clear match from an acceptable one, and two conflicts usually make a pair
  // useless: the factors are strong enough that a conflict outweighs incidental word overlap
  // between two offers of the same kind.
  static final double DAY_CLASH = 0.7;
  static final double PART_CLASH = 0.7;
  static final double MONTH_CLASH = 0.7;
  static final double TOO_SMALL = 0.75;

  /** Another town of unknown location. */
  static final double OTHER_TOWN = 0.85;

  /** Distances up to this many km are next door (a neighbouring village): no penalty. */
  static final double NEAR_KM = 2;

  /** Beyond NEAR_KM the penalty grows linearly over this many km up to FAR_PENALTY. */
  static final double FAR_SPAN_KM = 10;

  static final double FAR_PENALTY = 0.4;
  static final double MONEY = 0.5;
  static final double MONEY_CAP = 0.45;

  /**
   * A pair where the offer contradicts what the request cannot do without ({@link #hardConflicts})
   * is lowered by this factor and never scores above {@link #CONFLICT_CAP}: it may still be shown,
   * below the offers that fit, but it is never a good match nor a leg of a listed deal (whose legs
   * score at least {@link MatchingEngine#DEAL_LEG_THRESHOLD}) or of the deal plan.
   */
  static final double HARD_CONFLICT = 0.7;

  static final double CONFLICT_CAP = 0.29;

  /** Hard-conflict bits beyond {@link Requirements}' own: months, seats, town. */
  static final int MONTHS = 8;

  static final int SEATS = 16;
  static final int TOWN = 32;

  /** Steepness of the final mapping of the raw score to [0, 1]. */
  static final double CALIBRATION = 2.0;

  private Scorer() {}

  static double dot(PostProfile a, PostProfile b) {
    String[] ka = a.keys();
    String[] kb = b.keys();
    double[] wa = a.weights();
    double[] wb = b.weights();
    int i = 0;
    int j = 0;
    double dot = 0;
    while (i < ka.length && j < kb.length) {
      int c = ka[i].compareTo(kb[j]);
      if (c == 0) {
        dot += wa[i++] * wb[j++];
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return dot;
  }

  /**
   * A lower bound of the text similarity ({@code dot / (norm × norm)}) a pair needs to score at
   * least {@code score}. Sound because the final score never exceeds {@code 1 - exp(-CALIBRATION ×
   * text)}: category affinity and every context factor are at most 1 and the money cap only lowers
   * it. So the exact need is {@code -ln(1 - score) / CALIBRATION}; the first four terms of its
   * series (all positive) are a cheap lower bound, tight for the scores that matter (0.2: 0.1115
   * for 0.1116), and a tiny margin covers rounding. Lets a scan skip the full scoring of pairs that
   * cannot matter.
   */
  static double textNeededFor(double score) {
    if (score <= 0) {
      return 0;
    }
    double s = Math.min(score, 1);
    double series = s + s * s / 2 + s * s * s / 3 + s * s * s * s / 4;
    return series / CALIBRATION * (1 - 1e-9);
  }

  /** The final score in [0, 1] of a pair whose feature dot product is {@code dot}. */
  static double score(PostProfile request, PostProfile offer, double dot) {
    return score(request, offer, dot, namesTown(request, offer));
  }

  /**
   * {@link #score(PostProfile, PostProfile, double)} when it is already known whether the request
   * names the offer's town ({@link #namesTown}).
   */
  static double score(
      PostProfile request, PostProfile offer, double dot, boolean requestNamesOfferTown) {
    return score(request, offer, dot, requestNamesOfferTown, Tuning.DEFAULT.categoryShare());
  }

  /** The same with {@code categoryShare} from a {@link Tuning}. */
  static double score(
      PostProfile request,
      PostProfile offer,
      double dot,
      boolean requestNamesOfferTown,
      double categoryShare) {
    if (dot <= 0 || request.norm() == 0 || offer.norm() == 0) {
      return 0;
    }
    double text = dot / (request.norm() * offer.norm());
    double cat = CategoryAffinity.of(request.categoryNo(), offer.categoryNo());
    double raw = text * (1 - categoryShare + categoryShare * cat);
    int hard = hardConflicts(request, offer, requestNamesOfferTown);
    raw *= contextFactor(request, offer, requestNamesOfferTown, hard);
    double score = 1 - Math.exp(-CALIBRATION * raw);
    if (hard != 0) {
      score = Math.min(score, CONFLICT_CAP);
    }
    if (request.money() || offer.money()) {
      // Money deals are not allowed at the fair: such a pair is never a "good match".
      score = Math.min(score, MONEY_CAP);
    }
    return score;
  }

  static double score(PostProfile request, PostProfile offer) {
    return score(request, offer, dot(request, offer));
  }

  static double score(PostProfile request, PostProfile offer, Tuning tuning) {
    return score(
        request, offer, dot(request, offer), namesTown(request, offer), tuning.categoryShare());
  }

  private static double contextFactor(
      PostProfile request, PostProfile offer, boolean requestNamesOfferTown, int hard) {
    double f = 1;
    int clash = offer.availability().clashes(request.availability());
    if ((clash & 1) != 0) {
      f *= DAY_CLASH;
    }
    if ((clash & 2) != 0) {
      f *= PART_CLASH;
    }
    if ((clash & 4) != 0) {
      f *= MONTH_CLASH;
    }
    f *= townFactor(request, offer, requestNamesOfferTown);
    if (tooSmall(request, offer)) {
      f *= TOO_SMALL;
    }
    if ((hard & ~(MONTHS | SEATS)) != 0) {
      // Months and seats already lowered the pair above; other conflicts have no soft factor.
      f *= HARD_CONFLICT;
    }
    if (request.money() || offer.money()) {
      f *= MONEY;
    }
    return f;
  }

  /**
   * Whether the request's text names the offer's town. Town numbers are those of the features "l:"
   * + town key, so the request names it when it has that feature.
   */
  static boolean namesTown(PostProfile request, PostProfile offer) {
    return offer.townNo() >= 0
        && java.util.Arrays.binarySearch(request.featureNos(), offer.townNo()) >= 0;
  }

  private static boolean otherTown(
      PostProfile request, PostProfile offer, boolean requestNamesOfferTown) {
    return request.townNo() >= 0
        && offer.townNo() >= 0
        && request.townNo() != offer.townNo()
        && !offer.travels()
        && !requestNamesOfferTown;
  }

  /**
   * How much another town lowers the pair: 1 for the same town, an offer whose author travels, or a
   * request naming the offer's town; otherwise graded by distance when both towns are known.
   */
  static double townFactor(PostProfile request, PostProfile offer, boolean requestNamesOfferTown) {
    if (!otherTown(request, offer, requestNamesOfferTown)) {
      return 1;
    }
    Double km = distanceKm(request, offer);
    if (km == null) {
      return OTHER_TOWN;
    }
    double d = km - NEAR_KM;
    return 1 - FAR_PENALTY * Math.min(1, Math.max(0, d) / FAR_SPAN_KM);
  }

  static Double distanceKm(PostProfile a, PostProfile b) {
    return a.place() == null || b.place() == null ? null : a.place().km(b.place());
  }

  /**
   * What the offer contradicts of what the request cannot do without: a {@link Requirements}
   * conflict (step-free access, a licence), months that do not overlap (a date, month or season of
   * the request against the offer's), too few places where places are the resource (rooms,
   * transport seats), or another town when the request's author cannot travel. 0 when none.
   */
  static int hardConflicts(PostProfile request, PostProfile offer, boolean requestNamesOfferTown) {
    int c = Requirements.conflicts(request.requirements(), offer.requirements());
    if ((offer.availability().clashes(request.availability()) & 4) != 0) {
      c |= MONTHS;
    }
    if (muchTooSmall(request, offer) && seatsMatter(request, offer)) {
      c |= SEATS;
    }
    // A transport request's author cannot travel by definition: the transport comes to them.
    boolean requestStays =
        (request.requirements().needs() & Requirements.ON_SITE) != 0
            && !"TRANSPORT".equals(request.category())
            && !"TRANSPORT".equals(offer.category());
    if (requestStays && otherTown(request, offer, requestNamesOfferTown) && !near(request, offer)) {
      c |= TOWN;
    }
    return c;
  }

  private static boolean seatsMatter(PostProfile request, PostProfile offer) {
    return "ROOMS".equals(offer.category()) || "TRANSPORT".equals(offer.category());
  }

  private static boolean near(PostProfile request, PostProfile offer) {
    Double km = distanceKm(request, offer);
    return km != null && km <= NEAR_KM;
  }

  /**
   * Too few places by far (under {@link #MUCH_TOO_SMALL} of those needed): a room of 20 for a group
   * of 25 may do with a few more chairs, one of 15 for 40 will not.
   */
  private static boolean muchTooSmall(PostProfile request, PostProfile offer) {
    return request.headCount() > 0
        && offer.headCount() > 0
        && offer.headCount() < MUCH_TOO_SMALL * request.headCount();
  }

  static final double MUCH_TOO_SMALL = 0.7;

  private static boolean tooSmall(PostProfile request, PostProfile offer) {
    return request.headCount() > 0
        && offer.headCount() > 0
        && offer.headCount() < 0.85 * request.headCount();
  }

  /** Reasons in Polish for showing {@code other} to the owner of {@code viewer}. */
  static List<String> reasons(PostProfile viewer, PostProfile other) {
    PostProfile request = viewer.kind() == MatchPost.Kind.REQUEST ? viewer : other;
    PostProfile offer = request == viewer ? other : viewer;
    List<String> out = new ArrayList<>();
    out.addAll(textReasons(viewer, other));
    double cat = CategoryAffinity.of(viewer.category(), other.category());
    if (cat >= CategoryAffinity.SAME) {
      out.add("ta sama kategoria");
    } else if (cat >= 0.5) {
      out.add(
          "pokrewna kategoria: "
              + CategoryAffinity.polishName(viewer.category())
              + " ↔ "
              + CategoryAffinity.polishName(other.category()));
    }
    String otherTown = other.post().town();
    if (!viewer.townKey().isEmpty() && viewer.townKey().equals(other.townKey())) {
      out.add(otherTown.trim());
    } else if (otherTown != null && !otherTown.isBlank()) {
      Double km = distanceKm(viewer, other);
      out.add(
          otherTown.trim()
              + (offer.travels()
                  ? " (dojazd możliwy)"
                  : km != null
                      ? String.format(java.util.Locale.ROOT, " — ok. %.0f km", km)
                      : " — inna miejscowość"));
    }
    Availability ra = request.availability();
    Availability oa = offer.availability();
    int hard = hardConflicts(request, offer, namesTown(request, offer));
    if (oa.clashes(ra) != 0) {
      out.add(
          ((hard & MONTHS) != 0 ? "konflikt terminu: " : "")
              + nz(offer.post().when())
              + " — a prośba: "
              + nz(request.post().when()));
    } else if (oa.fits(ra)) {
      out.add("termin pasuje: " + nz(other.post().when()));
    }
    if (tooSmall(request, offer)) {
      out.add(
          ((hard & SEATS) != 0 ? "konflikt: " : "")
              + "za mało miejsc: "
              + offer.headCount()
              + " — a potrzeba "
              + request.headCount());
    }
    if ((hard & TOWN) != 0) {
      out.add("konflikt: " + nz(offer.post().town()) + " — a prośba: bez możliwości dojazdu");
    }
    out.addAll(Requirements.describe(hard, request.requirements(), offer.requirements()));
    if (other.money()) {
      out.add("uwaga: mowa o pieniądzach");
    }
    return out;
  }

  private static List<String> textReasons(PostProfile viewer, PostProfile other) {
    record Shared(String key, double contribution) {}
    List<Shared> shared = new ArrayList<>();
    String[] ka = viewer.keys();
    String[] kb = other.keys();
    int i = 0;
    int j = 0;
    while (i < ka.length && j < kb.length) {
      int c = ka[i].compareTo(kb[j]);
      if (c == 0) {
        shared.add(new Shared(ka[i], viewer.weights()[i] * other.weights()[j]));
        i++;
        j++;
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    shared.sort((x, y) -> Double.compare(y.contribution(), x.contribution()));
    List<String> out = new ArrayList<>();
    Set<String> usedWords = new HashSet<>();
    for (Shared s : shared) {
      if (out.size() == 3 || s.contribution() < 0.2) {
        break;
      }
      String mine = viewer.display().get(s.key());
      String theirs = other.display().get(s.key());
      if (mine.isEmpty() || theirs.isEmpty()) {
        continue;
      }
      String fm = PolishTextAnalyzer.fold(mine);
      String ft = PolishTextAnalyzer.fold(theirs);
      if (usedWords.contains(fm) && usedWords.contains(ft)) {
        continue;
      }
      usedWords.add(fm);
      usedWords.add(ft);
      out.add(fm.equals(ft) ? mine : mine + " ≈ " + theirs);
    }
    return out;
  }

  private static String nz(String s) {
    return s == null || s.isBlank() ? "?" : s.trim();
  }
}
