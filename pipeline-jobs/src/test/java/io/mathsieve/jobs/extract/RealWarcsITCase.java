package io.mathsieve.jobs.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.PageExtractor;
import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcInput;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.schemas.FilterResult;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The odd WARC and ARC files of public web-archive test suites, from {@code ../shared/realdata/warc-odd}
 * when that folder is beside the project (skipped otherwise): every file is read or reported, and
 * every record is a page or a named rejection.
 */
class RealWarcsITCase {
  static final Path ODD = Path.of("..", "..", "shared", "realdata", "warc-odd");

  @TempDir Path dir;

  @Test
  void everyRecordAccountedFor() throws Exception {
    assumeTrue(Files.isDirectory(ODD), "no ../shared/realdata/warc-odd here");
    ExtractSummary s = ExtractJob.run(InputResolver.resolve(List.of(ODD.toString())), dir.resolve("x"), MathsieveConfig.defaults(), Jobs.local(2), false);
    assertThat(s.accounting().balanced()).as(s.accounting().toString()).isTrue();
    assertThat(s.pages()).isPositive();
  }

  // warcio's example.arc and example.warc hold the same capture: the same page, the same text.
  @Test
  void arcGivesTheSamePageAsWarc() throws Exception {
    assumeTrue(Files.isDirectory(ODD), "no ../shared/realdata/warc-odd here");
    List<TextDocument> arc = pages(ODD.resolve("warcio__example.arc"));
    List<TextDocument> warc = pages(ODD.resolve("warcio__example.warc"));
    assertThat(arc).hasSize(1);
    assertThat(warc).hasSize(1);
    assertThat(arc.get(0).url()).isEqualTo(warc.get(0).url());
    assertThat(arc.get(0).text()).isEqualTo(warc.get(0).text()).isNotBlank();
  }

  private static List<TextDocument> pages(Path file) throws Exception {
    PageExtractor extractor = new PageExtractor(ExtractConfig.defaults());
    List<TextDocument> out = new ArrayList<>();
    try (WarcRecordReader r = new WarcRecordReader(WarcInput.local(file), WarcConfig.defaults())) {
      for (WarcItem i; (i = r.next()) != null; ) {
        if (i.isPage() && extractor.extract(i.page()) instanceof FilterResult.Keep<TextDocument> k) {
          out.add(k.value());
        }
      }
    }
    return out;
  }
}
