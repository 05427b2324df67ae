package io.mathsieve.hash;

/** Lower-case fixed-width hexadecimal for hash values. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** 16 hex digits, most significant first. */
  public static String of(long value) {
    char[] out = new char[16];
    write(value, out, 0);
    return new String(out);
  }

  /** 32 hex digits: {@code hi} then {@code lo}. */
  public static String of(long hi, long lo) {
    char[] out = new char[32];
    write(hi, out, 0);
    write(lo, out, 16);
    return new String(out);
  }

  private static void write(long value, char[] out, int at) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = DIGITS[(int) (value & 0xf)];
      value >>>= 4;
    }
  }
}
