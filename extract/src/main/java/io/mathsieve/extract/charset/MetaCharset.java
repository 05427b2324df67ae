package io.mathsieve.extract.charset;

/**
 * Finds a charset declared in {@code <meta charset="...">} or {@code <meta http-equiv="Content-Type"
 * content="...; charset=...">} by scanning raw bytes as ASCII, before the page is decoded. A small,
 * allocation-light version of the HTML prescan algorithm: comments are not skipped, which only
 * matters for pages that comment out a meta tag.
 */
final class MetaCharset {
  private MetaCharset() {}

  /** The declared charset label in the first {@code length} bytes, or null. */
  static String find(byte[] b, int length) {
    int i = 0;
    while ((i = indexOfMeta(b, i, length)) >= 0) {
      int end = i + 5;
      while (end < length && b[end] != '>') {
        end++;
      }
      String tag = new String(b, i, end - i, java.nio.charset.StandardCharsets.ISO_8859_1);
      String lower = tag.toLowerCase(java.util.Locale.ROOT);
      int at = lower.indexOf("charset");
      while (at >= 0) {
        int j = at + 7;
        while (j < lower.length() && lower.charAt(j) == ' ') {
          j++;
        }
        if (j < lower.length() && lower.charAt(j) == '=') {
          String v = value(tag, j + 1);
          if (v != null && !v.isEmpty()) {
            return v;
          }
        }
        at = lower.indexOf("charset", at + 7);
      }
      i = end;
    }
    return null;
  }

  /** The value starting at {@code from}: quoted, or up to a space, quote, semicolon or end. */
  static String value(String s, int from) {
    int i = from;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    if (i >= s.length()) {
      return null;
    }
    char q = s.charAt(i);
    if (q == '"' || q == '\'') {
      i++;
    }
    int start = i;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'' || c == ';' || c == ' ' || c == '/' || c == '>' || c == '\t') {
        break;
      }
      i++;
    }
    return s.substring(start, i);
  }

  private static int indexOfMeta(byte[] b, int from, int length) {
    for (int i = from; i + 5 <= length; i++) {
      if (b[i] == '<' && (b[i + 1] | 0x20) == 'm' && (b[i + 2] | 0x20) == 'e' && (b[i + 3] | 0x20) == 't' && (b[i + 4] | 0x20) == 'a') {
        return i;
      }
    }
    return -1;
  }
}
