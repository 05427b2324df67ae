package io.mathsieve.extract.html;

import io.mathsieve.extract.math.TexDelimiters;
import io.mathsieve.extract.math.TexDelimiters.Bbcode;

/**
 * Accumulates the readable text of a page while its DOM is walked: inline text with whitespace
 * folded, blocks (paragraphs, list items, table rows) separated by line breaks, preformatted text
 * kept as it is, and formulas kept as LaTeX and never split, folded or dropped with their block.
 *
 * <p>Each block is judged when it ends: if more than {@code linkDensity} of its chars sit inside
 * links, it is navigation and is dropped (headings and blocks with formulas are always kept).
 *
 * <p>Formulas are wrapped in two private-use sentinel chars while building, so that the final pass
 * can count the TeX the page itself delimited ({@code $..$}, {@code \(..\)}), convert BBCode
 * {@code [tex]} tags, and build the language-identification input without formulas, without ever
 * mistaking a formula mathsieve inserted for one the page wrote.
 */
final class TextBuilder {
  static final char FORMULA_START = '\uE000';
  static final char FORMULA_END = '\uE001';
  /** Code ({@code pre}, {@code code}): no TeX is looked for inside, and it is not language-identified. */
  static final char VERBATIM_START = '\uE002';
  static final char VERBATIM_END = '\uE003';

  /** How a block is separated from the previous one. */
  enum Kind {
    /** Paragraphs, divs, sections: a blank line before. */
    PARAGRAPH,
    /** Headings: a blank line before; never dropped for link density. */
    HEADING,
    /** List items, table rows, definition terms: a line break before. */
    LINE
  }

  private final double linkDensity;
  private final StringBuilder out = new StringBuilder(4096);
  private final StringBuilder block = new StringBuilder(1024);
  private final Kind[] kinds = new Kind[1024];
  private int open;
  private Kind lastFlushed;
  private boolean breakPending;
  private String pendingPrefix;
  private int blockChars;
  private int blockLinkChars;
  private boolean blockHasFormula;
  private boolean pendingSpace;
  private int linkDepth;
  private int preDepth;
  private int verbatimDepth;
  private int droppedBlocks;
  private int bbcodeFormulas;
  private int delimitedFormulas;

  TextBuilder(double linkDensity) {
    this.linkDensity = linkDensity;
  }

