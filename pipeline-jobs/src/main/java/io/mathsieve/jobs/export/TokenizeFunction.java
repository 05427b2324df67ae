package io.mathsieve.jobs.export;

import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.CorpusRow;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/** Counts each corpus row's tokens with the run's tokenizer (one per TaskManager process) and stamps the run's config fingerprint. */
public final class TokenizeFunction extends RichMapFunction<CorpusRow, CorpusRow> {
  private final TokenizerSpec spec;
  private final String configFingerprint;
  private transient CorpusTokenizer tokenizer;
  private transient StageCounters counters;

  public TokenizeFunction(TokenizerSpec spec, String configFingerprint) {
    this.spec = spec;
    this.configFingerprint = configFingerprint;
  }

  @Override
  public void open(OpenContext context) {
    tokenizer = TokenizerCache.get(spec);
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public CorpusRow map(CorpusRow row) {
    int tokens = tokenizer.count(row.text());
    counters.inc(Count.EXPORT_ROWS);
    counters.add(Count.EXPORT_TOKENS, tokens);
    return row.withExport(tokens, tokenizer.name(), configFingerprint);
  }
}
