/** The stage benchmarks: CPU time per page of each per-page stage against the gunzip floor, and the classifier trained at DeepSeekMath's scale. */
package io.mathsieve.bench;
