package pl.gielda.contract.money;

import java.text.Normalizer;

/**
 * Lower-cases text and strips diacritics one character at a time, so that every index in the folded
 * text points at the same character in the original text ("Złotych" → "zlotych", "ł" → "l"). That
 * lets the checker match on folded text and still quote the fragment exactly as it was typed.
 */
final class TextFolding {

  private TextFolding() {}

  static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < text.length(); i++) {
      out[i] = foldChar(text.charAt(i));
    }
    return new String(out);
  }

  /** Lower-cases without changing the length (String.toLowerCase may change it). */
  static String lowerCase(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < text.length(); i++) {
      out[i] = Character.toLowerCase(text.charAt(i));
    }
    return new String(out);
  }

  private static char foldChar(char c) {
    char lower = Character.toLowerCase(c);
    switch (lower) {
      case 'ą':
        return 'a';
      case 'ć':
        return 'c';
      case 'ę':
        return 'e';
      case 'ł':
        return 'l';
      case 'ń':
        return 'n';
      case 'ó':
        return 'o';
      case 'ś':
        return 's';
      case 'ź':
      case 'ż':
        return 'z';
      case '\u00a0': // no-break space, common in "4 000 zł"
      case '\u202f': // narrow no-break space
      case '\u2009': // thin space
        return ' ';
      case '\u2013': // en dash
      case '\u2014': // em dash
        return '-';
      default:
        break;
    }
    if (lower < 0x80) {
      return lower;
    }
    String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
    char base = decomposed.charAt(0);
    return Character.isLetter(base) ? base : lower;
  }
}
