/** Charset detection and decoding of HTML bodies. */
package io.mathsieve.extract.charset;
