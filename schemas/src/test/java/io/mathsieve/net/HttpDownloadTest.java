package io.mathsieve.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against a loopback server: server errors are retried, refusals are not, and no half file is ever left in place. */
class HttpDownloadTest {
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  volatile int failFirst;
  volatile int failStatus;
  volatile String seenHeader;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/f", exchange -> {
      int n = requests.incrementAndGet();
      seenHeader = exchange.getRequestHeaders().getFirst("X-Test");
      byte[] body = "the file".getBytes(StandardCharsets.UTF_8);
      int status = n <= failFirst ? failStatus : 200;
      exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
      if (status == 200) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/f");
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    failFirst = 2;
    failStatus = 503;
    Path target = dir.resolve("f.txt");
    HttpDownload.toFile(uri(), target, Map.of("X-Test", "yes"), 3);
    assertThat(target).hasContent("the file");
    assertThat(requests).hasValue(3);
    assertThat(seenHeader).isEqualTo("yes");
    assertThat(dir.resolve("f.txt.part")).doesNotExist();
  }

  @Test
  void aRefusalIsNotRetried() {
    failFirst = 100;
    failStatus = 404;
    Path target = dir.resolve("f.txt");
    assertThatThrownBy(() -> HttpDownload.toFile(uri(), target, Map.of(), 3)).isInstanceOf(HttpDownload.Refused.class).hasMessageEndingWith("HTTP 404");
    assertThat(requests).hasValue(1);
    assertThat(target).doesNotExist();
    assertThat(dir.resolve("f.txt.part")).doesNotExist();
  }

  @Test
  void givesUpAfterTheAttempts() throws Exception {
    failFirst = 100;
    failStatus = 500;
    Path target = Files.writeString(dir.resolve("f.txt"), "an older copy");
    assertThatThrownBy(() -> HttpDownload.toFile(uri(), target, Map.of(), 2)).hasMessageContaining("HTTP 500 (after 2 attempts)");
    assertThat(requests).hasValue(2);
    assertThat(target).as("the file in place is left as it was").hasContent("an older copy");
  }

  @Test
  void backoffDoublesUpToItsCap() {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8));
    assertThat(new long[] {b.millis(1), b.millis(2), b.millis(3), b.millis(5), b.millis(6), b.millis(60)}).containsExactly(500, 1000, 2000, 8000, 8000,
        8000);
  }
}
