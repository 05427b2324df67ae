/** The benchmark n-gram index and the scanner that checks documents against it. */
package io.mathsieve.decontam.index;
