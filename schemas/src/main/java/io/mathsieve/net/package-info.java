/** Remote reads: one backoff policy and one file download with retries, for every stage that fetches. */
package io.mathsieve.net;
