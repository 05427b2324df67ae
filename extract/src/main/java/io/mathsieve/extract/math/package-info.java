/** Math in HTML: MathML to LaTeX, LaTeX images, TeX delimiters and BBCode in text. */
package io.mathsieve.extract.math;
