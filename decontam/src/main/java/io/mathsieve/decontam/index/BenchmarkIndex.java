package io.mathsieve.decontam.index;

import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.DecontamReason;
import io.mathsieve.decontam.analysis.DecontamAnalyzer;
import io.mathsieve.decontam.benchmarks.BenchmarkItem;
import java.io.DataInputStream;
import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.procedures.LongIntProcedure;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The benchmark n-gram index (DeepSeekMath §2.1, after DeepSeek-Coder): every n-gram of every
 * benchmark item (question, answer, and those spanning both), and the whole token sequence of
 * items shorter than n but of at least {@code decontam.min-short-tokens} tokens. A document
 * containing any indexed n-gram, or any short item's whole sequence, is contaminated.
 *
 * <pre>{@code
 * BenchmarkIndex index = BenchmarkIndex.build(items, DecontamConfig.defaults());
 * BenchmarkIndex.Match m = index.scanner().find(documentText);   // null when clean
 * }</pre>
 *
 * <p>Built once and saved to a versioned file recording its n, the benchmarks and their counts;
 * loaded once per process. N-grams are rolling 64-bit hashes of seeded token hashes in a primitive
 * open-addressing map: no boxing, no token strings, O(1) work per token of a scanned document.
 */
public final class BenchmarkIndex {
  private static final byte[] MAGIC = {'M', 'S', 'D', 'E', 'C', 'O', 'N', '1'};
  static final int VERSION = 2;

  /**
   * What the index holds of one benchmark.
   *
   * @param items items loaded
   * @param longItems items with at least one indexed n-gram
   * @param shortItems items shorter than n, matched as a whole sequence
   * @param skippedItems items with nothing indexed: too short, or only non-word or shared n-grams
   * @param ngrams distinct n-grams this benchmark put in the index
   * @param fields the fields its items were read from, as the loader reports them
   */
  public record BenchmarkInfo(String name, int items, int longItems, int shortItems, int skippedItems, int ngrams, String fields) {}

  /**
   * N-gram windows left out of the index: without any word (digits, symbols, blanks only, such as
   * MMLU's {@code _ _ _ _ _ _ _ _ _ _}), or shared by more than {@code maxItems} items.
   */
  public record Ignored(long nonWordNgrams, long sharedNgrams, int maxItems) {}

  /** A contamination found in a document: the item, and where in the document's tokens. */
  public record Match(DecontamReason reason, String benchmark, String itemId, int tokenFrom, int tokenTo) {}

  private final int ngram;
  private final int minShort;
  private final List<BenchmarkInfo> benchmarks;
  private final int[] itemBenchmark;
  private final String[] itemIds;
  private final LongIntHashMap ngrams;
  private final LongIntHashMap[] shortByLength;
  private final int[] shortLengths;
  private final Ignored ignored;

  private BenchmarkIndex(int ngram, int minShort, List<BenchmarkInfo> benchmarks, int[] itemBenchmark, String[] itemIds,
      LongIntHashMap ngrams, LongIntHashMap[] shortByLength, Ignored ignored) {
    this.ignored = ignored;
    this.ngram = ngram;
    this.minShort = minShort;
    this.benchmarks = List.copyOf(benchmarks);
    this.itemBenchmark = itemBenchmark;
    this.itemIds = itemIds;
    this.ngrams = ngrams;
    this.shortByLength = shortByLength;
    this.shortLengths = lengths(shortByLength);
  }

  /** Builds the index of {@code items}. */
  public static BenchmarkIndex build(List<BenchmarkItem> items, DecontamConfig config) {
    return build(items, config, Map.of());
  }

