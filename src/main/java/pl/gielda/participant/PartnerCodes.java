package pl.gielda.participant;

import java.util.Locale;
import pl.gielda.common.Secrets;

/**
 * Public partner codes: six characters without look-alikes, unique in a fair, printed under the
 * badge's QR ({@code <base>/p/<code>}) and typed by hand when there is no camera.
 */
public final class PartnerCodes {

  static final int LENGTH = 6;

  private PartnerCodes() {}

  static String fresh() {
    return Secrets.code(LENGTH);
  }

  /** What people type or scan: any case, spaces or dashes, the badge's whole link. */
  public static String normalise(String scanned) {
    String s = scanned.trim();
    int slash = s.lastIndexOf("/p/");
    if (slash >= 0) {
      s = s.substring(slash + 3);
    }
    return s.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  /** Badge tokens (the old sign-in secrets) are 32 URL-safe characters. */
  static boolean mayBeLegacyBadge(String scanned) {
    return scanned.trim().matches("[A-Za-z0-9_-]{32}");
  }
}
