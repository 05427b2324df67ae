/** Reading WARC files: response records to HTML pages, everything else counted or rejected with a reason. */
package io.mathsieve.extract.warc;
