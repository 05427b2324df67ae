/** HTML pages to text documents: the per-page extraction stage and its drop reasons. */
package io.mathsieve.extract;
