package io.mathsieve.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A short, stable digest of a configuration: the first 16 hex digits of SHA-256 over its sorted
 * {@code key=value} lines. Written with every output so a store says which settings made it, and
 * used to decide whether a finished stage can be reused.
 */
public final class Fingerprint {
  private Fingerprint() {}

  public static String of(Map<String, String> settings) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(settings).forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
