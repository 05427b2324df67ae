/** The corpus files: token counts with the real tokenizer, hash buckets sorted by doc id within a memory cap, zstd Parquet shards with digests, and the manifest. */
package io.mathsieve.jobs.export;
