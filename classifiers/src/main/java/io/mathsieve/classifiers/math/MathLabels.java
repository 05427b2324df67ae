package io.mathsieve.classifiers.math;

/** The two labels of the math classifier, as fastText writes them. */
public final class MathLabels {
  public static final String MATH = "__label__math";
  public static final String OTHER = "__label__other";

  private MathLabels() {}
}
