package io.mathsieve.decontam.benchmarks;

/** A benchmark file that cannot be used: its message names the file and line and says what was expected. */
public final class BenchmarkFileException extends IllegalArgumentException {
  public BenchmarkFileException(String message) {
    super(message);
  }
}
