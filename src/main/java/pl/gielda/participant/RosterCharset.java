package pl.gielda.participant;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the raw bytes of a roster in whatever a Polish Excel saved: "CSV UTF-8" (with a BOM), plain
 * UTF-8, "CSV (rozdzielany przecinkami)" (Windows-1250) or an older tool's ISO-8859-2.
 *
 * <p>Valid UTF-8 is taken as UTF-8: a Windows-1250 file with any Polish letter is almost never
 * valid UTF-8 by chance. Otherwise the two single-byte charsets differ exactly in the letters that
 * matter (ą ś ź Ą Ś Ź) and in 0x80–0x9F (letters in Windows-1250, control characters in
 * ISO-8859-2), so the one that reads more Polish letters and fewer oddities wins; a tie goes to
 * Windows-1250, what Excel writes in Poland.
 */
final class RosterCharset {

  static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
  static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");
  private static final String POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ";

  /** {@code name}: the charset's name as the console shows it. */
  record Decoded(String text, String name) {}

  private RosterCharset() {}

  static Decoded decode(byte[] bytes) {
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return new Decoded(
          new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
    }
    try {
      String utf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return new Decoded(utf8, "UTF-8");
    } catch (CharacterCodingException notUtf8) {
      String windows = new String(bytes, WINDOWS_1250);
      String iso = new String(bytes, ISO_8859_2);
      return score(iso) > score(windows)
          ? new Decoded(iso, ISO_8859_2.name())
          : new Decoded(windows, WINDOWS_1250.name());
    }
  }

  /** Polish letters count for a reading, control characters and unlikely symbols against it. */
  static int score(String text) {
    int score = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (POLISH.indexOf(c) >= 0) {
        score += 2;
      } else if (c >= 0x80 && c <= 0x9F || c == '\uFFFD') {
        score -= 3;
      } else if (c >= 0x80 && !Character.isLetter(c) && "„”–—…«»°§".indexOf(c) < 0) {
        score -= 1;
      }
    }
    return score;
  }
}
