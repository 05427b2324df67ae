package io.mathsieve.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.mathsieve.jobs.run.UserError;
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

/** Resolving export.tokenizer: a path, the bundled one, and a Hugging Face id from a loopback hub that fails once. */
class TokenizerSpecTest {
  @TempDir Path dir;
  HttpServer hub;
  String endpoint;
  final List<String> requests = new ArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger(1);
  byte[] tokenizer;

  @BeforeEach
  void hub() throws Exception {
    tokenizer = TokenizerSpec.resolve(TokenizerSpec.BUNDLED, "", null).read();
    hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hub.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(path);
      if (path.equals("/deepseek-ai/DeepSeek-V3/resolve/main/tokenizer.json") && failuresLeft.getAndDecrement() > 0) {
        exchange.sendResponseHeaders(503, -1);
      } else if (path.equals("/deepseek-ai/DeepSeek-V3/resolve/main/tokenizer.json")) {
        exchange.sendResponseHeaders(200, tokenizer.length);
        exchange.getResponseBody().write(tokenizer);
      } else {
        exchange.sendResponseHeaders(404, -1);
      }
      exchange.close();
    });
    hub.start();
    endpoint = "http://127.0.0.1:" + hub.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    hub.stop(0);
  }

  @Test
  void aHubModelIsDownloadedOnceWithRetriesAndCounts() throws Exception {
    TokenizerSpec spec = TokenizerSpec.resolve("hf:deepseek-ai/DeepSeek-V3", endpoint, dir);
    assertThat(requests).hasSize(2); // a 503, then the file
    assertThat(spec.name()).isEqualTo("hf:deepseek-ai/DeepSeek-V3");
    assertThat(Files.readAllBytes(Path.of(spec.location()))).isEqualTo(tokenizer);
    try (CorpusTokenizer t = spec.load()) {
      assertThat(t.count("Hello world")).isEqualTo(2);
      assertThat(t.version()).isEqualTo("621ac2e32d0dba65");
    }
    TokenizerSpec again = TokenizerSpec.resolve("hf:deepseek-ai/DeepSeek-V3", endpoint, dir);
    assertThat(again).isEqualTo(spec);
    assertThat(requests).as("served from the cache").hasSize(2);
  }

  @Test
  void aMissingModelOrABadIdIsOneClearLine() {
    assertThatThrownBy(() -> TokenizerSpec.resolve("hf:nobody/nothing", endpoint, dir)).isInstanceOf(UserError.class)
        .hasMessage("export.tokenizer: " + endpoint + "/nobody/nothing/resolve/main/tokenizer.json answered 404 for hf:nobody/nothing "
            + "(no such model or no tokenizer.json in it)");
    assertThatThrownBy(() -> TokenizerSpec.resolve("hf:../../etc", endpoint, dir)).isInstanceOf(UserError.class)
        .hasMessageContaining("is not a Hugging Face model id");
  }

  @Test
  void aLocalFileIsUsedAsIs() throws Exception {
    Path file = Files.write(dir.resolve("my-tokenizer.json"), tokenizer);
    TokenizerSpec spec = TokenizerSpec.resolve(file.toString(), endpoint, dir);
    assertThat(spec.name()).isEqualTo("my-tokenizer.json");
    try (CorpusTokenizer t = spec.load()) {
      assertThat(t.count("求函数的导数。")).isEqualTo(4);
    }
    assertThat(requests).isEmpty();
  }
}
