/** Text normalisation for decontamination, as a Lucene analyzer shared by index and scan. */
package io.mathsieve.decontam.analysis;
