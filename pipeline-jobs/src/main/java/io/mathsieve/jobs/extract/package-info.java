/** The extract job: WARC files to the pages, rejections and files stores. */
package io.mathsieve.jobs.extract;
