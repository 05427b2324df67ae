package io.mathsieve.classifiers.langid;

import io.mathsieve.classifiers.fasttext.FastTextModel;
import io.mathsieve.classifiers.fasttext.FastTextModel.Prediction;
import java.util.List;

/**
 * Language identification with fastText's {@code lid.176.ftz} (176 languages, shipped in this jar;
 * see models/README.md for source and licence). Loaded once per JVM (per classloader) and shared.
 *
 * <pre>{@code
 * LanguageIdentifier.Language l = LanguageIdentifier.shared().identify("Soit f une fonction continue");
 * // l.code() = "fr"
 * }</pre>
 *
 * <p>Only the first {@code maxChars} chars are read; newlines and tabs become spaces. Text without
 * any letter is {@code und} with score 0.
 */
public final class LanguageIdentifier {
  /** Label for text whose language is unknown. */
  public static final String UNDETERMINED = "und";
  /** Default number of chars read, enough for a stable answer on web text. */
  public static final int DEFAULT_MAX_CHARS = 2000;

  private static final String LABEL_PREFIX = "__label__";

  private final FastTextModel model;

  private LanguageIdentifier(FastTextModel model) {
    this.model = model;
  }

  /** The language identifier shared by the whole JVM, loaded on first use. */
  public static LanguageIdentifier shared() {
    return Holder.INSTANCE;
  }

  /** A language and the identifier's probability for it. */
  public record Language(String code, double score) {}

  public Language identify(CharSequence text) {
    return identify(text, DEFAULT_MAX_CHARS);
  }

  public Language identify(CharSequence text, int maxChars) {
    int n = Math.min(text.length(), maxChars);
    StringBuilder line = new StringBuilder(n);
    boolean letters = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        c = ' ';
      }
      letters |= Character.isLetter(c);
      line.append(c);
    }
    if (!letters) {
      return new Language(UNDETERMINED, 0.0);
    }
    List<Prediction> top = model.predict(line.toString(), 1);
    if (top.isEmpty()) {
      return new Language(UNDETERMINED, 0.0);
    }
    Prediction p = top.get(0);
    String code = p.label().startsWith(LABEL_PREFIX) ? p.label().substring(LABEL_PREFIX.length()) : p.label();
    return new Language(code, p.probability());
  }

  private static final class Holder {
    static final LanguageIdentifier INSTANCE =
        new LanguageIdentifier(FastTextModel.loadResource(LanguageIdentifier.class, "lid.176.ftz"));
  }
}