  /** Appends the text of a text node. */
  void text(String raw) {
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c >= FORMULA_START && c <= VERBATIM_END) {
        c = ' ';
      }
      if (preDepth > 0) {
        if (c == '\r') {
          continue;
        }
        block.append(c);
        if (!Character.isWhitespace(c)) {
          countChar();
        }
        continue;
      }
      if (!isWordChar(c)) {
        pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        spaceIfNeeded();
      }
      // The rest of the word in one append (this is where every char of every page goes).
      int end = i + 1;
      while (end < n && isWordChar(raw.charAt(end))) {
        end++;
      }
      block.append(raw, i, end);
      blockChars += end - i;
      if (linkDepth > 0) {
        blockLinkChars += end - i;
      }
      pendingSpace = false;
      i = end - 1;
    }
  }

  /** Neither whitespace, a no-break space nor one of the builder's marker chars. */
  private static boolean isWordChar(char c) {
    return !(c >= FORMULA_START && c <= VERBATIM_END) && c != '\u00a0' && !Character.isWhitespace(c);
  }

  private void countChar() {
    blockChars++;
    if (linkDepth > 0) {
      blockLinkChars++;
    }
    pendingSpace = false;
  }

  private void spaceIfNeeded() {
    int len = block.length();
    if (len > 0) {
      char last = block.charAt(len - 1);
      if (last != ' ' && last != '\n') {
        block.append(' ');
      }
    }
    pendingSpace = false;
  }

  /** Appends a formula: {@code $tex$} inline, or {@code $$tex$$} on a line of its own. */
  void formula(String tex, boolean display) {
    String clean = fold(tex);
    if (clean.isEmpty()) {
      return;
    }
    if (display) {
      trimTrailingSpace();
      if (block.length() > 0) {
        block.append('\n');
      }
      block.append(FORMULA_START).append("$$").append(clean).append("$$").append(FORMULA_END).append('\n');
      pendingSpace = false;
    } else {
      if (pendingSpace || (block.length() > 0 && Character.isLetterOrDigit(block.charAt(block.length() - 1)))) {
        spaceIfNeeded();
      }
      boolean hasDollar = clean.indexOf('$') >= 0;
      block.append(FORMULA_START).append(hasDollar ? "\\(" : "$").append(clean).append(hasDollar ? "\\)" : "$").append(FORMULA_END);
    }
    blockHasFormula = true;
    blockChars += clean.length();
  }

  /** A {@code <br>}: a line break inside the block. */
  void lineBreak() {
    trimTrailingSpace();
    block.append('\n');
    pendingSpace = false;
  }

  /** Starts a block; whatever inline text came before it becomes a block of its own. */
  void openBlock(Kind kind, String prefix) {
    flush();
    if (open < kinds.length) {
      kinds[open] = kind;
    }
    open++;
    if (kind != Kind.LINE) {
      breakPending = true; // a new list, table or paragraph sets itself apart from preceding lines
    }
    if (prefix != null) {
      pendingPrefix = prefix; // a list marker goes before the item's first non-empty block
    }
  }

  void closeBlock() {
    flush();
    if (open > 0) {
      open--;
      if (open < kinds.length && kinds[open] != Kind.LINE) {
        breakPending = true;
      }
    }
  }

  /** Table cells after the first in a row are separated by {@code " | "}. */
  void cellSeparator() {
    if (blockChars > 0) {
      trimTrailingSpace();
      block.append(" | ");
      pendingSpace = false;
    }
  }

  void enterLink() {
    linkDepth++;
  }

  void exitLink() {
    linkDepth--;
  }

  void enterPre() {
    preDepth++;
  }

  void exitPre() {
    preDepth--;
  }

  /** Enters code: TeX delimiters inside are not math. */
  void enterVerbatim() {
    if (verbatimDepth++ == 0) {
      block.append(VERBATIM_START);
    }
  }

  void exitVerbatim() {
    if (--verbatimDepth == 0) {
      block.append(VERBATIM_END);
    }
  }

  private Kind currentKind() {
    return open == 0 ? Kind.PARAGRAPH : kinds[Math.min(open, kinds.length) - 1];
  }

  private void flush() {
    trimTrailingSpace();
    if (blockChars == 0) {
      block.setLength(0);
      resetBlock();
      return;
    }
    Kind kind = currentKind();
    String prefix = pendingPrefix;
    pendingPrefix = null;
    boolean navigation = !blockHasFormula && kind != Kind.HEADING && blockLinkChars > linkDensity * blockChars;
    if (navigation) {
      droppedBlocks++;
    } else {
      if (out.length() > 0) {
        out.append(kind == Kind.LINE && lastFlushed == Kind.LINE && !breakPending ? "\n" : "\n\n");
      }
      int start = 0;
      while (start < block.length() && (block.charAt(start) == ' ' || block.charAt(start) == '\n') && preDepth == 0) {
        start++;
      }
      if (prefix != null) {
        out.append(prefix);
      }
      out.append(block, start, block.length());
      lastFlushed = kind;
      breakPending = false;
    }
    block.setLength(0);
    resetBlock();
  }

  private void resetBlock() {
    blockChars = 0;
    blockLinkChars = 0;
    blockHasFormula = false;
    pendingSpace = false;
  }

  private void trimTrailingSpace() {
    int len = block.length();
    while (len > 0 && block.charAt(len - 1) == ' ' && preDepth == 0) {
      len--;
    }
    block.setLength(len);
  }

  /** Blocks dropped as navigation. */
  int droppedBlocks() {
    return droppedBlocks;
  }

  int bbcodeFormulas() {
    return bbcodeFormulas;
  }

  int delimitedFormulas() {
    return delimitedFormulas;
  }

  /**
   * The final text: BBCode converted, page-delimited TeX counted, sentinels removed, runs of blank
   * lines folded. {@code langInput} receives up to {@code langChars} chars of text outside formulas.
   */
  String finish(StringBuilder langInput, int langChars) {
    flush();
    StringBuilder result = new StringBuilder(out.length());
    int i = 0;
    int n = out.length();
    while (i < n) {
      int start = indexOfMarker(out, i);
      int segmentEnd = start < 0 ? n : start;
      plainSegment(out.substring(i, segmentEnd), result, langInput, langChars);
      if (start < 0) {
        break;
      }
      // A formula or a code span: copied as it is, never searched for TeX.
      char close = out.charAt(start) == FORMULA_START ? FORMULA_END : VERBATIM_END;
      int end = indexOf(out, close, start + 1);
      if (end < 0) {
        end = n;
      }
      for (int k = start + 1; k < end; k++) {
        char c = out.charAt(k);
        if (c < FORMULA_START || c > VERBATIM_END) {
          result.append(c);
        }
      }
      i = end + 1;
    }
    return foldBlankLines(result);
  }

  /** Text the page wrote: BBCode becomes formulas, delimited TeX is counted. */
  private void plainSegment(String segment, StringBuilder result, StringBuilder langInput, int langChars) {
    String s = stripMarkers(segment);
    int i = 0;
    Bbcode b;
    while ((b = TexDelimiters.nextBbcode(s, i)) != null) {
      String before = s.substring(i, b.start());
      delimitedFormulas += TexDelimiters.count(before);
      result.append(before);
      appendLang(langInput, before, langChars);
      String tex = fold(b.tex());
      if (!tex.isEmpty()) {
        result.append('$').append(tex).append('$');
        bbcodeFormulas++;
      }
      i = b.end();
    }
    String rest = s.substring(i);
    delimitedFormulas += TexDelimiters.count(rest);
    result.append(rest);
    appendLang(langInput, rest, langChars);
  }

  /** A marker whose partner went with a dropped block must not reach the output. */
  private static String stripMarkers(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= FORMULA_START && c <= VERBATIM_END) {
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
          char d = s.charAt(k);
          if (d < FORMULA_START || d > VERBATIM_END) {
            b.append(d);
          }
        }
        return b.toString();
      }
    }
    return s;
  }

  private static void appendLang(StringBuilder langInput, String s, int langChars) {
    int room = langChars - langInput.length();
    if (room > 0) {
      langInput.append(s, 0, Math.min(room, s.length()));
      if (langInput.length() < langChars) {
        langInput.append(' ');
      }
    }
  }

  private static String foldBlankLines(StringBuilder s) {
    StringBuilder out = new StringBuilder(s.length());
    int newlines = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        newlines++;
        continue;
      }
      if (newlines > 0) {
        // drop spaces that ended the previous line
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
          len--;
        }
        out.setLength(len);
        if (out.length() > 0) {
          out.append(newlines >= 2 ? "\n\n" : "\n");
        }
        newlines = 0;
      }
      out.append(c);
    }
    int len = out.length();
    while (len > 0 && Character.isWhitespace(out.charAt(len - 1))) {
      len--;
    }
    out.setLength(len);
    return out.toString();
  }

  /** TeX with whitespace runs folded to one space and trimmed. */
  static String fold(String tex) {
    StringBuilder b = new StringBuilder(tex.length());
    boolean space = false;
    for (int i = 0; i < tex.length(); i++) {
      char c = tex.charAt(i);
      if (c >= FORMULA_START && c <= VERBATIM_END) {
        continue;
      }
      if (Character.isWhitespace(c) || c == '\u00a0') {
        space = b.length() > 0;
        continue;
      }
      if (space) {
        b.append(' ');
        space = false;
      }
      b.append(c);
    }
    return b.toString();
  }

  private static int indexOfMarker(StringBuilder s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == FORMULA_START || c == VERBATIM_START) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(StringBuilder s, char c, int from) {
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