  /**
   * Builds the index of {@code items}; {@code fields} names, per benchmark, the fields its items
   * came from (for the summary). Two passes: the first counts, for every n-gram with a word, the
   * items it occurs in; the second indexes those in at most {@code decontam.max-items-per-ngram}.
   */
  public static BenchmarkIndex build(List<BenchmarkItem> items, DecontamConfig config, Map<String, String> fields) {
    int n = config.ngram();
    int maxItems = config.maxItemsPerNgram();
    Map<String, Integer> benchmarkIndex = new LinkedHashMap<>();
    Map<String, int[]> counts = new LinkedHashMap<>(); // items, long, short, skipped, ngrams
    int[] itemBenchmark = new int[items.size()];
    String[] itemIds = new String[items.size()];
    TokenHashes tokens = new TokenHashes();
    long powN = TokenHashes.power(n);

    // Pass 1: in how many items does each n-gram occur (counted once per item)?
    LongIntHashMap lastItem = new LongIntHashMap(items.size() * 64);
    LongIntHashMap itemCount = new LongIntHashMap(items.size() * 64);
    long[] nonWord = {0};
    for (int i = 0; i < items.size(); i++) {
      int item = i;
      forEachNgram(items.get(i), tokens, n, powN, (g, wordy) -> {
        if (!wordy) {
          nonWord[0]++;
        } else if (lastItem.getOrDefault(g, -1) != item) {
          lastItem.put(g, item);
          itemCount.put(g, Math.max(0, itemCount.getOrDefault(g, -1)) + 1);
        }
      });
    }
    long[] shared = {0};
    itemCount.forEach((LongIntProcedure) (g, c) -> {
      if (c > maxItems) {
        shared[0]++;
      }
    });

    // Pass 2: the index.
    LongIntHashMap ngrams = new LongIntHashMap(Math.max(16, itemCount.size()));
    LongIntHashMap[] shorts = new LongIntHashMap[n];
    for (int i = 0; i < items.size(); i++) {
      BenchmarkItem item = items.get(i);
      int b = benchmarkIndex.computeIfAbsent(item.benchmark(), k -> benchmarkIndex.size());
      int[] c = counts.computeIfAbsent(item.benchmark(), k -> new int[5]);
      c[0]++;
      itemBenchmark[i] = b;
      itemIds[i] = item.id();
      int index = i;
      int[] added = {0};
      forEachNgram(item, tokens, n, powN, (g, wordy) -> {
        if (wordy && itemCount.getOrDefault(g, -1) <= maxItems) {
          added[0]++;
          if (ngrams.putIfAbsent(g, index)) {
            c[4]++;
          }
        }
      });
      boolean isShort = false;
      // Whole-sequence matching is for short items: the whole item, or its first field (a short
      // question with a long answer), never a later field alone (an answer such as "x = 0").
      for (String text : item.texts().subList(0, Math.min(2, item.texts().size()))) {
        int count = tokens.tokenize(text);
        if (count < n && count >= config.minShortTokens() && anyWord(tokens.words(), 0, count)) {
          if (shorts[count] == null) {
            shorts[count] = new LongIntHashMap(64);
          }
          shorts[count].putIfAbsent(TokenHashes.window(tokens.hashes(), 0, count), i);
          isShort = true;
        }
      }
      if (added[0] > 0) {
        c[1]++;
      } else if (isShort) {
        c[2]++;
      } else {
        c[3]++;
      }
    }
    List<BenchmarkInfo> infos = new ArrayList<>();
    counts.forEach((name, c) -> infos.add(new BenchmarkInfo(name, c[0], c[1], c[2], c[3], c[4], fields.getOrDefault(name, ""))));
    return new BenchmarkIndex(n, config.minShortTokens(), infos, itemBenchmark, itemIds, ngrams, shorts,
        new Ignored(nonWord[0], shared[0], maxItems));
  }

  /** A visitor of n-gram windows: the rolling hash, and whether the window holds a word. */
  private interface NgramSink {
    void accept(long hash, boolean wordy);
  }

  private static void forEachNgram(BenchmarkItem item, TokenHashes tokens, int n, long powN, NgramSink sink) {
    for (String text : item.texts()) {
      int count = tokens.tokenize(text);
      if (count < n) {
        continue;
      }
      long[] h = tokens.hashes();
      boolean[] w = tokens.words();
      long rolling = 0;
      int words = 0;
      for (int t = 0; t < count; t++) {
        rolling = rolling * TokenHashes.BASE + h[t];
        words += w[t] ? 1 : 0;
        if (t >= n) {
          rolling -= h[t - n] * powN;
          words -= w[t - n] ? 1 : 0;
        }
        if (t >= n - 1) {
          sink.accept(rolling, words > 0);
        }
      }
    }
  }

  private static boolean anyWord(boolean[] words, int from, int to) {
    for (int i = from; i < to; i++) {
      if (words[i]) {
        return true;
      }
    }
    return false;
  }

  /** What was left out of the index, and why. */
  public Ignored ignored() {
    return ignored;
  }

  public int ngram() {
    return ngram;
  }

  public List<BenchmarkInfo> benchmarks() {
    return benchmarks;
  }

  /** Number of distinct n-grams indexed. */
  public int ngramCount() {
    return ngrams.size();
  }

  /** A scanner for one thread (it reuses its buffers). */
  public Scanner scanner() {
    return new Scanner();
  }

  /** Finds the first contamination in documents, one at a time. Not thread-safe. */
  public final class Scanner {
    private final TokenHashes tokens = new TokenHashes();
    private final long powN = TokenHashes.power(ngram);
    private final long[] rolling = new long[ngram];
    private final long[] powers = new long[ngram];

    Scanner() {
      for (int l : shortLengths) {
        powers[l] = TokenHashes.power(l);
      }
    }

    /** The first benchmark n-gram (or short item) in {@code text}, or null when the text is clean. */
    public Match find(String text) {
      int count = tokens.tokenize(text);
      long[] h = tokens.hashes();
      long window = 0;
      Arrays.fill(rolling, 0);
      for (int t = 0; t < count; t++) {
        window = window * TokenHashes.BASE + h[t];
        if (t >= ngram) {
          window -= h[t - ngram] * powN;
        }
        if (t >= ngram - 1) {
          int item = ngrams.getOrDefault(window, -1);
          if (item >= 0) {
            return match(DecontamReason.NGRAM, item, t - ngram + 1, t + 1);
          }
        }
        for (int l : shortLengths) {
          long r = rolling[l] * TokenHashes.BASE + h[t];
          if (t >= l) {
            r -= h[t - l] * powers[l];
          }
          rolling[l] = r;
          if (t >= l - 1) {
            int item = shortByLength[l].getOrDefault(r, -1);
            if (item >= 0) {
              return match(DecontamReason.EXACT, item, t - l + 1, t + 1);
            }
          }
        }
      }
      return null;
    }

