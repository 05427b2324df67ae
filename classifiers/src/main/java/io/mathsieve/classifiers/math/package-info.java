/** The math classifier: text normalisation, fastText training and scoring. */
package io.mathsieve.classifiers.math;
