package io.mathsieve.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.store.Stores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * WARC files over HTTP from a loopback server that fails: every file answers 503 first, then drops
 * the connection halfway through, then serves range requests. The pages read must be exactly those
 * of the same files read locally; a missing file is one warc/unreadable_file row. The files are
 * named by a warc.paths.gz list, as Common Crawl publishes them.
 */
class HttpInputsITCase {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  static final Path SAMPLES = Path.of("..", "samples", "warc").toAbsolutePath();

  @TempDir Path dir;
  HttpServer server;
  String base;
  final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void serve() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath().substring(1);
    String range = x.getRequestHeaders().getFirst("Range");
    log.add(path + " " + range);
    try (x) {
      if (path.equals("lists/warc.paths.gz")) {
        byte[] list = pathsList();
        x.sendResponseHeaders(200, list.length);
        x.getResponseBody().write(list);
        return;
      }
      Path file = SAMPLES.resolve(path.replace("crawl-data/SAMPLE/", ""));
      if (!path.startsWith("crawl-data/SAMPLE/") || !Files.isRegularFile(file)) {
        x.sendResponseHeaders(404, -1);
        return;
      }
      int n = requests.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      if (n == 1) {
        x.sendResponseHeaders(503, -1);
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      long from = range == null ? 0 : Long.parseLong(range.replace("bytes=", "").replace("-", ""));
      int length = (int) (bytes.length - from);
      if (from > 0) {
        x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
      }
      x.sendResponseHeaders(from > 0 ? 206 : 200, length);
      OutputStream out = x.getResponseBody();
      if (n == 2) {
        out.write(bytes, (int) from, length / 2); // then the connection drops
        out.flush();
        throw new IOException("dropping the connection");
      }
      out.write(bytes, (int) from, length);
    }
  }

  private byte[] pathsList() throws IOException {
    StringBuilder lines = new StringBuilder("# sample files\n");
    try (var files = Files.list(SAMPLES)) {
      files.map(p -> p.getFileName().toString()).sorted().forEach(n -> lines.append("crawl-data/SAMPLE/").append(n).append('\n'));
    }
    lines.append("crawl-data/SAMPLE/MISSING-00099.warc.gz\n");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(b)) {
      z.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void remoteFilesThatFailAndDropReadLikeLocalOnes() throws Exception {
    Settings s = Settings.empty().with("warc.paths-prefix", base, "test").with("warc.http.retries", "4", "test");
    MathsieveConfig config = MathsieveConfig.from(s);
    List<WarcSplit> remote = InputResolver.resolve(List.of(base + "lists/warc.paths.gz"), config.warc());
    assertThat(remote).hasSize(7);
    assertThat(remote.get(0).name()).startsWith("crawl-data/SAMPLE/CC-SAMPLE-");
    ExtractSummary http = ExtractJob.run(remote, dir.resolve("http"), config, Jobs.local(2), false);
    ExtractSummary local = ExtractJob.run(InputResolver.resolve(List.of(SAMPLES.toString())), dir.resolve("local"), config, Jobs.local(2), false);

    assertThat(http.pages()).isEqualTo(local.pages()).isPositive();
    assertThat(texts(dir.resolve("http"))).isEqualTo(texts(dir.resolve("local")));
    List<Rejection> unreadable = StoreReader.readAll(Stores.REJECTIONS, FlinkFiles.of(dir.resolve("http/rejections"))).stream()
        .filter(r -> r.key().equals("warc/unreadable_file")).toList();
    assertThat(unreadable).singleElement().satisfies(r -> {
      assertThat(r.warcFile()).isEqualTo("crawl-data/SAMPLE/MISSING-00099.warc.gz");
      assertThat(r.detail()).contains("404");
    });
    assertThat(http.accounting().balanced()).isTrue();
    // Every file was refused once (503), dropped once, and then resumed with a range request.
    for (Map.Entry<String, AtomicInteger> e : requests.entrySet()) {
      assertThat(e.getValue().get()).as(e.getKey()).isGreaterThanOrEqualTo(3);
    }
    assertThat(log).anySatisfy(l -> assertThat(l).contains("bytes="));
  }

  @Test
  void aServerThatNeverRecoversGivesUpWithOneRowPerFile() throws Exception {
    server.removeContext("/");
    server.createContext("/", x -> {
      try (x) {
        x.sendResponseHeaders(503, -1);
      }
    });
    MathsieveConfig config = MathsieveConfig.from(Settings.empty().with("warc.http.retries", "1", "test"));
    ExtractSummary r = ExtractJob.run(List.of(WarcSplit.of(base + "a.warc.gz", "a.warc.gz"), WarcSplit.of(base + "b.warc.gz", "b.warc.gz")),
        dir.resolve("down"), config, Jobs.local(2), false);
    assertThat(r.rejections()).containsEntry("warc/unreadable_file", 2L);
    assertThat(r.pages()).isZero();
  }

  static Map<String, String> texts(Path run) throws IOException {
    return StoreReader.readAll(Stores.PAGES, FlinkFiles.of(run.resolve("pages"))).stream()
        .collect(Collectors.toMap(d -> d.url() + " " + d.warcOffset(), TextDocument::text, (a, b) -> a, TreeMap::new));
  }

}
