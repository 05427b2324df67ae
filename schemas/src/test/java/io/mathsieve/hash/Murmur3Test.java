package io.mathsieve.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Murmur3Test {

  // Known answers published with Guava's and the reference implementation's tests (seed 0).
  @Test
  void knownAnswers() {
    assertThat(hex128("", 0)).isEqualTo("00000000000000000000000000000000");
    assertThat(hex128("The quick brown fox jumps over the lazy dog", 0))
        .isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
  }

  // Every tail length (0..15) and several block counts, several seeds, against Guava.
  @Test
  void matchesGuavaForAllTailLengthsAndSeeds() {
    Random random = new Random(42);
    for (int seed : new int[] {0, 1, -1, 0x5eed, Integer.MIN_VALUE}) {
      for (int length = 0; length < 70; length++) {
        byte[] data = new byte[length + 3];
        random.nextBytes(data);
        long[] out = new long[2];
        Murmur3.hash128(data, 3, length, seed, out);
        HashCode expected = Hashing.murmur3_128(seed).hashBytes(data, 3, length);
        assertThat(toBytes(out)).as("seed %d length %d", seed, length).isEqualTo(expected.asBytes());
        assertThat(Murmur3.hash64(data, 3, length, seed)).isEqualTo(expected.asLong());
      }
    }
  }

  @Test
  void stringsHashTheirUtf8Bytes() {
    String text = "∫ x² dx — 积分";
    assertThat(Murmur3.hash64(text, 7))
        .isEqualTo(Hashing.murmur3_128(7).hashString(text, StandardCharsets.UTF_8).asLong());
  }

  @Test
  void hexIsFixedWidth() {
    assertThat(Hex.of(1L)).isEqualTo("0000000000000001");
    assertThat(Hex.of(-1L, 0xabL)).isEqualTo("ffffffffffffffff00000000000000ab");
  }

  private static String hex128(String s, int seed) {
    long[] out = new long[2];
    Murmur3.hash128(s, seed, out);
    return HashCode.fromBytes(toBytes(out)).toString();
  }

  private static byte[] toBytes(long[] out) {
    return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(out[0]).putLong(out[1]).array();
  }
}
