package io.mathsieve.samples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mathsieve.samples.PageFactory.Layout;
import io.mathsieve.samples.PageFactory.Page;
import io.mathsieve.samples.TextForge.Topic;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Generates realistic sample WARC files, deterministically from a seed: math pages in every markup
 * style real sites use (MathJax, KaTeX, MathML with and without alttext, LaTeX images, BBCode,
 * Wikipedia math, plain-text math), forum Q&amp;A, lecture notes, wiki articles, journals, in English
 * and Chinese, spread over many domains; non-math pages (news, shops, recipes, sports, docs, travel);
 * planted duplicates; and the broken records real crawls contain.
 *
 * <pre>{@code
 * SampleGenerator.Summary s = SampleGenerator.generate(Path.of("samples"), SampleGenerator.Options.defaults());
 * }</pre>
 *
 * <p>Writes {@code warc/*.warc.gz} (one gzip member per record, Common Crawl style), one uncompressed
 * {@code warc/*.warc}, and {@code manifest.jsonl}: one line per response record (or unreadable region)
 * with what extraction should make of it, the formulas it should keep, and what was planted.
 */
public final class SampleGenerator {
  /** The crawl-like name used for generated files. */
  public static final String FILE_PREFIX = "CC-SAMPLE-";

  /**
   * @param seed seed of every random choice
   * @param scale multiplies the number of pages per site (1 = the committed sample set)
   * @param files number of gzipped WARC files (plus one uncompressed file)
   * @param maxBodyBytes the body limit the huge page must exceed
   */
  public record Options(long seed, int scale, int files, long maxBodyBytes) {
    public static Options defaults() {
      return new Options(20240301L, 1, 5, 4L << 20);
    }

    public Options {
      if (scale < 1 || files < 1) {
        throw new IllegalArgumentException("scale and files must be >= 1");
      }
    }
  }

  /** What was generated. */
  public record Summary(List<Path> warcFiles, int responseRecords, int mathPages, int expectedPages, Path manifest) {}

  private static final Instant BASE_TIME = Instant.parse("2024-03-01T00:00:00Z");

  private final Options options;
  private final Rng rng;
  private final List<Capture> captures = new ArrayList<>();

  private SampleGenerator(Options options) {
    this.options = options;
    this.rng = new Rng(options.seed());
  }

  public static Summary generate(Path outDir, Options options) {
    return new SampleGenerator(options).run(outDir);
  }

  // ------------------------------------------------------------------------------ sites

  private record Section(String pathPattern, Layout layout, List<Topic> topics, List<MathMarkup> markups, int pages) {}

  private record Site(String host, String name, boolean semantic, String lang, List<Section> sections) {}

  private List<Site> sites() {
    List<Topic> mathTopics = List.of(Topic.ALGEBRA, Topic.CALCULUS, Topic.NUMBER_THEORY, Topic.GEOMETRY, Topic.PROBABILITY, Topic.LINEAR_ALGEBRA);
    List<Site> sites = new ArrayList<>();
    sites.add(new Site("mathoverflow.example.net", "MathOverflow Sample", true, "en", List.of(
        new Section("/questions/{id}/{slug}", Layout.FORUM, mathTopics, List.of(MathMarkup.DELIMITED), 40),
        new Section("/users/{id}/{slug}", Layout.BLOG, List.of(Topic.TRAVEL), List.of(), 6))));
    sites.add(new Site("www.calculus-notes.example.edu", "Calculus Notes", false, "en", List.of(
        new Section("/notes/lecture-{id}.html", Layout.LECTURE_NOTES, mathTopics, List.of(MathMarkup.TEX_SCRIPT), 24))));
    sites.add(new Site("katex-blog.example.io", "The KaTeX Blog", true, "en", List.of(
        new Section("/posts/2024/{slug}", Layout.BLOG, mathTopics, List.of(MathMarkup.KATEX, MathMarkup.DELIMITED), 22))));
    sites.add(new Site("wiki.example.org", "Examplepedia", true, "en", List.of(
        new Section("/wiki/{Slug}", Layout.WIKI, mathTopics, List.of(MathMarkup.WIKI), 22),
        new Section("/wiki/{Slug}", Layout.WIKI, List.of(Topic.TRAVEL, Topic.NEWS, Topic.SPORTS), List.of(), 14))));
    sites.add(new Site("www.mathml-journal.example.com", "Journal of Sample Mathematics", true, "en", List.of(
        new Section("/articles/{id}", Layout.JOURNAL, mathTopics,
            List.of(MathMarkup.MATHML_ALTTEXT, MathMarkup.MATHML_ANNOTATION, MathMarkup.MATHML_PLAIN, MathMarkup.MATHML_PLAIN), 24))));
    sites.add(new Site("wpmath.example.blog", "WP Math Musings", false, "en", List.of(
        new Section("/2024/03/{slug}/", Layout.BLOG, mathTopics, List.of(MathMarkup.LATEX_IMAGE, MathMarkup.WP_KATEX), 20),
        new Section("/2024/03/{slug}/", Layout.BLOG, List.of(Topic.RECIPE, Topic.TRAVEL), List.of(), 8))));
    sites.add(new Site("forum.phpbb-math.example.net", "Math Help Board", false, "en", List.of(
        new Section("/viewtopic.php?t={id}", Layout.FORUM, mathTopics, List.of(MathMarkup.BBCODE, MathMarkup.LATEX_IMAGE), 20))));
    // Word problems in plain text: a math domain a LaTeX-trained classifier partly misses; the
    // iterative recall finds it through domain statistics and the /questions/ URL pattern.
    sites.add(new Site("www.homework-answers.example.com", "Homework Answers", true, "en", List.of(
        new Section("/questions/{id}/{slug}", Layout.HOMEWORK, List.of(Topic.ALGEBRA), List.of(MathMarkup.PLAIN), 50),
        new Section("/blog/{slug}", Layout.BLOG, List.of(Topic.STUDY_TIPS), List.of(), 10))));
    sites.add(new Site("shuxue.example.cn", "数学题库", true, "zh", List.of(
        new Section("/timu/{id}.html", Layout.FORUM, mathTopics, List.of(MathMarkup.DELIMITED), 24))));
    sites.add(new Site("news.example.cn", "示例新闻网", true, "zh", List.of(
        new Section("/shehui/{id}.html", Layout.NEWS, List.of(Topic.NEWS), List.of(), 16))));
    sites.add(new Site("www.dailynews.example.com", "The Daily Sample", true, "en", List.of(
        new Section("/2024/03/{slug}", Layout.NEWS, List.of(Topic.NEWS), List.of(), 50))));
    sites.add(new Site("shop.example.com", "Example Shop", false, "en", List.of(
        new Section("/product/{id}", Layout.SHOP, List.of(Topic.SHOP), List.of(), 40))));
    sites.add(new Site("recipes.example.net", "Sample Kitchen", true, "en", List.of(
        new Section("/recipe/{slug}", Layout.RECIPE, List.of(Topic.RECIPE), List.of(), 30))));
    sites.add(new Site("sportsdesk.example.org", "Sports Desk", false, "en", List.of(
        new Section("/basketball/{slug}", Layout.SPORTS, List.of(Topic.SPORTS), List.of(), 30))));
    sites.add(new Site("docs.example.dev", "Example Docs", true, "en", List.of(
        new Section("/guide/{slug}", Layout.DOCS, List.of(Topic.DOCS), List.of(), 30))));
    sites.add(new Site("travel.example.travel", "Sample Travels", true, "en", List.of(
        new Section("/trips/{slug}", Layout.TRAVEL, List.of(Topic.TRAVEL), List.of(), 24))));
    // The long tail: many small sites with one to three pages each.
    Rng tail = rng.fork("tail");
    for (int i = 1; i <= 30; i++) {
      Topic topic = tail.pick(Topic.NEWS, Topic.TRAVEL, Topic.RECIPE, Topic.SPORTS, Topic.SHOP, Topic.DOCS, Topic.CALCULUS, Topic.ALGEBRA);
      List<MathMarkup> markups = topic.isMath() ? List.of(tail.pick(MathMarkup.values())) : List.of();
      Layout layout = topic.isMath() ? Layout.BLOG : tail.pick(Layout.NEWS, Layout.BLOG);
      sites.add(new Site("blog" + i + ".example-" + tail.pick("net", "org", "com", "info") , "Blog " + i, tail.chance(0.5), "en",
          List.of(new Section("/" + tail.pick("p", "post", "entry") + "/{slug}", layout, List.of(topic), markups, tail.between(1, 3)))));
    }
    return sites;
  }

  // ------------------------------------------------------------------------------ generation

  private Summary run(Path outDir) {
    try {
      Files.createDirectories(outDir.resolve("warc"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Rng pages = rng.fork("pages");
    List<Capture> originals = new ArrayList<>();
    int siteIndex = 0;
    for (Site site : sites()) {
      siteIndex++;
      for (Section section : site.sections()) {
        int count = section.pages() * options.scale();
        for (int i = 0; i < count; i++) {
          originals.add(page(pages, site, section, siteIndex * 100_000 + originals.size()));
        }
      }
    }
    captures.addAll(originals);
    Plants.dedup(rng.fork("dedup"), originals, captures::add);
    Plants.broken(rng.fork("broken"), options.maxBodyBytes(), this, captures::add);
    Plants.benchmarks(rng.fork("benchmarks"), this, captures::add);
    FixtureBenchmarks.write(outDir.resolve("benchmarks"));
    Summary summary = write(outDir);
    SeedCorpus.write(outDir, rng.fork("seed"), captures.stream().map(Capture::manifest).toList());
    return summary;
  }

  private Capture page(Rng r, Site site, Section section, int serial) {
    Topic topic = r.pick(section.topics());
    String path = path(r, section.pathPattern(), serial);
    String url = "https://" + site.host() + path;
    Page page = PageFactory.build(r, site.name(), section.layout(), topic, section.markups(), site.semantic(), site.lang(), null);
    Map<String, Object> m = manifest(url, site.host(), section.layout().name(), topic.isMath(), site.lang(), page.expectedFormulas(), "page");
    m.put("markups", section.markups().stream().map(Enum::name).distinct().toList());
    return capture(r, url, page.html().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", 200, m);
  }

  Capture capture(Rng r, String url, byte[] body, String contentType, int status, Map<String, Object> manifest) {
    return capture(r, url, body, contentType == null ? Map.of() : ordered("Content-Type", contentType), status, manifest, Capture.BrokenKind.NONE);
  }

  Capture capture(Rng r, String url, byte[] body, Map<String, String> httpHeaders, int status, Map<String, Object> manifest, Capture.BrokenKind broken) {
    Instant date = BASE_TIME.plusSeconds(r.between(0, 20 * 86_400));
    return new Capture(url, date, r.uuid(), Http.response(status, httpHeaders, body), manifest, broken);
  }

  static Map<String, Object> manifest(
      String url, String domain, String layout, boolean math, String lang, List<String> formulas, String expect) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", url);
    m.put("domain", domain);
    m.put("layout", layout);
    m.put("is_math", math);
    m.put("lang", lang);
    m.put("expect", expect);
    m.put("formulas", formulas);
    return m;
  }

  private static String path(Rng r, String pattern, int serial) {
    String slug = String.join("-", r.pick("why", "how", "notes", "the", "a", "best", "simple"), r.pick("proof", "limit", "bridge", "market",
        "recipe", "season", "guide", "series", "cake", "trip"), r.pick("of", "for", "in", "and"), r.pick("primes", "sums", "town", "spring",
        "coffee", "cells", "trains", "matrices", "pies", "games"), String.valueOf(serial % 997));
    Function<String, String> cap = s -> Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return pattern.replace("{id}", String.valueOf(serial)).replace("{slug}", slug).replace("{Slug}", cap.apply(slug.replace('-', '_')));
  }

  // ------------------------------------------------------------------------------ output

  private Summary write(Path outDir) {
    Rng order = rng.fork("order");
    int gzFiles = options.files();
    List<List<Capture>> perFile = new ArrayList<>();
    for (int i = 0; i <= gzFiles; i++) {
      perFile.add(new ArrayList<>());
    }
    // The last file is uncompressed and small; gzip-only damage stays in the gzipped files.
    for (Capture c : captures) {
      boolean plainOk = c.broken() != Capture.BrokenKind.TRUNCATED_GZIP;
      int f = plainOk && order.chance(0.03) ? gzFiles : order.between(0, gzFiles - 1);
      perFile.get(f).add(c);
    }
    // Within a file, captures are in fetch order (a crawler writes as it fetches); ties by id.
    perFile.forEach(l -> l.sort((a, b) -> a.date().equals(b.date()) ? a.id().compareTo(b.id()) : a.date().compareTo(b.date())));

    List<Path> files = new ArrayList<>();
    int responses = 0;
    int math = 0;
    int expectedPages = 0;
    Path manifestPath = outDir.resolve("manifest.jsonl");
    ObjectMapper json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
    try (BufferedWriter manifest = Files.newBufferedWriter(manifestPath, StandardCharsets.UTF_8)) {
      for (int f = 0; f <= gzFiles; f++) {
        boolean gz = f < gzFiles;
        String name = FILE_PREFIX + String.format("%05d", f) + (gz ? ".warc.gz" : ".warc");
        Path file = outDir.resolve("warc").resolve(name);
        files.add(file);
        Rng meta = rng.fork("meta-" + f);
        Map<String, Object> fileEntry = new LinkedHashMap<>();
        long request = 0;
        long metadata = 0;
        try (WarcRecordWriter w = new WarcRecordWriter(file, gz)) {
          w.write("warcinfo", BASE_TIME, meta.uuid(), ordered("WARC-Filename", name, "Content-Type", "application/warc-fields"),
              ("software: mathsieve-samplegen\r\nformat: WARC File Format 1.1\r\nisPartOf: " + FILE_PREFIX + "2024-10\r\n")
                  .getBytes(StandardCharsets.UTF_8));
          for (Capture c : perFile.get(f)) {
            UUID requestId = meta.uuid();
            w.write("request", c.date(), requestId, targetHeaders(c.url(), "application/http; msgtype=request"), Http.request(c.url()));
            request++;
            long offset = writeResponse(w, c);
            w.write("metadata", c.date(), meta.uuid(), ordered("WARC-Target-URI", c.url(), "WARC-Concurrent-To", WarcRecordWriter.recordId(c.id()),
                "Content-Type", "application/warc-fields"), ("fetchTimeMs: " + meta.between(20, 900) + "\r\n").getBytes(StandardCharsets.UTF_8));
            metadata++;
            Map<String, Object> m = new LinkedHashMap<>(c.manifest());
            m.put("warc_file", name);
            m.put("offset", offset);
            m.put("record_id", WarcRecordWriter.recordId(c.id()));
            m.put("fetch_time", c.date().toString());
            manifest.write(json.writeValueAsString(m));
            manifest.write('\n');
            responses++;
            if (Boolean.TRUE.equals(m.get("is_math"))) {
              math++;
            }
            if ("page".equals(m.get("expect"))) {
              expectedPages++;
            }
          }
          // Revisit records: a capture whose payload was unchanged; skipped by extraction, but counted.
          for (int i = 0; i < 2; i++) {
            String url = "https://www.dailynews.example.com/2024/02/revisited-" + f + "-" + i;
            Map<String, String> h = targetHeaders(url, "application/http; msgtype=response");
            h.put("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
            h.put("WARC-Refers-To-Target-URI", url);
            h.put("WARC-Payload-Digest", "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
            w.write("revisit", BASE_TIME.plusSeconds(meta.between(0, 86_400)), meta.uuid(), h,
                "HTTP/1.1 304 Not Modified\r\nServer: nginx\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        fileEntry.put("file_summary", name);
        fileEntry.put("response", perFile.get(f).size());
        fileEntry.put("request", request);
        fileEntry.put("metadata", metadata);
        fileEntry.put("warcinfo", 1);
        fileEntry.put("revisit", 2);
        manifest.write(json.writeValueAsString(fileEntry));
        manifest.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Summary(files, responses, math, expectedPages, manifestPath);
  }

  private long writeResponse(WarcRecordWriter w, Capture c) {
    Map<String, String> headers = targetHeaders(c.url(), "application/http; msgtype=response");
    headers.put("WARC-IP-Address", "192.0.2." + (Math.abs(c.url().hashCode()) % 250 + 1));
    return switch (c.broken()) {
      case NONE -> w.write("response", c.date(), c.id(), headers, c.httpBlock());
      case TRUNCATED_GZIP -> {
        // The member is cut short, as when a download or an upload was interrupted mid-record.
        byte[] member = w.encode(WarcRecordWriter.recordBytes("response", c.date(), c.id(), headers, c.httpBlock()));
        yield w.writeRaw(java.util.Arrays.copyOf(member, member.length * 3 / 5));
      }
      case GARBLED_WARC_HEADER -> {
        String text = "WARC/1.1\r\nWARC-Type response\r\nWARC-Target-URI " + c.url() + "\r\nContent-Length: " + c.httpBlock().length + "\r\n\r\n";
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] record = new byte[head.length + c.httpBlock().length + 4];
        System.arraycopy(head, 0, record, 0, head.length);
        System.arraycopy(c.httpBlock(), 0, record, head.length, c.httpBlock().length);
        System.arraycopy("\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0, record, record.length - 4, 4);
        yield w.writeRaw(w.encode(record));
      }
    };
  }

  private static Map<String, String> targetHeaders(String url, String contentType) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("WARC-Target-URI", url);
    h.put("Content-Type", contentType);
    return h;
  }

  /** Headers in the order given (Map.of's order changes from one JVM run to the next). */
  static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Instant baseTime() {
    return BASE_TIME;
  }

  /** Command-line entry point: {@code java ... SampleGenerator OUT_DIR [scale]}. */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "samples");
    Options defaults = Options.defaults();
    Options options = args.length > 1 ? new Options(defaults.seed(), Integer.parseInt(args[1]), defaults.files(), defaults.maxBodyBytes()) : defaults;
    Summary s = generate(out, options);
    System.out.println("wrote " + s.warcFiles().size() + " WARC files, " + s.responseRecords() + " responses (" + s.mathPages() + " math) to " + out);
  }

}
