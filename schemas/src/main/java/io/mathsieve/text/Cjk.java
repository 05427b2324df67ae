package io.mathsieve.text;

/**
 * Which chars are CJK for the project's text processing (shingles, decontamination n-grams, the
 * classifier's input): Han ideographs (the unified block, extension A and the compatibility
 * ideographs), Japanese kana and Hangul syllables. These are written without spaces between
 * words, so every stage takes them one char at a time. One definition, so that near-dedup,
 * decontamination and the classifier agree on what a CJK char is.
 */
public final class Cjk {
  private Cjk() {}

  /** Whether {@code c} is a CJK char (BMP only: supplementary ideographs are rare in web text). */
  public static boolean isCjk(char c) {
    return (c >= 0x4E00 && c <= 0x9FFF) // CJK Unified Ideographs
        || (c >= 0x3400 && c <= 0x4DBF) // Extension A
        || (c >= 0xF900 && c <= 0xFAFF) // Compatibility Ideographs
        || (c >= 0x3040 && c <= 0x30FF) // Hiragana, Katakana
        || (c >= 0xAC00 && c <= 0xD7AF); // Hangul Syllables
  }
}
