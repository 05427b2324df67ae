package io.mathsieve.schemas;

/**
 * Why a stage dropped a document: a stage name and a reason code, counted as
 * {@code <stage>.dropped.<code>} and written to the rejections store as {@code stage}, {@code reason}.
 *
 * <p>Each stage declares its reasons as an enum implementing this interface, so the full list of
 * reasons is known, documented and testable. An enum's code is its constant's name in lower case
 * ({@code NOT_HTML} is {@code not_html}), so the enums declare only a stage and descriptions.
 */
public interface DropReason {
  /** The stage that drops, e.g. {@code extract}, {@code dedup}, {@code decontam}. */
  String stage();

  /** The reason code within the stage, snake_case, e.g. {@code not_html}: for an enum, its constant's name in lower case. */
  default String code() {
    if (this instanceof Enum<?> e) {
      return e.name().toLowerCase(java.util.Locale.ROOT);
    }
    throw new UnsupportedOperationException(getClass() + " is not an enum: it must define code()");
  }

  /** One sentence for the docs and the report. */
  String description();

  /** {@code stage/code}, the form used in logs and run summaries. */
  default String key() {
    return stage() + "/" + code();
  }
}
