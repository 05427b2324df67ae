package io.mathsieve.decontam.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching against a loopback server that mirrors the canonical layout and fails now and then. */
class BenchmarkFetcherTest {
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger gsmRequests = new AtomicInteger();
  String mirror;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      int status;
      if (path.endsWith("grade_school_math/data/test.jsonl") && gsmRequests.incrementAndGet() == 1) {
        status = 503; // the first attempt fails: the fetcher must retry
        body = "busy".getBytes();
      } else if (path.endsWith("grade_school_math/data/test.jsonl")) {
        status = 200;
        body = "{\"question\": \"Q\", \"answer\": \"A #### 1\"}\n".getBytes();
      } else if (path.endsWith("SVAMP.json")) {
        status = 200;
        body = "[{\"Body\": \"B\", \"Question\": \"Q\"}]".getBytes();
      } else if (path.endsWith("math_splits/test.jsonl")) {
        // a dropped connection: headers promise more than is sent
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write("{\"problem\"".getBytes());
        exchange.close();
        return;
      } else {
        status = 404;
        body = "no".getBytes();
      }
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(body);
      }
    });
    server.start();
    mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  // Files land in the loader's layout, after a retried 503; they load as benchmarks.
  @Test
  void fetchesIntoTheLoaderLayout() throws Exception {
    List<String> log = new ArrayList<>();
    List<Path> files = new BenchmarkFetcher(mirror, 3).fetch(dir, BenchmarkFetcher.select(List.of("gsm8k", "svamp")), log::add);
    assertThat(files).containsExactly(dir.resolve("gsm8k/test.jsonl"), dir.resolve("svamp/SVAMP.json"));
    assertThat(gsmRequests).hasValue(2);
    assertThat(BenchmarkLoader.load(List.of(dir), List.of(), null)).extracting(BenchmarkItem::benchmark).containsExactly("gsm8k", "svamp");
    // A second run finds them present and fetches nothing.
    new BenchmarkFetcher(mirror, 3).fetch(dir, BenchmarkFetcher.select(List.of("gsm8k")), log::add);
    assertThat(gsmRequests).hasValue(2);
    assertThat(log.get(log.size() - 1)).startsWith("present");
  }

  // A 404 fails at once with its URL; a connection that keeps dropping fails after its retries; no partial file is left.
  @Test
  void failuresNameTheUrl() {
    assertThatThrownBy(() -> new BenchmarkFetcher(mirror, 3).fetch(dir, BenchmarkFetcher.select(List.of("cmath")), s -> {}))
        .hasMessageContaining("huggingface.co/datasets/weitianwen/cmath/resolve/main/cmath_test.jsonl: HTTP 404");
    assertThatThrownBy(() -> new BenchmarkFetcher(mirror, 2).fetch(dir, BenchmarkFetcher.select(List.of("math500")), s -> {}))
        .hasMessageContaining("prm800k/math_splits/test.jsonl");
    assertThat(Files.exists(dir.resolve("math500/test.jsonl"))).isFalse();
    assertThat(Files.exists(dir.resolve("math500/test.jsonl.part"))).isFalse();
    assertThatThrownBy(() -> BenchmarkFetcher.select(List.of("nope"))).hasMessageStartingWith("unknown benchmark 'nope'; known: [gsm8k");
  }
}
