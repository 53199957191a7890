package pl.gielda.contract.money;

/**
 * The sentence around a match, [from, to) in the text: cut at "!", "?", ";", line breaks, and at
 * "." followed by white space and a capital letter (so "ok. 300 zł" and "tys. złotych" stay in
 * one).
 */
record Sentence(int from, int to) {

  static Sentence around(String text, int start, int end) {
    int from = 0;
    for (int i = start - 1; i >= 0; i--) {
      if (isEnd(text, i)) {
        from = i + 1;
        break;
      }
    }
    int to = text.length();
    for (int i = end; i < text.length(); i++) {
      if (isEnd(text, i)) {
        to = i;
        break;
      }
    }
    return new Sentence(from, to);
  }

  private static boolean isEnd(String text, int i) {
    char c = text.charAt(i);
    if (c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r') {
      return true;
    }
    if (c != '.') {
      return false;
    }
    int j = i + 1;
    if (j >= text.length() || !Character.isWhitespace(text.charAt(j))) {
      return j >= text.length();
    }
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j < text.length() && Character.isUpperCase(text.charAt(j));
  }
}
