package io.mathsieve.schemas;

/**
 * Why a stage dropped a document: a stage name and a reason code, counted as
 * {@code <stage>.dropped.<code>} and written to the rejections store as {@code stage}, {@code reason}.
 *
 * <p>Each stage declares its reasons as an enum implementing this interface, so the full list of
 * reasons is known, documented and testable.
 */
public interface DropReason {
  /** The stage that drops, e.g. {@code extract}, {@code dedup}, {@code decontam}. */
  String stage();

  /** The reason code within the stage, snake_case, e.g. {@code not_html}. */
  String code();

  /** One sentence for the docs and the report. */
  String description();

  /** {@code stage/code}, the form used in logs and run summaries. */
  default String key() {
    return stage() + "/" + code();
  }
}
