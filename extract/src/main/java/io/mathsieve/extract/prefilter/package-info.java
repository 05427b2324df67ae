/** The cheap look at raw HTML that decides whether a page is worth parsing: strong math signals pass, weak ones alone do not. */
package io.mathsieve.extract.prefilter;
