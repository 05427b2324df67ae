package io.mathsieve.jobs.export;

import io.mathsieve.jobs.config.ExportConfig;
import io.mathsieve.jobs.dedup.NearDedupRecords;
import io.mathsieve.jobs.extract.ExtractJob;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.store.Stores;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Writes the corpus for trainers, as a bounded Flink job: counts every row's tokens with the real
 * tokenizer, spreads rows over hash buckets of their doc id, and writes each bucket sorted by doc id
 * into zstd Parquet files of about {@code export.target-file-bytes} ({@link ShardWriter}). The
 * files are the same for the same rows whatever the parallelism.
 */
public final class ExportJob {
  /**
   * Corpus file bytes per byte of UTF-8 text: zstd compresses web text to about a third, and the
   * other columns add a little. Only sizes the bucket count; the files roll over by their real size.
   */
  static final double FILE_BYTES_PER_TEXT_BYTE = 0.35;

  private ExportJob() {}

  /** What the export wrote. */
  public record Result(List<CorpusFile> files, long rows, long tokens, int buckets, long sortSpills) {}

  /** Buckets for a corpus of {@code textBytes} bytes of UTF-8 text, or the configured count. */
  public static int buckets(long textBytes, ExportConfig config, int configured) {
    if (configured > 0) {
      return configured;
    }
    double fileBytes = textBytes * FILE_BYTES_PER_TEXT_BYTE;
    return (int) Math.max(1, Math.min(100_000, Math.ceil(fileBytes / config.targetFileBytes())));
  }

  /**
   * Exports {@code input} (a corpus-rows store) into {@code corpusDir}; {@code work} receives the
   * list of files written.
   */
  public static Result run(Path input, Path corpusDir, Path work, TokenizerSpec tokenizer, ExportConfig config, int buckets,
      String configFingerprint, Jobs jobs) throws Exception {
    return run(FlinkFiles.of(input), FlinkFiles.of(corpusDir), FlinkFiles.of(work), tokenizer, config, buckets, configFingerprint, jobs);
  }

  /** {@link #run(Path, Path, Path, TokenizerSpec, ExportConfig, int, String, int)} on any Flink file system. */
  public static Result run(org.apache.flink.core.fs.Path input, org.apache.flink.core.fs.Path corpusDir, org.apache.flink.core.fs.Path work,
      TokenizerSpec tokenizer, ExportConfig config, int buckets, String configFingerprint, Jobs jobs) throws Exception {
    OutputDirectory.prepare(corpusDir.getParent(), true, List.of(corpusDir.getName()));
    OutputDirectory.prepare(work, true, List.of("corpus_files"));
    FlinkFiles.mkdirs(corpusDir);
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<CorpusRow> rows = env.fromSource(StoreSource.of(() -> Stores.CORPUS, CorpusRow.class, input.toString(), null),
        WatermarkStrategy.noWatermarks(), "read-corpus").uid("read-corpus");
    final int b = buckets;
    DataStream<CorpusFile> files = rows.map(new TokenizeFunction(tokenizer, configFingerprint), TypeInformation.of(CorpusRow.class))
        .name("tokenize").uid("tokenize")
        .keyBy(r -> Math.floorMod(NearDedupRecords.node(r.docId()), b), Types.INT)
        .process(new ShardWriter(corpusDir.toString(), config.targetFileBytes(), config.effectiveRowGroupBytes(),
            config.sortMemoryBytes(),
            Map.of("mathsieve.config_fingerprint", configFingerprint, "mathsieve.tokenizer", tokenizer.name())),
            TypeInformation.of(CorpusFile.class))
        .name("write-shards").uid("write-shards");
    StoreSinks.write(files, () -> CorpusFile.STORE, new org.apache.flink.core.fs.Path(work, "corpus_files").toString(), Map.of());
    JobExecutionResult r = jobs.execute(env, "mathsieve export");
    List<CorpusFile> written = StoreReader.readAll(CorpusFile.STORE, new org.apache.flink.core.fs.Path(work, "corpus_files"));
    written = written.stream().sorted(Comparator.comparing(CorpusFile::file)).toList();
    Counts counts = Counts.of(r);
    return new Result(written, counts.get(Count.EXPORT_ROWS), counts.get(Count.EXPORT_TOKENS), buckets,
        counts.get(Count.EXPORT_SORT_SPILLS));
  }
}
