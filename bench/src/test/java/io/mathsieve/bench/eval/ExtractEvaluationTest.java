package io.mathsieve.bench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.mathsieve.extract.ExtractConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** The evaluation's figures on three hand-written pages whose outcome is known. */
class ExtractEvaluationTest {
  @TempDir Path dir;

  private static final String STORY = "<p>The council met on Monday, and after a long debate, with many speakers, it voted for the plan.</p>"
      + "<p>Work starts in spring, the mayor said, and the first part will be finished by the end of the year.</p>"
      + "<p>Residents, who had asked for the change for years, welcomed the vote and said they would watch the costs.</p>"
      + "<p>The opposition, however, called the plan too expensive, and it asked for a second vote after the summer break.</p>"
      + "<p>A public meeting on the details, open to everyone, is planned for next month in the town hall.</p>";

  @Test
  void figuresOfKnownPages() throws IOException {
    Path warc = dir.resolve("pages.warc.gz");
    try (WarcWriter w = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE), WarcCompression.GZIP)) {
      // a news page: its main text is the story
      write(w, "https://news.example/a", "<html><body><div class=\"story\">" + STORY + "</div></body></html>");
      // a math page: two formulas shown, one of them (\beta) only in a rendered image without alt, so lost
      write(w, "https://math.example/b", "<html><body><div>" + STORY + "<p>Take \\(\\alpha^2\\) and the image"
          + " <img src=\"/pics/beta.png\"> as given.</p></div></body></html>");
      // a page with nothing readable: lost, and it had no visible text either
      write(w, "https://empty.example/c", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
    }
    Path labels = Files.writeString(dir.resolve("labels.tsv"), "url\tlabel\tkind\tsource\n"
        + "https://news.example/a\tnonmath\tweb\tx\nhttps://math.example/b\tmath\tnotes\tx\nhttps://empty.example/c\tnonmath\tweb\tx\n");
    Path tex = Files.writeString(dir.resolve("tex.tsv"), "url\tkind\ttex\nhttps://math.example/b\tdelim\t\\alpha^2\nhttps://math.example/b\timg\t\\beta\n");
    Path truth = Files.writeString(dir.resolve("gt.json"), "{\"k1\": {\"url\": \"https://news.example/a\", \"articleBody\": \""
        + STORY.replace("<p>", "").replace("</p>", "\\n") + "\"}}", StandardCharsets.UTF_8);
    LabelledPages set = LabelledPages.load(labels, Optional.of(tex), Optional.of(truth));
    List<ExtractEvaluation.Failure> failures = new ArrayList<>();

    ExtractEvaluation.Result r = ExtractEvaluation.run(List.of(warc), set, ExtractConfig.defaults(), failures::add);

    assertThat(r.pagesIn()).isEqualTo(3);
    assertThat(r.pagesOut()).isEqualTo(2);
    assertThat(r.visiblePages()).as("the two pages with >= 500 visible chars").isEqualTo(2);
    assertThat(r.visibleLost()).isZero();
    assertThat(r.mathPages()).isEqualTo(1);
    assertThat(r.mathLost()).isZero();
    assertThat(r.tex().get("delim")).isEqualTo(new ExtractEvaluation.KindCount(1, 1));
    assertThat(r.tex().get("img")).isEqualTo(new ExtractEvaluation.KindCount(1, 0));
    assertThat(r.texOverall()).isEqualTo(new ExtractEvaluation.KindCount(2, 1));
    assertThat(r.mathPagesAllKept()).isZero();
    assertThat(r.mainText().pages()).isEqualTo(1);
    assertThat(r.mainText().precision()).isEqualTo(1.0);
    assertThat(r.mainText().recall()).isEqualTo(1.0);
    assertThat(r.mainTextPredictions()).containsOnlyKeys("k1");
    assertThat(failures).extracting(ExtractEvaluation.Failure::url, ExtractEvaluation.Failure::problem)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("https://math.example/b", "tex_lost"));
    assertThat(failures.get(0).detail()).contains("img: \\beta");
  }

  @Test
  void malformedLabelLineNamesFileAndLine() throws IOException {
    Path labels = Files.writeString(dir.resolve("labels.tsv"), "url\tlabel\tkind\tsource\nhttps://a.example/\tmaybe\tweb\tx\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LabelledPages.load(labels, Optional.empty(), Optional.empty()))
        .hasMessage(labels + ":2: expected label 'math' or 'nonmath', got 'maybe'");
  }

  private static void write(WarcWriter w, String url, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] http = new byte[head.length() + body.length];
    System.arraycopy(head.getBytes(StandardCharsets.ISO_8859_1), 0, http, 0, head.length());
    System.arraycopy(body, 0, http, head.length(), body.length);
    w.write(new WarcResponse.Builder(url).date(Instant.parse("2024-01-01T00:00:00Z")).body(MediaType.HTTP_RESPONSE, http).build());
  }
}
