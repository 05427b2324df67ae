package io.mathsieve.dedup.minhash;

/**
 * A document's MinHash signature and LSH band keys, from its text: the one piece of per-document
 * work near-dedup does, shared by the batch job and the streaming job. Reuses its buffers; one per
 * thread.
 *
 * <pre>{@code
 * NearDupSketcher s = new NearDupSketcher(MinHashConfig.DEEPSEEKMATH_DEFAULT);
 * if (s.sketch(text)) { long[] keys = s.bandKeys(); long[] sig = s.signature(); }
 * }</pre>
 */
public final class NearDupSketcher {
  private final MinHashConfig config;
  private final Shingler shingler;
  private final MinHasher hasher;
  private final long[] signature;
  private final long[] bandKeys;
  private int shingleCount;

  public NearDupSketcher(MinHashConfig config) {
    this.config = config;
    this.shingler = new Shingler(config.ngram(), config.seed());
    this.hasher = new MinHasher(config);
    this.signature = new long[config.permutations()];
    this.bandKeys = new long[config.bands()];
  }

  /** Sketches {@code text}; false when it has no words (such a document is never a near-duplicate). */
  public boolean sketch(CharSequence text) {
    int n = shingler.shingle(text);
    shingleCount = n;
    if (n == 0) {
      return false;
    }
    hasher.signature(shingler.hashes(), n, signature);
    LshBands.keys(signature, config.bands(), config.rows(), bandKeys);
    return true;
  }

  /** The signature of the last sketch (reused buffer: copy it to keep it). */
  public long[] signature() {
    return signature;
  }

  /** The band keys of the last sketch (reused buffer). */
  public long[] bandKeys() {
    return bandKeys;
  }

  /** The distinct shingle hashes of the last sketch, sorted, as a new array ({@link ExactJaccard}). */
  public long[] shingleSet() {
    return ExactJaccard.set(shingler.hashes(), shingleCount);
  }

  public MinHashConfig config() {
    return config;
  }
}
