/** The iterative recall loop: token budgets, domain discovery, URL patterns, the stop rule. */
package io.mathsieve.classifiers.iterate;
