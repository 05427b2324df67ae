package io.mathsieve.jobs.export;

import io.mathsieve.schemas.store.StoreSchema;
import java.io.Serializable;

/**
 * One corpus file as written: what the manifest lists.
 *
 * @param file its name under {@code corpus/}
 * @param bucket the hash bucket of its rows
 * @param sequence its place among the bucket's files
 * @param rows rows in it
 * @param tokens the sum of their token counts
 * @param bytes its size
 * @param sha256 the SHA-256 of its bytes
 * @param firstDocId the smallest doc id in it
 * @param lastDocId the largest doc id in it
 */
public record CorpusFile(String file, int bucket, int sequence, long rows, long tokens, long bytes, String sha256, String firstDocId,
    String lastDocId) implements Serializable {

  /** The export's record of the files it wrote (a work store, read back for the manifest). */
  static final StoreSchema<CorpusFile> STORE =
      StoreSchema.<CorpusFile>builder("corpus_files", 1, "The corpus files written by the export, for the manifest.")
          .string("file", "File name under corpus/.", CorpusFile::file)
          .int32("bucket", "Hash bucket.", CorpusFile::bucket)
          .int32("sequence", "Place in the bucket.", CorpusFile::sequence)
          .int64("rows", "Rows.", CorpusFile::rows)
          .int64("tokens", "Tokens.", CorpusFile::tokens)
          .int64("bytes", "Bytes.", CorpusFile::bytes)
          .string("sha256", "SHA-256.", CorpusFile::sha256)
          .string("first_doc_id", "Smallest doc id.", CorpusFile::firstDocId)
          .string("last_doc_id", "Largest doc id.", CorpusFile::lastDocId)
          .build(r -> new CorpusFile(r.string("file"), r.int32("bucket"), r.int32("sequence"), r.int64("rows"), r.int64("tokens"),
              r.int64("bytes"), r.string("sha256"), r.string("first_doc_id"), r.string("last_doc_id")));
}
