package io.mathsieve.decontam.benchmarks;

import java.util.List;

/**
 * One benchmark test item, as the texts to index: its fields joined in order (question then answer
 * or solution, so that n-grams spanning them are indexed too), each of its required fields alone
 * (so that a short question is matched whole), and, where the benchmark is published in more than
 * one form, the variants (GSM8K answers without their {@code <<48/2=24>>} calculator annotations).
 *
 * @param benchmark the benchmark's name ({@code gsm8k}, {@code math}, ...)
 * @param id a stable id: file name and line ({@code test.jsonl:17})
 * @param texts the item's text, and its variants
 */
public record BenchmarkItem(String benchmark, String id, List<String> texts) implements java.io.Serializable {
  public BenchmarkItem {
    texts = List.copyOf(texts);
  }
}
