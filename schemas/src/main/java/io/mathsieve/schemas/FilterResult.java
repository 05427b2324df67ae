package io.mathsieve.schemas;

import java.util.Objects;

/**
 * The outcome of a stage for one document: kept (possibly transformed), or dropped with a reason.
 *
 * <pre>{@code
 * FilterResult<TextDocument> r = extractor.extract(page);
 * if (r instanceof FilterResult.Keep<TextDocument> k) emit(k.value());
 * else if (r instanceof FilterResult.Drop<TextDocument> d) reject(d.reason(), d.detail());
 * }</pre>
 */
public sealed interface FilterResult<T> {

  static <T> FilterResult<T> keep(T value) {
    return new Keep<>(value);
  }

  static <T> FilterResult<T> drop(DropReason reason, String detail) {
    return new Drop<>(reason, detail);
  }

  /** Whether the document was kept. */
  default boolean kept() {
    return this instanceof Keep;
  }

  /** Kept: the value to pass on. */
  record Keep<T>(T value) implements FilterResult<T> {
    public Keep {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Dropped, with the reason and a detail for the audit. */
  record Drop<T>(DropReason reason, String detail) implements FilterResult<T> {
    public Drop {
      Objects.requireNonNull(reason, "reason");
      detail = detail == null ? "" : detail;
    }
  }
}
