package io.mathsieve.extract.html;

/** Extraction of one page went past a hard limit: too deep a DOM, or too long a walk. */
public final class ExtractionLimitException extends RuntimeException {
  /** Which limit. */
  public enum Limit {
    DOM_DEPTH,
    TIME
  }

  private final Limit limit;

  public ExtractionLimitException(Limit limit, String detail) {
    super(detail, null, false, false);
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }
}