    private Match match(DecontamReason reason, int item, int from, int to) {
      return new Match(reason, benchmarks.get(itemBenchmark[item]).name(), itemIds[item], from, to);
    }
  }

  /** The normalised tokens a match covers, for the audit. */
  public static String matchedText(String text, Match m) {
    List<String> t = DecontamAnalyzer.tokens(text);
    return String.join(" ", t.subList(Math.min(m.tokenFrom(), t.size()), Math.min(m.tokenTo(), t.size())));
  }

  // ------------------------------------------------------------------------ persistence

  /** Writes the index (gzip-compressed, versioned). */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    DataOutputStream d = new DataOutputStream(gzip);
    d.write(MAGIC);
    d.writeInt(VERSION);
    d.writeInt(ngram);
    d.writeInt(minShort);
    d.writeInt(benchmarks.size());
    for (BenchmarkInfo b : benchmarks) {
      d.writeUTF(b.name());
      d.writeInt(b.items());
      d.writeInt(b.longItems());
      d.writeInt(b.shortItems());
      d.writeInt(b.skippedItems());
      d.writeInt(b.ngrams());
      d.writeUTF(b.fields());
    }
    d.writeLong(ignored.nonWordNgrams());
    d.writeLong(ignored.sharedNgrams());
    d.writeInt(ignored.maxItems());
    d.writeInt(itemIds.length);
    for (int i = 0; i < itemIds.length; i++) {
      d.writeInt(itemBenchmark[i]);
      d.writeUTF(itemIds[i]);
    }
    writeMap(d, ngrams);
    for (int l = 0; l < shortByLength.length; l++) {
      d.writeBoolean(shortByLength[l] != null);
      if (shortByLength[l] != null) {
        writeMap(d, shortByLength[l]);
      }
    }
    d.flush();
    gzip.finish();
  }

  /** Reads an index written by {@link #write}; {@code source} names it in errors. */
  public static BenchmarkIndex read(InputStream in, String source) throws IOException {
    DataInputStream d;
    try {
      d = new DataInputStream(new GZIPInputStream(in, 1 << 16));
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException(source + ": not a mathsieve benchmark index (expected a file written by decontam-index)");
    }
    byte[] magic = new byte[MAGIC.length];
    try {
      d.readFully(magic);
    } catch (java.io.EOFException e) {
      throw new IllegalArgumentException(source + ": not a mathsieve benchmark index (too short)");
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalArgumentException(source + ": not a mathsieve benchmark index (expected a file written by decontam-index)");
    }
    int version = d.readInt();
    if (version != VERSION) {
      throw new IllegalArgumentException(source + ": benchmark index version " + version + ", this build reads version " + VERSION
          + "; rebuild it with decontam-index");
    }
    int n = d.readInt();
    int minShort = d.readInt();
    int nb = d.readInt();
    List<BenchmarkInfo> infos = new ArrayList<>(nb);
    for (int i = 0; i < nb; i++) {
      infos.add(new BenchmarkInfo(d.readUTF(), d.readInt(), d.readInt(), d.readInt(), d.readInt(), d.readInt(), d.readUTF()));
    }
    Ignored ignored = new Ignored(d.readLong(), d.readLong(), d.readInt());
    int ni = d.readInt();
    int[] itemBenchmark = new int[ni];
    String[] itemIds = new String[ni];
    for (int i = 0; i < ni; i++) {
      itemBenchmark[i] = d.readInt();
      itemIds[i] = d.readUTF();
    }
    LongIntHashMap ngrams = readMap(d);
    LongIntHashMap[] shorts = new LongIntHashMap[n];
    for (int l = 0; l < n; l++) {
      if (d.readBoolean()) {
        shorts[l] = readMap(d);
      }
    }
    return new BenchmarkIndex(n, minShort, infos, itemBenchmark, itemIds, ngrams, shorts, ignored);
  }

  /** Entries in key order: HPPC iterates each map instance in its own seeded order, and the file must not depend on it. */
  private static void writeMap(DataOutputStream d, LongIntHashMap m) throws IOException {
    long[] keys = m.keys().toArray();
    java.util.Arrays.sort(keys);
    d.writeInt(keys.length);
    for (long k : keys) {
      d.writeLong(k);
      d.writeInt(m.get(k));
    }
  }

  private static LongIntHashMap readMap(DataInputStream d) throws IOException {
    int size = d.readInt();
    LongIntHashMap m = new LongIntHashMap(size);
    for (int i = 0; i < size; i++) {
      m.putIfAbsent(d.readLong(), d.readInt());
    }
    return m;
  }

  private static int[] lengths(LongIntHashMap[] shorts) {
    return java.util.stream.IntStream.range(0, shorts.length).filter(l -> shorts[l] != null).toArray();
  }
}
