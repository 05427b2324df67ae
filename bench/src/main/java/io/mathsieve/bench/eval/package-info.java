/** Measuring stages on labelled real data: the article-extraction metric, formula survival, lost pages. */
package io.mathsieve.bench.eval;
