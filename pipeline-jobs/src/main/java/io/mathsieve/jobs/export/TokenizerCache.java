package io.mathsieve.jobs.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One loaded tokenizer per TaskManager process and spec, shared by every subtask: loading the
 * DeepSeek-V3 vocabulary takes a second and tens of MB, which should not happen per slot or per
 * record.
 */
public final class TokenizerCache {
  private static final Map<TokenizerSpec, CorpusTokenizer> LOADED = new HashMap<>();

  private TokenizerCache() {}

  public static synchronized CorpusTokenizer get(TokenizerSpec spec) {
    CorpusTokenizer t = LOADED.get(spec);
    if (t == null) {
      try {
        t = spec.load();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load tokenizer " + spec.name() + " from " + spec.location(), e);
      }
      LOADED.put(spec, t);
    }
    return t;
  }
}
