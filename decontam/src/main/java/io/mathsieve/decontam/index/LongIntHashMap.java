package io.mathsieve.decontam.index;

import java.util.Arrays;

/**
 * An open-addressing hash map from {@code long} to non-negative {@code int}, without boxing: the
 * n-gram index. Linear probing, load factor at most 1/2, keys already well-mixed hashes.
 */
final class LongIntHashMap {
  private static final long EMPTY = 0L;

  private long[] keys;
  private int[] values;
  private int size;
  private boolean hasZero;
  private int zeroValue;

  LongIntHashMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
  }

  /** Adds {@code key -> value} unless the key is present; returns whether it was added. */
  boolean putIfAbsent(long key, int value) {
    return store(key, value, false);
  }

  /** Sets {@code key -> value}, replacing any value it had. */
  void put(long key, int value) {
    store(key, value, true);
  }

  /** Inserts the key, or finds it and replaces its value when {@code replace}; returns whether it was new. */
  private boolean store(long key, int value, boolean replace) {
    if (key == EMPTY) {
      boolean added = !hasZero;
      if (added || replace) {
        hasZero = true;
        zeroValue = value;
      }
      size += added ? 1 : 0;
      return added;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        if (replace) {
          values[i] = value;
        }
        return false;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
    return true;
  }

  /** The value of {@code key}, or -1. */
  int get(long key) {
    if (key == EMPTY) {
      return hasZero ? zeroValue : -1;
    }
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    long k;
    while ((k = keys[i]) != EMPTY) {
      if (k == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  int size() {
    return size;
  }

  /** Calls {@code sink} with every entry, in table order. */
  void forEach(Entry sink) {
    if (hasZero) {
      sink.accept(EMPTY, zeroValue);
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != EMPTY) {
        sink.accept(keys[i], values[i]);
      }
    }
  }

  interface Entry {
    void accept(long key, int value);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long key = oldKeys[j];
      if (key != EMPTY) {
        int i = (int) mix(key) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = oldValues[j];
      }
    }
  }

  private static long mix(long k) {
    return k ^ (k >>> 29);
  }

  @Override
  public String toString() {
    return "LongIntHashMap[size=" + size + ", capacity=" + keys.length + "]";
  }

  long[] keysForTest() {
    return Arrays.copyOf(keys, keys.length);
  }
}
