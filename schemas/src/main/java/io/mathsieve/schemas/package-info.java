/** The records passed between mathsieve's stages, and the rejection and filter-result types. */
package io.mathsieve.schemas;
