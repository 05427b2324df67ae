package io.mathsieve.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3 x64 128-bit, with an explicit seed, over byte arrays.
 *
 * <p>Everything mathsieve persists (document ids, content hashes, MinHash seeds, benchmark n-gram
 * keys) is hashed with an explicitly seeded function so that ids stay stable across runs, machines
 * and versions. Output is bit-compatible with Guava's {@code Hashing.murmur3_128(seed)} for seeds
 * that fit in an int: {@link #hash64} is Guava's {@code asLong()}, and {@code hash128} fills
 * {@code out[0]} and {@code out[1]} with the two little-endian halves of {@code asBytes()}.
 *
 * <pre>{@code
 * long h = Murmur3.hash64("hello".getBytes(UTF_8), 0, 5, 0L);
 * }</pre>
 *
 * <p>{@code hash128} over a byte array allocates nothing (the caller owns {@code out}); {@code hash64}
 * allocates its two-long result, and the string forms also encode to UTF-8 first. Hot loops hash
 * bytes into a reused {@code out}, or use {@link #fmix64} on primitive longs.
 */
public final class Murmur3 {
  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Murmur3() {}

  /** The first 64 bits of the 128-bit hash. */
  public static long hash64(byte[] data, int offset, int length, long seed) {
    long[] out = new long[2];
    hash128(data, offset, length, seed, out);
    return out[0];
  }

  /** The first 64 bits of the 128-bit hash of the UTF-8 bytes of {@code text}. */
  public static long hash64(String text, long seed) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return hash64(bytes, 0, bytes.length, seed);
  }

  /** The 128-bit hash of the UTF-8 bytes of {@code text} into {@code out[0..1]}. */
  public static void hash128(String text, long seed, long[] out) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    hash128(bytes, 0, bytes.length, seed, out);
  }

  /** The 128-bit hash of {@code data[offset, offset+length)} into {@code out[0..1]}. */
  public static void hash128(byte[] data, int offset, int length, long seed, long[] out) {
    long h1 = seed;
    long h2 = seed;
    int blocks = length >>> 4;
    int pos = offset;
    for (int i = 0; i < blocks; i++, pos += 16) {
      long k1 = (long) LONG_LE.get(data, pos);
      long k2 = (long) LONG_LE.get(data, pos + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27);
      h1 += h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31);
      h2 += h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    long k1 = 0;
    long k2 = 0;
    int tail = length & 15;
    switch (tail) {
      case 15: k2 ^= (long) (data[pos + 14] & 0xff) << 48; // fall through
      case 14: k2 ^= (long) (data[pos + 13] & 0xff) << 40; // fall through
      case 13: k2 ^= (long) (data[pos + 12] & 0xff) << 32; // fall through
      case 12: k2 ^= (long) (data[pos + 11] & 0xff) << 24; // fall through
      case 11: k2 ^= (long) (data[pos + 10] & 0xff) << 16; // fall through
      case 10: k2 ^= (long) (data[pos + 9] & 0xff) << 8; // fall through
      case 9:
        k2 ^= data[pos + 8] & 0xff;
        h2 ^= mixK2(k2);
        // fall through
      case 8: k1 ^= (long) (data[pos + 7] & 0xff) << 56; // fall through
      case 7: k1 ^= (long) (data[pos + 6] & 0xff) << 48; // fall through
      case 6: k1 ^= (long) (data[pos + 5] & 0xff) << 40; // fall through
      case 5: k1 ^= (long) (data[pos + 4] & 0xff) << 32; // fall through
      case 4: k1 ^= (long) (data[pos + 3] & 0xff) << 24; // fall through
      case 3: k1 ^= (long) (data[pos + 2] & 0xff) << 16; // fall through
      case 2: k1 ^= (long) (data[pos + 1] & 0xff) << 8; // fall through
      case 1:
        k1 ^= data[pos] & 0xff;
        h1 ^= mixK1(k1);
        break;
      default:
        break;
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 += h2;
    h2 += h1;
    out[0] = h1;
    out[1] = h2;
  }

  /** MurmurHash3's 64-bit finaliser: a fast, well-mixed bijection on longs. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }

  private static long mixK1(long k1) {
    k1 *= C1;
    k1 = Long.rotateLeft(k1, 31);
    k1 *= C2;
    return k1;
  }

  private static long mixK2(long k2) {
    k2 *= C2;
    k2 = Long.rotateLeft(k2, 33);
    k2 *= C1;
    return k2;
  }
}
