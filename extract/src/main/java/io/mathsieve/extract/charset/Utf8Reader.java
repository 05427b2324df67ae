package io.mathsieve.extract.charset;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 body as characters, for the HTML parser: the chars {@code new String(body, UTF_8)} holds,
 * without building that string.
 *
 * <p>Why not the JDK's {@link InputStreamReader}: its UTF-8 decoder copies ASCII fast only up to the
 * first non-ASCII byte of each 8 KB chunk and goes byte by byte after it, and almost every real page
 * has a non-ASCII byte (a no-break space, a quote, its language) early in each chunk. This reader
 * copies ASCII eight bytes at a time wherever it is and decodes well-formed sequences itself. At the
 * first malformed or cut-off sequence it hands the rest of the body to the JDK's decoder, which then
 * gives exactly its U+FFFD replacements: UTF-8 decoding restarts at every sequence boundary, so the
 * chars are the same as decoding the whole body with the JDK.
 */
final class Utf8Reader extends Reader {
  private final byte[] b;
  private final int end;
  private int pos;
  /** The JDK's decoder over the rest of the body, once a sequence was not well-formed. */
  private Reader rest;
  /** The second half of a surrogate pair that did not fit the last read, or 0. */
  private char pendingLow;

  Utf8Reader(byte[] body, int from) {
    this.b = body;
    this.pos = from;
    this.end = body.length;
  }

  @Override
  public int read(char[] cbuf, int off, int len) {
    if (len > 0 && pendingLow != 0) {
      cbuf[off] = pendingLow;
      pendingLow = 0;
      return 1;
    }
    if (rest != null) {
      try {
        return rest.read(cbuf, off, len);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot happen: decoding bytes in memory", e);
      }
    }
    if (len == 0) {
      return 0;
    }
    if (pos >= end) {
      return -1;
    }
    byte[] b = this.b;
    int p = pos;
    int o = off;
    int oe = off + len;
    while (o < oe && p < end) {
      // Eight ASCII bytes at a time.
      while (o + 8 <= oe && p + 8 <= end && HtmlDecoder.Utf8Check.eightAscii(b, p)) {
        for (int k = 0; k < 8; k++) {
          cbuf[o + k] = (char) b[p + k];
        }
        o += 8;
        p += 8;
      }
      if (o >= oe || p >= end) {
        break;
      }
      int c = b[p];
      if (c >= 0) {
        cbuf[o++] = (char) c;
        p++;
        continue;
      }
      c &= 0xff;
      if (c >= 0xC2 && c <= 0xDF && p + 1 < end && continuation(b[p + 1])) {
        cbuf[o++] = (char) (((c & 0x1F) << 6) | (b[p + 1] & 0x3F));
        p += 2;
        continue;
      }
      if (c >= 0xE0 && c <= 0xEF && p + 2 < end && secondOfThree(c, b[p + 1] & 0xff) && continuation(b[p + 2])) {
        cbuf[o++] = (char) (((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F));
        p += 3;
        continue;
      }
      if (c >= 0xF0 && c <= 0xF4 && p + 3 < end && secondOfFour(c, b[p + 1] & 0xff) && continuation(b[p + 2]) && continuation(b[p + 3])) {
        int cp = ((c & 0x07) << 18) | ((b[p + 1] & 0x3F) << 12) | ((b[p + 2] & 0x3F) << 6) | (b[p + 3] & 0x3F);
        cbuf[o++] = Character.highSurrogate(cp);
        p += 4;
        if (o == oe) {
          pendingLow = Character.lowSurrogate(cp); // no room: the next read starts with it
          break;
        }
        cbuf[o++] = Character.lowSurrogate(cp);
        continue;
      }
      // Malformed or cut off: the JDK decodes the rest, with its replacements.
      rest = new InputStreamReader(new ByteArrayInputStream(b, p, end - p), StandardCharsets.UTF_8);
      pos = end;
      if (o > off) {
        return o - off;
      }
      return read(cbuf, off, len);
    }
    pos = p;
    return o - off;
  }

  private static boolean continuation(byte x) {
    return (x & 0xC0) == 0x80;
  }

  /** The second byte of a three-byte sequence: no overlong forms (E0) and no surrogates (ED). */
  private static boolean secondOfThree(int first, int second) {
    int lo = first == 0xE0 ? 0xA0 : 0x80;
    int hi = first == 0xED ? 0x9F : 0xBF;
    return second >= lo && second <= hi;
  }

  /** The second byte of a four-byte sequence: no overlong forms (F0) and nothing above U+10FFFF (F4). */
  private static boolean secondOfFour(int first, int second) {
    int lo = first == 0xF0 ? 0x90 : 0x80;
    int hi = first == 0xF4 ? 0x8F : 0xBF;
    return second >= lo && second <= hi;
  }

  @Override
  public void close() {
    pos = end;
    rest = null;
  }
}
