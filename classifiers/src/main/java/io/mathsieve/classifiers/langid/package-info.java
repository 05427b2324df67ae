/** Language identification with fastText's lid.176 model. */
package io.mathsieve.classifiers.langid;
