package io.mathsieve.dedup.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
  private final UrlCanonicalizer c = new UrlCanonicalizer(true);

  // Each case: a variant of a URL, and the canonical form it must reduce to.
  @Test
  void variantsOfOnePage() {
    String canonical = "https://example.org/a/b?x=1&y=2";
    assertThat(c.canonical("https://example.org/a/b?x=1&y=2")).isEqualTo(canonical);
    assertThat(c.canonical("http://example.org/a/b?x=1&y=2")).as("http = https").isEqualTo(canonical);
    assertThat(c.canonical("HTTPS://Example.ORG/a/b?x=1&y=2")).as("scheme and host case").isEqualTo(canonical);
    assertThat(c.canonical("https://www.example.org/a/b?x=1&y=2")).as("www.").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org:443/a/b?x=1&y=2")).as("default port").isEqualTo(canonical);
    assertThat(c.canonical("http://example.org:80/a/b?x=1&y=2")).as("default http port").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/a/b?y=2&x=1")).as("query order").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/a/b?x=1&y=2#comments")).as("fragment").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/a/b?utm_source=news&x=1&utm_medium=email&y=2&fbclid=abc")).as("tracking").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/a/b?x=1&gclid=1&msclkid=2&y=2")).isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/a/b?x=1&y=2&sid=deadbeef&PHPSESSID=9")).as("session ids").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/a/b;jsessionid=ABC123?x=1&y=2")).as("path session id").isEqualTo(canonical);
    assertThat(c.canonical("https://user@example.org./a/b?x=1&y=2")).as("user info, trailing dot").isEqualTo(canonical);
    assertThat(c.canonical("https://example.org/%61/b?x=1&y=2")).as("escaped unreserved char").isEqualTo(canonical);
  }

  // Different pages stay different.
  @Test
  void differentPagesStayApart() {
    assertThat(c.canonical("https://example.org/a")).isNotEqualTo(c.canonical("https://example.org/a/"));
    assertThat(c.canonical("https://example.org/a?p=1")).isNotEqualTo(c.canonical("https://example.org/a?p=2"));
    assertThat(c.canonical("https://example.org:8080/a")).isEqualTo("https://example.org:8080/a");
    assertThat(c.canonical("https://sub.example.org/a")).isNotEqualTo(c.canonical("https://example.org/a"));
    assertThat(c.canonical("https://example.org/%2F")).isEqualTo("https://example.org/%2F");
    assertThat(c.canonical("https://example.org/%2f")).as("escapes upper-cased").isEqualTo("https://example.org/%2F");
  }

  @Test
  void wwwRuleIsConfigurable() {
    assertThat(new UrlCanonicalizer(false).canonical("https://www.example.org/")).isEqualTo("https://www.example.org/");
    assertThat(c.canonical("https://www.org/")).as("www is the whole name").isEqualTo("https://www.org/");
  }

  // Crawled URLs that are not valid URIs still canonicalise, never throw.
  @Test
  void oddUrls() {
    assertThat(c.canonical("https://example.org")).isEqualTo("https://example.org/");
    assertThat(c.canonical("https://example.org/a b/ç?q=ü")).isEqualTo("https://example.org/a b/ç?q=ü");
    assertThat(c.canonical("not a url")).isEqualTo("not a url");
    assertThat(c.canonical("https://[::1]:8443/x")).isEqualTo("https://[::1]:8443/x");
    assertThat(c.canonical("https://example.org/?&&")).isEqualTo("https://example.org/");
  }
}
