package io.mathsieve.extract.charset;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes an HTML body to a string, finding its charset the way a careful browser would, and never
 * failing: undecodable bytes become U+FFFD.
 *
 * <p>Order: a byte order mark; the HTTP {@code Content-Type} charset; a {@code <meta charset>} or
 * {@code <meta http-equiv="Content-Type">} in the first 4 KB; then the bytes themselves (valid UTF-8
 * is UTF-8, otherwise Mozilla's universal detector). Declarations are checked against the bytes:
 * a page declared UTF-8 whose bytes are not UTF-8 is detected instead, and a page declared as a
 * single-byte Western charset whose bytes are valid multi-byte UTF-8 is read as UTF-8, because both
 * mistakes are common on the web and reading the declaration would garble every non-ASCII char.
 * Labels follow the WHATWG encoding standard's superset rules: {@code iso-8859-1} and {@code ascii}
 * read as windows-1252, {@code gb2312} and {@code gbk} as GB18030.
 *
 * <pre>{@code
 * DecodedHtml d = HtmlDecoder.decode(bytes, "text/html; charset=utf-8");
 * d.html(); d.charset(); d.source();   // "...", "UTF-8", "http"
 * }</pre>
 */
public final class HtmlDecoder {
  /** How many leading bytes are checked or given to the detector. */
  static final int SNIFF_BYTES = 64 * 1024;
  private static final int META_SCAN_BYTES = 4096;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("utf8", "UTF-8"),
          Map.entry("unicode-1-1-utf-8", "UTF-8"),
          Map.entry("iso-8859-1", "windows-1252"),
          Map.entry("iso8859-1", "windows-1252"),
          Map.entry("latin1", "windows-1252"),
          Map.entry("l1", "windows-1252"),
          Map.entry("us-ascii", "windows-1252"),
          Map.entry("ascii", "windows-1252"),
          Map.entry("iso-8859-9", "windows-1254"),
          Map.entry("gb2312", "GB18030"),
          Map.entry("gbk", "GB18030"),
          Map.entry("x-gbk", "GB18030"),
          Map.entry("gb_2312-80", "GB18030"),
          Map.entry("euc-cn", "GB18030"),
          Map.entry("shift_jis", "windows-31j"),
          Map.entry("shift-jis", "windows-31j"),
          Map.entry("sjis", "windows-31j"),
          Map.entry("x-sjis", "windows-31j"),
          Map.entry("ms932", "windows-31j"),
          Map.entry("euc-kr", "x-windows-949"),
          Map.entry("ks_c_5601-1987", "x-windows-949"),
          Map.entry("big5", "Big5-HKSCS"),
          Map.entry("tis-620", "x-windows-874"),
          Map.entry("iso-8859-11", "x-windows-874"));

  private HtmlDecoder() {}

  /** Decoded HTML, the charset used and where it came from. */
  public record DecodedHtml(String html, String charset, String source) {}

  /** Where the charset came from. */
  public static final String BOM = "bom";
  public static final String HTTP = "http";
  public static final String META = "meta";
  public static final String DETECTED = "detected";
  public static final String DEFAULT = "default";

  /** The charset of a body, where it came from, and the length of its byte order mark (0 without). */
  public record Detected(Charset charset, String source, int bomLength) {
    /** The body as characters, after the byte order mark, for a streaming parser (no whole-page string). */
    public Reader reader(byte[] body) {
      if (charset.equals(StandardCharsets.UTF_8)) {
        return new Utf8Reader(body, bomLength);
      }
      return new InputStreamReader(new ByteArrayInputStream(body, bomLength, body.length - bomLength), charset);
    }

    /** The body as one string, after the byte order mark. */
    public DecodedHtml decode(byte[] body) {
      return new DecodedHtml(new String(body, bomLength, body.length - bomLength, charset), charset.name(), source);
    }
  }

  public static DecodedHtml decode(byte[] body, String httpContentType) {
    return detect(body, httpContentType).decode(body);
  }

  /** The charset to read {@code body} with, by the rules above, without decoding it. */
  public static Detected detect(byte[] body, String httpContentType) {
    // 1. A byte order mark wins over every declaration (as in browsers).
    if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
      return new Detected(StandardCharsets.UTF_8, BOM, 3);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return new Detected(StandardCharsets.UTF_16BE, BOM, 2);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return new Detected(StandardCharsets.UTF_16LE, BOM, 2);
    }
    Utf8Check utf8 = Utf8Check.of(body, Math.min(body.length, SNIFF_BYTES));

    // 2. The HTTP header, then 3. a meta tag, each checked against the bytes.
    Charset http = supported(charsetParameter(httpContentType));
    if (http != null && plausible(http, utf8)) {
      return new Detected(preferUtf8(http, utf8), preferUtf8(http, utf8) == http ? HTTP : DETECTED, 0);
    }
    Charset meta = supported(MetaCharset.find(body, Math.min(body.length, META_SCAN_BYTES)));
    if (meta != null && plausible(meta, utf8)) {
      return new Detected(preferUtf8(meta, utf8), preferUtf8(meta, utf8) == meta ? META : DETECTED, 0);
    }

    // 4. The bytes themselves.
    if (utf8 == Utf8Check.ASCII) {
      return new Detected(StandardCharsets.UTF_8, DEFAULT, 0);
    }
    if (utf8 == Utf8Check.VALID) {
      return new Detected(StandardCharsets.UTF_8, DETECTED, 0);
    }
    Charset detected = supported(detect(body));
    if (detected != null && !detected.equals(StandardCharsets.UTF_8)) {
      return new Detected(detected, DETECTED, 0);
    }
    return new Detected(WINDOWS_1252, DEFAULT, 0);
  }

  /** A declaration is believed unless it says UTF-8 and the bytes are not UTF-8. */
  private static boolean plausible(Charset declared, Utf8Check utf8) {
    return !(declared.equals(StandardCharsets.UTF_8) && utf8 == Utf8Check.INVALID);
  }

  /** A single-byte Western declaration over valid multi-byte UTF-8 is a mislabel: read UTF-8. */
  private static Charset preferUtf8(Charset declared, Utf8Check utf8) {
    if (utf8 == Utf8Check.VALID && isSingleByteWestern(declared)) {
      return StandardCharsets.UTF_8;
    }
    return declared;
  }

  private static boolean isSingleByteWestern(Charset c) {
    String n = c.name().toLowerCase(Locale.ROOT);
    return n.startsWith("windows-125") || n.startsWith("iso-8859-");
  }

  /** The {@code charset} parameter of a Content-Type value, or null. */
  static String charsetParameter(String contentType) {
    if (contentType == null) {
      return null;
    }
    String lower = contentType.toLowerCase(Locale.ROOT);
    int at = lower.indexOf("charset");
    while (at >= 0) {
      int i = at + 7;
      while (i < lower.length() && lower.charAt(i) == ' ') {
        i++;
      }
      if (i < lower.length() && lower.charAt(i) == '=') {
        return MetaCharset.value(contentType, i + 1);
      }
      at = lower.indexOf("charset", at + 7);
    }
    return null;
  }

  /** The charset a label names, following WHATWG aliases, or null when unknown or unsupported. */
  static Charset supported(String label) {
    if (label == null) {
      return null;
    }
    String l = label.trim().toLowerCase(Locale.ROOT);
    if (l.isEmpty()) {
      return null;
    }
    String name = ALIASES.getOrDefault(l, l);
    try {
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String detect(byte[] body) {
    UniversalDetector detector = new UniversalDetector();
    detector.handleData(body, 0, Math.min(body.length, SNIFF_BYTES));
    detector.dataEnd();
    return detector.getDetectedCharset();
  }

  /** What the leading bytes say about UTF-8. */
  enum Utf8Check {
    /** Only 7-bit bytes: UTF-8 and every ASCII-compatible charset agree. */
    ASCII,
    /** Valid UTF-8 with at least one multi-byte sequence. */
    VALID,
    /** Not UTF-8 (a truncated sequence at the very end is forgiven). */
    INVALID;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether {@code b[i..i+8)} are all 7-bit. */
    static boolean eightAscii(byte[] b, int i) {
      return ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0;
    }

    static Utf8Check of(byte[] b, int length) {
      boolean multibyte = false;
      int i = 0;
      while (i < length) {
        // Eight ASCII bytes at a time: most of a page is markup, and this runs on every page.
        while (i + 8 <= length && eightAscii(b, i)) {
          i += 8;
        }
        if (i >= length) {
          break;
        }
        int c = b[i] & 0xff;
        if (c < 0x80) {
          i++;
          continue;
        }
        int n;
        if (c >= 0xC2 && c <= 0xDF) {
          n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
          n = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
          n = 3;
        } else {
          return INVALID;
        }
        if (i + n >= length) {
          break; // cut off by the sniff window
        }
        for (int k = 1; k <= n; k++) {
          if ((b[i + k] & 0xC0) != 0x80) {
            return INVALID;
          }
        }
        multibyte = true;
        i += n + 1;
      }
      return multibyte ? VALID : ASCII;
    }
  }
}
