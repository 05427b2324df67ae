package io.mathsieve.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextDocumentTest {

  static TextDocument doc(String text) {
    return new TextDocument(
        "id", "https://a.org/", "a.org", "t", text, text.length(), false, "en", 0.9, "UTF-8", "http",
        "v1", FormulaCounts.NONE, false, "f.warc.gz", 10, "<urn:uuid:1>", Instant.EPOCH);
  }

  // A cap shorter than the text keeps a prefix, marks it truncated and keeps the full length.
  @Test
  void capTruncatesAndRemembersFullLength() {
    TextDocument capped = doc("abcdef").withTextCap(4);
    assertThat(capped.text()).isEqualTo("abcd");
    assertThat(capped.textTruncated()).isTrue();
    assertThat(capped.textChars()).isEqualTo(6);
  }

  // A cap at or above the length is a no-op.
  @Test
  void capAboveLengthIsNoOp() {
    TextDocument d = doc("abc");
    assertThat(d.withTextCap(3)).isSameAs(d);
  }

  // The cap never leaves half of a surrogate pair (an emoji, a math alphanumeric symbol).
  @Test
  void capNeverSplitsSurrogatePairs() {
    TextDocument capped = doc("ab\uD835\uDC65cd").withTextCap(3); // 𝑥 is two chars
    assertThat(capped.text()).isEqualTo("ab");
  }

  @Test
  void rejectionCarriesPointerAndCapsDetail() {
    Rejection r = doc("x").reject(TestReason.TOO_BIG, "y".repeat(5000));
    assertThat(r.key()).isEqualTo("test/too_big");
    assertThat(r.warcFile()).isEqualTo("f.warc.gz");
    assertThat(r.warcOffset()).isEqualTo(10);
    assertThat(r.detail()).hasSize(Rejection.MAX_DETAIL_CHARS);
  }

  enum TestReason implements DropReason {
    TOO_BIG;

    @Override
    public String stage() {
      return "test";
    }

    @Override
    public String description() {
      return "too big";
    }
  }
}
