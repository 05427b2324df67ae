package io.mathsieve.classifiers.iterate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IterateLogicTest {

  // The budget threshold takes whole bins from the top until the budget is reached.
  @Test
  void budgetThreshold() {
    ScoreHistogram h = new ScoreHistogram();
    h.add(0.99, 100);
    h.add(0.95, 100);
    h.add(0.95, 100);
    h.add(0.90, 100);
    h.add(0.10, 1000);
    assertThat(h.thresholdForBudget(300)).isEqualTo(0.95);
    assertThat(h.tokensAtOrAbove(0.95)).isEqualTo(300);
    assertThat(h.thresholdForBudget(250)).as("a bin that would overshoot is left").isEqualTo(0.99);
    assertThat(h.thresholdForBudget(50)).as("the top bin is taken even alone over budget").isEqualTo(0.99);
    assertThat(h.thresholdForBudget(10_000)).isEqualTo(0.10);
    assertThat(h.pagesAtOrAbove(0.9)).isEqualTo(4);
    assertThat(ScoreHistogram.collected(0.95, 0.95)).isTrue();
    assertThat(ScoreHistogram.collected(0.94999, 0.95)).isFalse();
    ScoreHistogram other = new ScoreHistogram();
    other.add(0.5, 7);
    h.merge(other);
    assertThat(h.totalPages()).isEqualTo(6);
  }

  // Domain grouping by host or registered domain, on a hand-made table.
  @Test
  void domains() {
    assertThat(Domains.of("Math.StackExchange.com", Domains.Grouping.HOST)).isEqualTo("math.stackexchange.com");
    assertThat(Domains.of("math.stackexchange.com", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("stackexchange.com");
    assertThat(Domains.of("www.maths.cam.ac.uk", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("cam.ac.uk");
    assertThat(Domains.of("shuxue.example.com.cn", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("example.com.cn");
    assertThat(Domains.of("localhost", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("localhost");
    // From the Public Suffix List, not a short list of second-level labels:
    assertThat(Domains.of("dna049.github.io", Domains.Grouping.REGISTERED_DOMAIN)).as("a private suffix: each site its own").isEqualTo("dna049.github.io");
    assertThat(Domains.of("www.math.kyoto-u.ac.jp", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("kyoto-u.ac.jp");
    assertThat(Domains.of("blog.example.com.au", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("example.com.au");
    assertThat(Domains.of("a.b.example.co.jp", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("example.co.jp");
    assertThat(Domains.of("github.io", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("github.io");
    assertThat(Domains.of("10.0.0.7", Domains.Grouping.REGISTERED_DOMAIN)).as("an IP address is its own domain").isEqualTo("10.0.0.7");
    assertThat(Domains.of("[2001:db8::1]", Domains.Grouping.REGISTERED_DOMAIN)).isEqualTo("[2001:db8::1]");
    assertThat(Domains.of("site1.pages.example-com", Domains.Grouping.REGISTERED_DOMAIN)).as("a suffix outside the list").isEqualTo("pages.example-com");
  }

  // A math domain needs enough pages and more than the share collected.
  @Test
  void mathDomainGuard() {
    assertThat(Domains.isMathDomain(10, 2, 5, 0.10)).isTrue();
    assertThat(Domains.isMathDomain(10, 1, 5, 0.10)).as("exactly 10% is not over it").isFalse();
    assertThat(Domains.isMathDomain(2, 1, 5, 0.10)).as("one page of two").isFalse();
    assertThat(Domains.isMathDomain(5, 5, 5, 0.10)).isTrue();
    assertThat(Domains.isMathDomain(0, 0, 1, 0.10)).isFalse();
  }

  // URL patterns: host and first segment; matching at segment boundaries.
  @Test
  void patterns() {
    assertThat(UrlPatterns.of("https://www.MathOverflow.net:443/questions/123/why-is?x=1#a")).isEqualTo("mathoverflow.net/questions");
    assertThat(UrlPatterns.of("http://example.org/")).isEqualTo("example.org");
    assertThat(UrlPatterns.of("http://example.org")).isEqualTo("example.org");
    assertThat(UrlPatterns.of("http://example.org/viewtopic.php?t=4")).isEqualTo("example.org/viewtopic.php");
    assertThat(UrlPatterns.matches("mathoverflow.net/questions", "https://mathoverflow.net/questions/9/x")).isTrue();
    assertThat(UrlPatterns.matches("mathoverflow.net/questions", "https://www.mathoverflow.net/questions")).isTrue();
    assertThat(UrlPatterns.matches("mathoverflow.net/questions", "https://mathoverflow.net/questionsx/9")).isFalse();
    assertThat(UrlPatterns.matches("mathoverflow.net/questions", "https://mathoverflow.net/users/9")).isFalse();
    assertThat(UrlPatterns.matches("https://mathoverflow.net/questions/", "https://mathoverflow.net/questions/9")).isTrue();
  }

  @Test
  void annotations(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "# mine\n+ example.org/q\nexample.org/notes\n- example.org/q/old\n\n");
    Annotations a = Annotations.read(f);
    assertThat(a.include()).containsExactly("example.org/q", "example.org/notes");
    assertThat(a.exclude()).containsExactly("example.org/q/old");
    assertThat(a.excludes("https://example.org/q/old/1")).isTrue();
    Path bad = Files.writeString(dir.resolve("b.txt"), "+ example.org/*\n");
    assertThatThrownBy(() -> Annotations.read(bad)).hasMessage(bad + ":1: expected '+ host/path' or '- host/path', got '+ example.org/*'");
  }

  @Test
  void tokenEstimate() {
    assertThat(TokenCounter.ESTIMATE.tokens(4000, "en")).isEqualTo(1000);
    assertThat(TokenCounter.ESTIMATE.tokens(1000, "zh")).isEqualTo(650);
    assertThat(TokenCounter.ESTIMATE.tokens(0, "en")).isEqualTo(1);
  }

  @Test
  void measuredTokenRates() {
    TokenCounter c = TokenCounter.perChar(0.2428, 0.5095);
    assertThat(c.tokens(10_000, "en")).isEqualTo(2428);
    assertThat(c.tokens(10_000, "zh")).isEqualTo(5095);
    assertThat(c.tokens(10_000, "ja")).isEqualTo(5095);
    assertThat(c.tokens(3, "en")).isEqualTo(1); // rounded up, at least 1
    assertThatThrownBy(() -> TokenCounter.perChar(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
