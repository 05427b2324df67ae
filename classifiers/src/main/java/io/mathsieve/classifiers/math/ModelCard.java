package io.mathsieve.classifiers.math;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What was trained and how well it did, written beside the model as {@code <model>.card.json}
 * ({@code iter-1/model.card.json} for {@code iter-1/model.bin}). The scorer reads it: whether the
 * model takes the math signals, and the combiner's weights. A model without a card (one trained
 * before cards, or by the fastText CLI) scores text alone.
 *
 * @param signals whether the model's input starts with {@link MathSignals#tokens()}
 * @param combiner the {@link ScoreCombiner}'s weights, or null to use fastText's probability as is
 * @param plan how long the model that scores trained
 * @param validatedBy how the validation scores were had: {@code "5-fold cross-fitting"} or {@code "20% held out"}
 * @param negativesSetAside sampled negatives that scored as math, left out of the combiner, the threshold and (cross-fitted) the model
 * @param fastText fastText's own scores on the validated examples, each from a model that did not train on it
 * @param combined the combined scores on the validated examples but those set aside (the combiner cross-fitted), or null
 */
public record ModelCard(boolean signals, double[] combiner, TrainingPlan plan, String validatedBy, int negativesSetAside,
    Validation fastText, Validation combined) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The validation of the scores the model gives: combined when there is a combiner. */
  public Validation scores() {
    return combined != null ? combined : fastText;
  }

  /**
   * The threshold to collect at when none is set: the validated examples' best-F1 threshold, but never
   * below 0.5 for combined scores. The combiner's scores are probabilities for a set with as many
   * math as other pages; the crawl has far fewer math pages, so its best threshold is higher, not
   * lower, and a best-F1 cut below 0.5 on a few dozen held-out pages lets in many other pages.
   */
  public double collectionThreshold() {
    return combined != null ? combinedThreshold(combined) : fastText.threshold();
  }

  /** The threshold to collect combined scores at: their best-F1 threshold, but at least 0.5 ({@link #collectionThreshold}). */
  static double combinedThreshold(Validation combined) {
    return Math.max(0.5, combined.threshold());
  }

  /** The card's place beside a model file or a model prefix ({@code model.bin}, {@code model.ftz} or {@code model}). */
  public static Path beside(Path model) {
    String name = model.getFileName().toString();
    String stem = name.endsWith(".bin") || name.endsWith(".ftz") ? name.substring(0, name.length() - 4) : name;
    return model.resolveSibling(stem + ".card.json");
  }

  public void write(Path file) {
    try {
      JSON.writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model card " + file, e);
    }
  }

  /** The card beside {@code model}, when there is one. A card that cannot be read is a one-line error naming it. */
  public static Optional<ModelCard> readBeside(Path model) {
    Path card = beside(model);
    if (!Files.isRegularFile(card)) {
      return Optional.empty();
    }
    return Optional.of(read(card));
  }

  /** A card read from {@code in}; {@code name} is where it came from, for the error. */
  public static ModelCard read(java.io.InputStream in, String name) {
    try {
      return JSON.readValue(in, ModelCard.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(name + ": not a model card (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }

  public static ModelCard read(Path card) {
    try {
      return JSON.readValue(card.toFile(), ModelCard.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(card + ": not a model card (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
    }
  }
}
