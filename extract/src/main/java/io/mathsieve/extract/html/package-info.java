/** HTML to readable text with math kept as LaTeX, and boilerplate removal. */
package io.mathsieve.extract.html;
