package io.mathsieve.samples;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** A seeded random source with the few helpers the generator needs; same seed, same samples. */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** An independent stream derived from this one, so adding draws in one place does not shift others. */
  Rng fork(String purpose) {
    return new Rng(random.nextLong() ^ purpose.hashCode() * 0x9E3779B97F4A7C15L);
  }

  int between(int lowInclusive, int highInclusive) {
    return random.nextInt(lowInclusive, highInclusive + 1);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double nextDouble() {
    return random.nextDouble();
  }

  long nextLong() {
    return random.nextLong();
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** A random version-4 UUID drawn from this stream. */
  UUID uuid() {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }
}
