/** Column layouts of the Parquet stores, shared by writers, readers and the schema docs. */
package io.mathsieve.schemas.store;
