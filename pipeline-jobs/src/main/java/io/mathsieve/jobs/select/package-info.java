/** Select: the collected pages joined with the final scores, given their full text from the WARC record when the pages store kept a prefix. */
package io.mathsieve.jobs.select;
