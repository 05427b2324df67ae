/** A deterministic generator of realistic sample WARC files, with a manifest of what each record should become. */
package io.mathsieve.samples;
