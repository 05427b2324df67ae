package io.mathsieve.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.schemas.CorpusRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external sort gives every row once, in doc id order, whether it spilled or not, and leaves nothing on disk. */
class SortedRunsTest {
  @TempDir Path tmp;

  static List<CorpusRow> rows(int n) {
    SplittableRandom random = new SplittableRandom(3);
    List<CorpusRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("%016x%016x", random.nextLong(), i);
      String text = "word ".repeat(1 + random.nextInt(400)) + i;
      rows.add(new CorpusRow(id, "https://example.org/" + i, "example.org", "t" + i, text, "en", 0.9, 1, 0, "", Instant.ofEpochSecond(i),
          "crawl.warc.gz", i, "<urn:uuid:" + i + ">", 1, 1, "x", "abc", ""));
    }
    return rows;
  }

  private List<CorpusRow> sort(List<CorpusRow> in, long memory, int[] spills) throws Exception {
    List<CorpusRow> out = new ArrayList<>();
    try (SortedRuns s = new SortedRuns(memory, tmp)) {
      for (CorpusRow r : in) {
        s.add(r);
      }
      for (Iterator<CorpusRow> it = s.sorted(); it.hasNext(); ) {
        out.add(it.next());
      }
      spills[0] = s.spills();
    }
    return out;
  }

  @Test
  void spilledAndInMemorySortsGiveTheSameRowsInDocIdOrder() throws Exception {
    List<CorpusRow> in = rows(700);
    List<CorpusRow> expected = new ArrayList<>(in);
    expected.sort(Comparator.comparing(CorpusRow::docId));
    int[] spills = new int[1];

    assertThat(sort(in, 1L << 30, spills)).isEqualTo(expected);
    assertThat(spills[0]).isZero();

    assertThat(sort(in, 32 << 10, spills)).isEqualTo(expected); // rows are 1-4 KB: dozens of runs
    assertThat(spills[0]).isGreaterThan(20);
    try (var left = Files.list(tmp)) {
      assertThat(left.toList()).as("runs deleted on close").isEmpty();
    }
  }
}
