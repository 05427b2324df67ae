package io.mathsieve.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run files through Flink's file systems, on the local one here (S3 in {@code S3OutputITCase}). */
class FlinkFilesTest {
  @TempDir Path dir;

  @Test
  void aLocationIsAUriWithASchemeOrALocalPath() {
    assertThat(FlinkFiles.location("s3://corpora/runs/one").toUri().toString()).isEqualTo("s3://corpora/runs/one");
    assertThat(FlinkFiles.location("file:/tmp/x").toUri().getScheme()).isEqualTo("file");
    org.apache.flink.core.fs.Path relative = FlinkFiles.location("out/demo");
    assertThat(relative.toUri().getScheme()).isEqualTo("file");
    assertThat(FlinkFiles.local(relative)).isEqualTo(Path.of("out/demo").toAbsolutePath());
    assertThat(FlinkFiles.local(FlinkFiles.location("s3://corpora/runs/one"))).isNull();
    assertThat(FlinkFiles.shown(FlinkFiles.location("s3://corpora/runs/one"))).isEqualTo("s3://corpora/runs/one");
  }

  @Test
  void anAtomicWriteReplacesTheFileAndLeavesNoTemporary() throws Exception {
    org.apache.flink.core.fs.Path file = FlinkFiles.of(dir.resolve("a/run.json"));
    FlinkFiles.writeAtomically(file, "one".getBytes(StandardCharsets.UTF_8));
    FlinkFiles.writeAtomically(file, "two".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(FlinkFiles.read(file), StandardCharsets.UTF_8)).isEqualTo("two");
    try (var entries = Files.list(dir.resolve("a"))) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("run.json");
    }
  }

  @Test
  void deletingADirectoryRemovesLinksInItButNotWhatTheyPointTo() throws Exception {
    Path target = Files.createDirectories(dir.resolve("crawl"));
    Files.writeString(target.resolve("a.warc.gz"), "x");
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.createSymbolicLink(input.resolve("crawl"), target);
    Files.createSymbolicLink(input.resolve("a.warc.gz"), target.resolve("a.warc.gz"));
    FlinkFiles.delete(FlinkFiles.of(input));
    assertThat(input).doesNotExist();
    assertThat(target.resolve("a.warc.gz")).hasContent("x");
  }

  @Test
  void aMoveCreatesTheParentAndAnAbsentPathIsNoError() throws Exception {
    org.apache.flink.core.fs.Path from = FlinkFiles.of(Files.createDirectories(dir.resolve("stages/extract/rejections")));
    Files.writeString(dir.resolve("stages/extract/rejections/part-0.parquet"), "p");
    org.apache.flink.core.fs.Path to = FlinkFiles.of(dir.resolve("rejections/extract"));
    FlinkFiles.move(from, to);
    assertThat(dir.resolve("rejections/extract/part-0.parquet")).hasContent("p");
    assertThat(FlinkFiles.isDirectory(from)).isFalse();
    FlinkFiles.delete(FlinkFiles.of(dir.resolve("never-was")));
    assertThat(FlinkFiles.list(FlinkFiles.of(dir.resolve("never-was")))).isEmpty();
  }
}
