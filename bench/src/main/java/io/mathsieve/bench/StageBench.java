package io.mathsieve.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.FastTextTrainer;
import io.mathsieve.classifiers.math.MathClassifier;
import io.mathsieve.classifiers.math.MathLabels;
import io.mathsieve.classifiers.math.MathTextNormalizer;
import io.mathsieve.config.Settings;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.decontam.benchmarks.BenchmarkLoader;
import io.mathsieve.decontam.index.BenchmarkIndex;
import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.dedup.minhash.NearDupSketcher;
import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.PageExtractor;
import io.mathsieve.extract.charset.HtmlDecoder;
import io.mathsieve.extract.prefilter.MathPrefilter;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.HtmlPage;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcItem;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Each per-page stage of the pipeline alone, single-threaded, on the same pages, measured in CPU
 * time of the measuring thread: the gunzip floor, WARC parsing, the prefilter, charset + Jsoup,
 * math-aware extraction, fastText scoring (and the fastText CLI side by side when installed),
 * MinHash and the decontamination lookup. Each stage runs {@code runs} times after one warm-up.
 */
public final class StageBench {
  private StageBench() {}

  /**
   * What to measure on.
   *
   * @param warcFiles the input
   * @param mathUrls URLs of the math pages among them (for the prefilter's recall), empty if unknown
   * @param model a math classifier model
   * @param benchmarks benchmark files for the decontamination index
   * @param runs measured runs per stage
   * @param work a scratch directory
   */
  public record Inputs(List<Path> warcFiles, java.util.Set<String> mathUrls, Path model, List<Path> benchmarks, int runs, Path work) {}

  /** The rows, in pipeline order, and the extracted documents (for later stages to reuse). */
  public record Result(List<Measurement> rows, List<TextDocument> documents, long pages, long htmlBytes) {}

