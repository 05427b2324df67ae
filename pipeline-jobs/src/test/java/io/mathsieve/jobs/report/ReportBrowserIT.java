package io.mathsieve.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mathsieve.config.Settings;
import io.mathsieve.jobs.TestCluster;
import io.mathsieve.jobs.build.BuildDriver;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.samples.SampleGenerator;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's report in a real browser (headless Chromium, Debian's {@code chromium} package): it
 * loads offline, draws its charts, logs no script error or blocked resource, and a page carrying
 * script payloads changes nothing. Run by the {@code browser} profile ({@code .ci/run} installs
 * Chromium): {@code ./mvnw -B -Pbrowser -pl pipeline-jobs -am test}. The screenshot is kept in
 * {@code pipeline-jobs/target/report-screenshot.png}.
 */
class ReportBrowserIT {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = TestCluster.twoSlots();

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static String chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String p : System.getenv("PATH").split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(p, name))) {
          return Path.of(p, name).toString();
        }
      }
    }
    throw new AssertionError("no Chromium on PATH: install Debian's chromium package (apt-get install chromium)");
  }

  Run chromium(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--enable-logging=stderr", "--v=0", "--user-data-dir=" + dir.resolve("profile")));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("chromium.out");
    Path err = dir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  static List<String> problems(String log) {
    return log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("Refused to") || l.contains("net::ERR"))
        .toList();
  }

  @Test
  void theDemoReportRendersWithItsChartsAndNoScriptErrors() throws Exception {
    Path samples = dir.resolve("samples");
    SampleGenerator.generate(samples, SampleGenerator.Options.defaults());
    MathsieveConfig config = MathsieveConfig.from(Settings.read(Path.of("..", "samples", "demo.conf")));
    BuildDriver.Result r = BuildDriver.run(new BuildDriver.Request(BuildDriver.Inputs.sampleSet(samples, samples.resolve("labels.tsv")), config,
        dir.resolve("demo"), new BuildDriver.Options(Jobs.local(2), 0, false, line -> {})));
    String url = r.report().toUri().toString();

    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    Run s = chromium("--window-size=1300,4000", "--screenshot=" + shot, url);
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(problems(s.err())).as("console errors or blocked loads").isEmpty();
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1300);
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 7) {
      for (int x = 0; x < image.getWidth(); x += 7) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("a drawn page, not a blank one").isGreaterThan(50);
    // The funnel bars' blue and the histograms' green are on the page.
    assertThat(colours).contains(0xff1565c0, 0xff2f7d32);

    Run dom = chromium("--dump-dom", url);
    assertThat(dom.code()).isZero();
    assertThat(problems(dom.err())).isEmpty();
    assertThat(count(dom.out(), "<svg")).isGreaterThanOrEqualTo(8);
    for (String id : List.of("funnel", "rejections", "classifier", "corpus", "extraction", "decontamination", "samples")) {
      assertThat(dom.out()).contains("id=\"" + id + "\"");
    }
    int docs = new ObjectMapper().readTree(FlinkFiles.local(r.manifest()).toFile()).at("/totals/rows").asInt();
    assertThat(dom.out()).contains(String.format(java.util.Locale.ROOT, "%,d", docs));
  }

  @Test
  void scriptPayloadsInCrawledTextDoNotRun() throws Exception {
    String payload = "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\">";
    ReportData d = new ReportData(RunReportTest.build("x"), RunReportTest.manifest("x"), List.of(), List.of(), List.of(), 0,
        false, List.of(new ReportData.Sample("https://evil.example/" + payload, payload, "en", 0.9, 10, 1, 1, payload)));
    Path html = Files.writeString(dir.resolve("evil.html"), RunReport.render(d, "evil"));
    Run dom = chromium("--dump-dom", html.toUri().toString());
    assertThat(dom.code()).isZero();
    assertThat(dom.out()).contains("<title>mathsieve report: evil</title>").doesNotContain("PWNED</title>");
    assertThat(dom.out()).contains("&lt;script&gt;document.title='PWNED'&lt;/script&gt;");
    assertThat(problems(dom.err())).isEmpty();
  }

  static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
