package io.mathsieve.schemas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a stage dropped a document: a stage name and a reason code, counted as
 * {@code <stage>.dropped.<code>} and written to the rejections store as {@code stage}, {@code reason}.
 *
 * <p>Each stage declares its reasons as an enum implementing this interface, so the full list of
 * reasons is known, documented and testable. The enum names its stage with {@link Stage} and each
 * constant says what it means with {@link Means}; the code is the constant's name in lower case
 * ({@code NOT_HTML} is {@code not_html}):
 *
 * <pre>{@code
 * @DropReason.Stage("warc")
 * public enum WarcReason implements DropReason {
 *   @Means("The HTTP status is not 2xx.") HTTP_STATUS,
 * }
 * }</pre>
 */
public interface DropReason {
  /** The stage of every reason of the annotated enum. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Stage {
    String value();
  }

  /** What the annotated reason means: one sentence for the docs and the report. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.FIELD)
  @interface Means {
    String value();
  }

  /** The stage that drops, e.g. {@code extract}, {@code dedup}, {@code decontam}. */
  default String stage() {
    return Annotated.of(this).stage();
  }

  /** The reason code within the stage, snake_case, e.g. {@code not_html}: for an enum, its constant's name in lower case. */
  default String code() {
    return Annotated.constant(this).name().toLowerCase(Locale.ROOT);
  }

  /** One sentence for the docs and the report. */
  default String description() {
    return Annotated.of(this).meanings().get(Annotated.constant(this).name());
  }

  /** {@code stage/code}, the form used in logs and run summaries. */
  default String key() {
    return stage() + "/" + code();
  }

  /** An enum's {@link Stage} and {@link Means} annotations, read once per enum. */
  record Annotated(String stage, Map<String, String> meanings) {
    private static final ClassValue<Annotated> BY_ENUM = new ClassValue<>() {
      @Override
      protected Annotated computeValue(Class<?> type) {
        Stage stage = type.getAnnotation(Stage.class);
        if (stage == null) {
          throw new IllegalStateException(type.getName() + " must be annotated @DropReason.Stage or define stage() and description()");
        }
        Map<String, String> meanings = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
          String name = ((Enum<?>) constant).name();
          try {
            Means means = type.getField(name).getAnnotation(Means.class);
            if (means == null) {
              throw new IllegalStateException(type.getName() + "." + name + " must be annotated @DropReason.Means");
            }
            meanings.put(name, means.value());
          } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
          }
        }
        return new Annotated(stage.value(), Map.copyOf(meanings));
      }
    };

    static Annotated of(DropReason reason) {
      return BY_ENUM.get(constant(reason).getDeclaringClass());
    }

    static Enum<?> constant(DropReason reason) {
      if (reason instanceof Enum<?> e) {
        return e;
      }
      throw new UnsupportedOperationException(reason.getClass() + " is not an enum: it must define stage(), code() and description()");
    }
  }
}
