package io.mathsieve.extract.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Main-content selection and the rules that guard it, each on a small page laid out as real sites lay them out. */
class MainContentTest {
  private final MathAwareTextExtractor extractor = new MathAwareTextExtractor(256, 0.5, 2000);

  private String text(String html) {
    return extractor.extract(Jsoup.parse(html, "https://example.org/"), Long.MAX_VALUE).text();
  }

  private static String paragraphs(String topic, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      b.append("<p>Paragraph ").append(i).append(" about ").append(topic)
          .append(", written at length, with commas, clauses and enough words to read as article text.</p>");
    }
    return b.toString();
  }

  // Elementor/WordPress put chrome words on <body> and wrappers; with no <main> or <article>, the
  // class rule once dropped the whole body. An element holding most of the text is never chrome.
  @Test
  void chromeWordsOnBodyAndWrappersDoNotEatTheContent() {
    String t = text("<html><body class=\"jet-desktop-menu-active elementor-default\"><div class=\"site-sidebar-wrapper\">"
        + paragraphs("gardens", 4) + "</div></body></html>");
    assertThat(t).contains("Paragraph 1 about gardens").contains("Paragraph 4 about gardens");
  }

  // Blogger wraps the post in <div class="widget Blog">: the post is kept, the sidebar widget is not.
  @Test
  void bloggerPostInsideAWidgetIsKept() {
    String t = text("<html><body><div id=\"main\"><div class=\"widget Blog\" id=\"Blog1\"><div class=\"post-body\">" + paragraphs("a trip", 4)
        + "</div></div></div><div id=\"sidebar\"><div class=\"widget HTML\"><h2>Archive</h2><ul><li><a href=\"/a\">October</a></li>"
        + "<li><a href=\"/b\">September</a></li></ul><p>Follow this blog by email for news of every post.</p></div></div></body></html>");
    assertThat(t).contains("Paragraph 1 about a trip").contains("Paragraph 4 about a trip");
    assertThat(t).doesNotContain("Archive").doesNotContain("Follow this blog");
  }

  // A news layout: the story is kept; navigation, teasers of other stories, comments and the footer are not.
  @Test
  void newsStoryWithoutItsSurroundings() {
    String t = text("<html><body><div class=\"top\"><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></div>"
        + "<div class=\"layout\"><div class=\"story-body\"><h1>Rain at last</h1>" + paragraphs("the rain", 5) + "</div>"
        + "<div class=\"more-stories\"><div class=\"teaser\"><a href=\"/x\">Another story headline here</a></div>"
        + "<div class=\"teaser\"><a href=\"/y\">Yet another story headline</a></div></div>"
        + "<div class=\"comments\"><p>First comment, which says a lot, at length, with commas, like a paragraph would.</p>"
        + "<p>Second comment, also long enough, with commas, to be scored like a paragraph.</p></div></div>"
        + "<div class=\"bottom\"><p>All rights reserved by the publisher of this site.</p></div></body></html>");
    assertThat(t).startsWith("Rain at last").contains("Paragraph 5 about the rain");
    assertThat(t).doesNotContain("Home").doesNotContain("Another story").doesNotContain("comment").doesNotContain("rights reserved");
  }

  // Readability's conditional cleaning: a link-heavy box inside the story goes; data tables (header
  // cells, or more than ten cells) stay, though they have no commas and little text.
  @Test
  void linkHeavyBoxInsideTheStoryGoesTablesStay() {
    String t = text("<html><body><div class=\"entry\">" + paragraphs("prices", 3)
        + "<div class=\"inline\"><b>Related reading on this topic:</b> <a href=\"/1\">Prices rise again in the north</a></div>"
        + "<table><tr><th>Year</th><th>Price</th></tr><tr><td>2019</td><td>3.10</td></tr></table>"
        + "<table><tr><td>2017</td><td>2.80</td><td>2.90</td></tr><tr><td>2018</td><td>2.95</td><td>3.00</td></tr>"
        + "<tr><td>2019</td><td>3.05</td><td>3.10</td></tr><tr><td>2020</td><td>3.20</td><td>3.25</td></tr></table>" + paragraphs("costs", 2)
        + "</div></body></html>");
    assertThat(t).as("a table with header cells").contains("Year | Price\n2019 | 3.10");
    assertThat(t).as("a table of twelve cells").contains("2020 | 3.20 | 3.25").contains("Paragraph 2 about costs");
    assertThat(t).as("a third of its text in links: below the link-density rule, caught by conditional cleaning")
        .doesNotContain("Related reading").doesNotContain("Prices rise again");
  }

  // A math blog whose formulas are also in the comments: the formulas outside the chosen content
  // keep the whole body (minus chrome), so every formula is kept.
  @Test
  void formulasOutsideTheContentKeepTheWholeBody() {
    String t = text("<html><body><div class=\"post\">" + paragraphs("limits", 4) + "<p>So \\(\\lim_{n} a_n = 0\\).</p></div>"
        + "<div class=\"comments\"><p>Shouldn't it be $\\sum_k a_k$ instead, since the series, not the sequence, was meant here?</p></div>"
        + "</body></html>");
    assertThat(t).contains("\\(\\lim_{n} a_n = 0\\)").contains("$\\sum_k a_k$");
  }

  // Content split over sibling blocks of the same class is joined, in document order.
  @Test
  void siblingBlocksOfTheStoryAreJoined() {
    String t = text("<html><body><div class=\"wrap\"><div class=\"text-block\">" + paragraphs("part one", 4)
        + "</div><div class=\"ad-slot\"><a href=\"/ad\">Buy now</a></div><div class=\"text-block\">" + paragraphs("part two", 2)
        + "</div></div><div class=\"sidebar\"><p>About the author of this blog, a long-time gardener, with commas, and more.</p></div></body></html>");
    assertThat(t).contains("Paragraph 1 about part one").contains("Paragraph 2 about part two");
    assertThat(t.indexOf("part one")).isLessThan(t.indexOf("part two"));
    assertThat(t).doesNotContain("Buy now").doesNotContain("About the author");
  }

  // Figure captions (photo descriptions and credits) are not the article's text.
  @Test
  void figureCaptionsAreLeftOut() {
    String t = text("<html><body><div class=\"article\">" + paragraphs("the bridge", 3)
        + "<figure><img src=\"/bridge.jpg\"><figcaption>The new bridge at dusk, seen from the east bank. Photo: J. Smith</figcaption></figure>"
        + paragraphs("the river", 2) + "</div></body></html>");
    assertThat(t).contains("Paragraph 3 about the bridge").contains("Paragraph 2 about the river").doesNotContain("Photo: J. Smith");
  }

  // An article split into sections, each with its own inner wrapper: the best inner block has no
  // siblings, so the selection must widen (here both the near-best-candidates rule and the
  // higher-scoring-parent rule lead to the common ancestor).
  @Test
  void sectionsOfOneArticleAreWidenedTo() {
    StringBuilder b = new StringBuilder("<html><body><div class=\"wrap\">");
    for (String part : new String[] {"alpha", "beta", "gamma", "delta"}) {
      b.append("<div class=\"part\"><div class=\"inner\">").append(paragraphs(part, 3)).append("</div></div>");
    }
    String t = text(b.append("</div></body></html>").toString());
    assertThat(t).contains("about alpha").contains("about beta").contains("about gamma").contains("about delta");
  }

  // Content whose every part is dropped by conditional cleaning (each a third links, none the
  // majority) gives under 250 chars: the whole body is extracted again with the structural rules only.
  @Test
  void contentCleanedAwayFallsBackToTheWholeBody() {
    StringBuilder b = new StringBuilder("<html><body><div class=\"box\">");
    for (int i = 1; i <= 3; i++) {
      b.append("<div class=\"row\">Store ").append(i).append(" opens at nine and closes at six on weekdays, see ")
          .append("<a href=\"/s").append(i).append("\">the page of store ").append(i).append(" for holidays</a></div>");
    }
    String t = text(b.append("</div></body></html>").toString());
    assertThat(t).contains("Store 1 opens at nine").contains("Store 3 opens at nine");
  }

  // Candidates are visited in document order (the stats keep it beside the identity map), so that
  // ties between equal candidates go the same way in every run; inline elements get no entry.
  @Test
  void statsKeepDocumentOrder() {
    org.jsoup.nodes.Document doc = Jsoup.parse("<html><body><div id=a><p id=p1>One <b>two</b></p></div><section id=s><p id=p2>Three</p>"
        + "<ul id=u><li id=l1>Four</li></ul></section></body></html>", "https://example.org/");
    MainContent.Stats stats = MainContent.count(doc.body());
    assertThat(stats.elements).extracting(org.jsoup.nodes.Element::id).containsExactly("", "a", "p1", "s", "p2", "u", "l1");
    assertThat(stats.inOrder.get(2)).isSameAs(stats.get(doc.getElementById("p1")));
  }

  // When the main content gives under 250 chars, the whole body is extracted instead.
  @Test
  void shortContentFallsBackToTheWholeBody() {
    String t = text("<html><body><div class=\"gallery\"><p>A short caption, with a comma, for the photo above.</p></div>"
        + "<ul><li>Opening hours: nine to five on weekdays</li><li>Closed on public holidays and Sundays</li>"
        + "<li>Tickets at the door or online</li><li>Guided tours every hour</li><li>Free entry for children under twelve</li>"
        + "<li>Wheelchair access through the east entrance</li><li>Parking behind the main building</li></ul></body></html>");
    assertThat(t).contains("A short caption").contains("Opening hours").contains("Parking behind the main building");
  }
}
