package io.mathsieve.jobs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mathsieve.jobs.run.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local inputs: every WARC file once, however many inputs name it; an input naming none is an error. */
class InputResolverTest {
  @TempDir Path dir;

  @Test
  void aFileNamedByTwoInputsIsReadOnce() throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Path a = Files.write(crawl.resolve("a.warc.gz"), new byte[] {0x1f, (byte) 0x8b});
    Path b = Files.write(crawl.resolve("b.warc.gz"), new byte[] {0x1f, (byte) 0x8b});
    List<String> expected = List.of(a.toAbsolutePath().toString(), b.toAbsolutePath().toString());
    assertThat(locations(crawl.toString(), crawl.toString())).as("the same directory twice").isEqualTo(expected);
    assertThat(locations(crawl.toString(), a.toString())).as("a directory and a file in it").isEqualTo(expected);
    assertThat(locations(crawl.resolve("../crawl/a.warc.gz").toString(), a.toString(), crawl + "/*.warc.gz"))
        .as("one file under three spellings").isEqualTo(expected);
  }

  @Test
  void anInputWithoutWarcFilesIsNamed() throws Exception {
    Path crawl = Files.createDirectories(dir.resolve("crawl"));
    Files.write(crawl.resolve("a.warc.gz"), new byte[] {0x1f, (byte) 0x8b});
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> locations(crawl.toString(), empty.toString())).isInstanceOf(UserError.class)
        .hasMessage("input " + empty + " holds no WARC or ARC files (*.warc, *.warc.gz, *.arc, *.arc.gz)");
  }

  private static List<String> locations(String... inputs) {
    return InputResolver.resolve(List.of(inputs)).stream().map(WarcSplit::location).toList();
  }
}
