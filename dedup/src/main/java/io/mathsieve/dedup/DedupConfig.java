package io.mathsieve.dedup;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.OptionSet;
import io.mathsieve.config.Settings;
import io.mathsieve.dedup.minhash.MinHashConfig;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Deduplication settings, shared by the URL and exact dedup inside extraction and by near-dedup.
 *
 * @param url whether pages are deduplicated by canonical URL
 * @param stripWww whether {@code www.example.org} and {@code example.org} are one host for URL dedup
 * @param exact whether pages are deduplicated by content hash
 * @param minHash the MinHash LSH setting of near-dedup
 * @param minSimilarity candidate pairs whose signatures agree on fewer permutations than this share are not merged
 * @param exactJaccard whether candidate pairs are also verified by the exact Jaccard similarity of their shingle sets
 * @param values the effective settings
 */
public record DedupConfig(boolean url, boolean stripWww, boolean exact, MinHashConfig minHash, double minSimilarity, boolean exactJaccard,
    Map<String, String> values)
    implements OptionSet, Serializable {

  public static final ConfigOption<Boolean> URL = ConfigOption.booleanOption("dedup.url.enabled", true,
      "Keep one page per canonical URL (lower-cased host, http = https, default ports, fragments, tracking and session parameters "
          + "dropped, query sorted); the latest fetch wins. Runs inside extract.");
  public static final ConfigOption<Boolean> STRIP_WWW = ConfigOption.booleanOption("dedup.url.strip-www", true,
      "Treat www.example.org and example.org as the same host when canonicalising URLs.");
  public static final ConfigOption<Boolean> EXACT = ConfigOption.booleanOption("dedup.exact.enabled", true,
      "Keep one page per text (whitespace folded, 128-bit hash); the latest fetch wins. Runs inside extract, after URL dedup.");
  public static final ConfigOption<Integer> BANDS =
      ConfigOption.intOption("dedup.near.bands", 14, "MinHash LSH bands (b). 14 x 8 has threshold ~0.72; MegaMath used 11 x 10.").between(1, 1024);
  public static final ConfigOption<Integer> ROWS =
      ConfigOption.intOption("dedup.near.rows", 8, "MinHash LSH rows per band (r); b x r permutations are computed.").between(1, 1024);
  public static final ConfigOption<Integer> NGRAM =
      ConfigOption.intOption("dedup.near.ngram", 5, "Words per shingle (CJK text: characters per shingle).").between(1, 64);
  public static final ConfigOption<Long> SEED =
      ConfigOption.longOption("dedup.near.seed", 1, "Seed of the shingle hashes and MinHash permutations; signatures are comparable only under one seed.");
  public static final ConfigOption<Double> MIN_SIMILARITY = ConfigOption.doubleOption("dedup.near.min-similarity", 0.5,
          "Candidate pairs (sharing an LSH band) are merged only if their full signatures agree on at least this share of permutations "
              + "(an estimate of their Jaccard similarity): drops LSH false positives. 0 merges every candidate.")
      .between(0, 1);

  public static final ConfigOption<Boolean> EXACT_JACCARD = ConfigOption.booleanOption("dedup.near.exact-jaccard", false,
      "Also verify each candidate pair with the exact Jaccard similarity of the two documents' shingle sets (at least "
          + "dedup.near.min-similarity) before merging: no estimate errors, at the cost of shipping each document's shingle set to two joins (and once more per candidate pair). Batch near-dedup only; the incremental job verifies with the "
          + "signature.");

  public static final List<ConfigOption<?>> OPTIONS = List.of(URL, STRIP_WWW, EXACT, BANDS, ROWS, NGRAM, SEED, MIN_SIMILARITY, EXACT_JACCARD);

  public static DedupConfig from(Settings s) {
    int bands = s.get(BANDS);
    int rows = s.get(ROWS);
    int ngram = s.get(NGRAM);
    long seed = s.get(SEED);
    MinHashConfig mh;
    try {
      mh = new MinHashConfig(bands, rows, ngram, seed);
    } catch (IllegalArgumentException e) {
      throw new io.mathsieve.config.ConfigException("dedup.near: " + e.getMessage());
    }
    return new DedupConfig(s.get(URL), s.get(STRIP_WWW), s.get(EXACT), mh, s.get(MIN_SIMILARITY), s.get(EXACT_JACCARD),
        OptionSet.values(s, OPTIONS));
  }

  public static DedupConfig defaults() {
    return from(Settings.empty());
  }
}