  public static Result run(Inputs in, Consumer<String> log) throws Exception {
    List<Measurement> rows = new ArrayList<>() { // each row printed as soon as it is measured
      @Override
      public boolean add(Measurement m) {
        super.add(m);
        log.accept(String.format(Locale.ROOT, "bench: %-50s %,9.0f %s/s (%,.0f - %,.0f), %.2f x floor", m.stage(), m.median(), m.unit(), m.min(), m.max(),
            m.median() / get(0).median()));
        return true;
      }
    };
    // Read the pages once (also the WARC-parse measurement's warm-up).
    List<HtmlPage> pages = new ArrayList<>();
    long[] compressed = {0};
    readPages(in.warcFiles(), pages::add);
    for (Path f : in.warcFiles()) {
      compressed[0] += Files.size(f);
    }
    long htmlBytes = pages.stream().mapToLong(p -> p.body().length).sum();
    int n = pages.size();
    log.accept(String.format(Locale.ROOT, "bench: %d pages, %.1f MB of HTML (%.0f KB mean), %d WARC files (%.1f MB)", n, htmlBytes / 1e6,
        htmlBytes / 1e3 / Math.max(1, n), in.warcFiles().size(), compressed[0] / 1e6));

    // The floor: gunzip every member, nothing else.
    byte[] buffer = new byte[1 << 16];
    rows.add(measure("gunzip (the floor)", "pages", n, htmlBytes, in.runs(), () -> {
      for (Path f : in.warcFiles()) {
        try (InputStream z = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16), 1 << 16)) {
          while (z.read(buffer) >= 0) {
            // discard
          }
        }
      }
    }));
    rows.add(measure("WARC parse (gunzip + records + HTTP)", "pages", n, htmlBytes, in.runs(), () -> readPages(in.warcFiles(), p -> {})));

    MathPrefilter prefilter = MathPrefilter.shared();
    rows.add(measure("math prefilter (bytes)", "pages", n, htmlBytes, in.runs(), () -> {
      for (HtmlPage p : pages) {
        prefilter.test(p.body());
      }
    }).withNote(prefilterNote(pages, in.mathUrls())));

    rows.add(measure("charset + Jsoup parse", "pages", n, htmlBytes, in.runs(), () -> {
      for (HtmlPage p : pages) {
        Parser.htmlParser().parseInput(reader(p), p.url());
      }
    }));

    // The alternatives to Jsoup's DOM, on the same pages and the same reader over the bytes.
    rows.add(measure("Jsoup StreamParser (each element dropped once read)", "pages", n, htmlBytes, in.runs(), () -> {
      for (HtmlPage p : pages) {
        try (StreamParser sp = new StreamParser(Parser.htmlParser()).parse(reader(p), p.url())) {
          for (Iterator<Element> it = sp.iterator(); it.hasNext(); ) {
            it.next().remove();
          }
        }
      }
    }));
    HtmlParser sax = new HtmlParser(XmlViolationPolicy.ALLOW);
    sax.setContentHandler(new DefaultHandler());
    boolean hugeMethodsCompiled = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
        .contains("-XX:-DontCompileHugeMethods");
    rows.add(measure("validator.nu HTML5 parser (SAX events, no DOM)", "pages", n, htmlBytes, in.runs(), () -> {
      for (HtmlPage p : pages) {
        sax.parse(new InputSource(reader(p)));
      }
    }).withNote(hugeMethodsCompiled ? "its tokenizer JIT-compiled (-XX:-DontCompileHugeMethods)"
        : "without -XX:-DontCompileHugeMethods its tokenizer, one huge method, stays interpreted (about a fifth of the compiled speed)"));

    PageExtractor full = new PageExtractor(ExtractConfig.defaults());
    List<TextDocument> docs = new ArrayList<>();
    for (HtmlPage p : pages) {
      if (full.extract(p) instanceof FilterResult.Keep<TextDocument> k) {
        docs.add(k.value());
      }
    }
    rows.add(measure("extraction (decode, parse, math text, language)", "pages", n, htmlBytes, in.runs(), () -> {
      for (HtmlPage p : pages) {
        full.extract(p);
      }
    }));
    PageExtractor filtered = new PageExtractor(ExtractConfig.from(Settings.empty().with("extract.prefilter", "true", "bench")));
    long[] passed = {0};
    rows.add(measure("extraction with the prefilter on", "pages", n, htmlBytes, in.runs(), () -> {
      passed[0] = 0;
      for (HtmlPage p : pages) {
        if (filtered.extract(p) instanceof FilterResult.Keep<TextDocument>) {
          passed[0]++;
        }
      }
    }).withNote(String.format(Locale.ROOT, "%d of %d pages go on to parsing", passed[0], n)));

    long textBytes = docs.stream().mapToLong(d -> d.text().length()).sum();
    int docCount = docs.size();
    ClassifierConfig classifier = ClassifierConfig.from(Settings.empty());
    try (MathClassifier model = MathClassifier.load(in.model(), classifier.maxChars())) {
      Measurement ft = measure("fastText score (JNI, first " + classifier.maxChars() + " chars)", "docs", docCount, textBytes, in.runs(), () -> {
        for (TextDocument d : docs) {
          model.score(d.text(), io.mathsieve.classifiers.math.MathSignals.of(d.formulas(), d.hasMathMarkup()));
        }
      });
      rows.add(ft.withNote(String.format(Locale.ROOT, "mean text %,d chars; ", textBytes / Math.max(1, docCount))
          + cliComparison(in, docs, classifier, ft.median())));
      // Real pages carry more text than generated ones: the same documents repeated to the cap, the
      // classifier's cost per page when every page has at least classify.max-chars of text.
      List<String> capped = new ArrayList<>();
      for (TextDocument d : docs) {
        StringBuilder b = new StringBuilder(d.text());
        while (b.length() < classifier.maxChars()) {
          b.append('\n').append(d.text());
        }
        capped.add(b.toString());
      }
      rows.add(measure("fastText score at the cap (" + classifier.maxChars() + " chars each)", "docs", docCount,
          (long) docCount * classifier.maxChars(), in.runs(), () -> {
            for (String t : capped) {
              model.score(t);
            }
          }).withNote("the classifier's cost for pages with a full 6000 chars of text, as most real pages have"));
    }

    NearDupSketcher sketcher = new NearDupSketcher(DedupConfig.defaults().minHash());
    rows.add(measure("MinHash sketch (" + DedupConfig.defaults().minHash().permutations() + " permutations)", "docs", docCount, textBytes, in.runs(), () -> {
      for (TextDocument d : docs) {
        sketcher.sketch(d.text());
      }
    }));

    DecontamConfig decontam = DecontamConfig.from(Settings.empty());
    BenchmarkIndex index = BenchmarkIndex.build(BenchmarkLoader.load(in.benchmarks(), List.of(), null), decontam);
    BenchmarkIndex.Scanner scanner = index.scanner();
    rows.add(measure("decontamination lookup (" + index.ngramCount() + " n-grams)", "docs", docCount, textBytes, in.runs(), () -> {
      for (TextDocument d : docs) {
        scanner.find(d.text());
      }
    }));
    return new Result(rows, docs, n, htmlBytes);
  }

  /** A page's body as characters, as {@link PageExtractor} hands it to the parser. */
  private static java.io.Reader reader(HtmlPage p) {
    return HtmlDecoder.detect(p.body(), p.contentType()).reader(p.body());
  }

  /**
   * Splits one WARC file into two at the record nearest its middle byte: two valid files, since a
   * record starts a gzip member in a Common Crawl file (and a record in a plain one). For the
   * end-to-end measurement, which needs two inputs to subtract job start-up.
   */
  public static List<Path> splitAtMiddleRecord(Path file, Path dir) throws IOException {
    long size = Files.size(file);
    long best = -1;
    try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(file, file.getFileName().toString()), WarcConfig.defaults())) {
      for (WarcItem item; (item = r.next()) != null; ) {
        if (item.isPage() && item.page().warcOffset() > 0
            && (best < 0 || Math.abs(item.page().warcOffset() - size / 2) < Math.abs(best - size / 2))) {
          best = item.page().warcOffset();
        }
      }
    }
    if (best <= 0) {
      throw new IllegalArgumentException(file + ": fewer than two pages; the end-to-end measurement needs more");
    }
    String name = file.getFileName().toString();
    String ext = name.endsWith(".warc.gz") ? ".warc.gz" : name.endsWith(".gz") ? ".gz" : ".warc";
    List<Path> out = List.of(dir.resolve("part-0" + ext), dir.resolve("part-1" + ext));
    try (var in = java.nio.channels.FileChannel.open(file)) {
      copy(in, 0, best, out.get(0));
      copy(in, best, size - best, out.get(1));
    }
    return out;
  }

  private static void copy(java.nio.channels.FileChannel in, long from, long bytes, Path to) throws IOException {
    try (var out = java.nio.channels.FileChannel.open(to, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      in.transferTo(from, bytes, out);
    }
  }

  /** Reads every response page of {@code files}. */
  static void readPages(List<Path> files, Consumer<HtmlPage> sink) throws IOException {
    for (Path f : files) {
      try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(f, f.getFileName().toString()), WarcConfig.defaults())) {
        for (WarcItem item; (item = r.next()) != null; ) {
          if (item.isPage()) {
            sink.accept(item.page());
          }
        }
      }
    }
  }

  /** A stage body that may throw. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  /** One warm-up, then {@code runs} measured runs of {@code body} over {@code items} items. */
  public static Measurement measure(String stage, String unit, long items, long bytes, int runs, Body body) throws Exception {
    body.run();
    double[] rates = new double[runs];
    for (int i = 0; i < runs; i++) {
      double t0 = CpuClock.now();
      body.run();
      double t = Math.max(1e-6, CpuClock.now() - t0);
      rates[i] = items / t;
    }
    return new Measurement(stage, unit, items, bytes, rates, "");
  }

  private static String prefilterNote(List<HtmlPage> pages, java.util.Set<String> mathUrls) {
    if (mathUrls.isEmpty()) {
      return "recall unknown (no manifest)";
    }
    int math = 0;
    int mathPassed = 0;
    int other = 0;
    int otherPassed = 0;
    for (HtmlPage p : pages) {
      boolean pass = MathPrefilter.shared().test(p.body());
      if (mathUrls.contains(p.url())) {
        math++;
        mathPassed += pass ? 1 : 0;
      } else {
        other++;
        otherPassed += pass ? 1 : 0;
      }
    }
    return String.format(Locale.ROOT, "recall %.2f%% on %d math pages; passes %.1f%% of %d others", 100.0 * mathPassed / Math.max(1, math), math,
        100.0 * otherPassed / Math.max(1, other), other);
  }

  /** fastText's own CLI on the same normalised lines, as a ratio, when Debian's fasttext is installed. */
  private static String cliComparison(Inputs in, List<TextDocument> docs, ClassifierConfig c, double jniRate) {
    Path cli = which("fasttext");
    if (cli == null) {
      return "fasttext CLI not installed: no comparison";
    }
    try {
      MathTextNormalizer normalizer = new MathTextNormalizer(c.maxChars());
      Path lines = in.work().resolve("fasttext-input.txt");
      try (BufferedWriter w = Files.newBufferedWriter(lines, StandardCharsets.UTF_8)) {
        for (TextDocument d : docs) {
          w.write(normalizer.normalize(d.text()));
          w.write('\n');
        }
      }
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cli.toString(), "predict-prob", in.model().toString(), lines.toString(), "1")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
          return "fasttext CLI failed";
        }
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
      }
      double cliRate = docs.size() / best;
      return String.format(Locale.ROOT, "CLI (wall, incl. model load) %.0f docs/s: JNI/CLI = %.2f", cliRate, jniRate / cliRate);
    } catch (IOException | InterruptedException e) {
      return "fasttext CLI comparison failed: " + e.getMessage();
    }
  }

  static Path which(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Trains a DeepSeekMath-shaped model (dim 256, wordNgrams 3) on a seed and negatives, for scoring; {@code bucket} buckets. */
  public static Path trainModel(Path seed, Path negatives, Path work, int bucket) throws IOException {
    return trainModel(seed, negatives, work, ClassifierConfig.from(Settings.empty().with("classify.bucket", String.valueOf(bucket), "bench")));
  }

  /** As above, with the given classifier settings. */
  public static Path trainModel(Path seed, Path negatives, Path work, ClassifierConfig c) throws IOException {
    MathTextNormalizer normalizer = new MathTextNormalizer(c.maxChars());
    Path train = work.resolve("train.txt");
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(train, StandardCharsets.UTF_8)) {
      for (Map.Entry<Path, String> e : Map.of(seed, MathLabels.MATH, negatives, MathLabels.OTHER).entrySet()) {
        for (String line : Files.readAllLines(e.getKey())) {
          if (!line.isBlank()) {
            JsonNode doc = json.readTree(line);
            w.write(e.getValue() + " " + normalizer.normalize(doc.get("text").asText()) + "\n");
          }
        }
      }
    }
    return FastTextTrainer.train(train, work.resolve("model"), c).file();
  }

  /** Math URLs from a bench or sample manifest. */
  public static java.util.Set<String> mathUrls(Path manifest) throws IOException {
    java.util.Set<String> urls = new java.util.HashSet<>();
    if (manifest == null || !Files.isRegularFile(manifest)) {
      return urls;
    }
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(manifest)) {
      JsonNode m = json.readTree(line);
      if (m.path("is_math").asBoolean()) {
        urls.add(m.get("url").asText());
      }
    }
    return urls;
  }

}
