package io.mathsieve.jobs.incremental;

import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.dedup.minhash.MinHasher;
import io.mathsieve.dedup.minhash.NearDupSketcher;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.Rejection;
import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Near-dedup of a stream against every document before it, with the batch MinHash LSH: each
 * document's band keys go to keyed state (one key per band); a band already held by an earlier
 * document whose signature agrees enough ({@code dedup.near.min-similarity}) makes it a
 * near-duplicate of that one. The document waits, keyed by its id, until all its bands answered.
 */
public final class NearDupHistory {
  private NearDupHistory() {}

  public static final OutputTag<Rejection> REJECTIONS = new OutputTag<>("near-history-rejections", TypeInformation.of(Rejection.class));
  public static final OutputTag<BandEntry> BANDS = new OutputTag<>("bands", TypeInformation.of(BandEntry.class));

  /** A document waiting for its bands' answers; {@code bands} is 0 when it has no shingles. */
  public record Pending(CorpusRow row, int bands) implements Serializable {}

  /** One band of one document, with its signature's low bits for the similarity check. */
  public record BandEntry(long band, String docId, byte[] sketch, boolean register) implements Serializable {}

  /** A band's answer: the earlier document holding it that is similar enough, or empty. */
  public record BandVerdict(String docId, String duplicateOf) implements Serializable {}

  /** The band owner: who registered the band first, its sketch, and whether it came from a bootstrapped corpus. */
  public record Owner(String docId, byte[] sketch, boolean bootstrapped) implements Serializable {}

  /** Sketches each row: the row (as Pending) on the main output, its bands on {@link #BANDS}. */
  public static final class Sketch extends ProcessFunction<CorpusRow, Pending> {
    private final DedupConfig config;
    private transient NearDupSketcher sketcher;

    public Sketch(DedupConfig config) {
      this.config = config;
    }

    @Override
    public void open(OpenContext context) {
      sketcher = new NearDupSketcher(config.minHash());
    }

    @Override
    public void processElement(CorpusRow row, Context ctx, Collector<Pending> out) {
      if (!sketcher.sketch(row.text())) {
        out.collect(new Pending(row, 0));
        return;
      }
      byte[] bits = MinHasher.lowBits(sketcher.signature());
      long[] keys = sketcher.bandKeys();
      for (long key : keys) {
        ctx.output(BANDS, new BandEntry(key, row.docId(), bits, false));
      }
      out.collect(new Pending(row, keys.length));
    }
  }

  /** Keyed by band: the first document to hold it owns it; later similar ones are its near-duplicates. */
  public static final class Bands extends KeyedProcessFunction<Long, BandEntry, BandVerdict> {
    private final double minSimilarity;
    private final Duration ttl;
    private transient ValueState<Owner> owner;

    public Bands(double minSimilarity, Duration ttl) {
      this.minSimilarity = minSimilarity;
      this.ttl = ttl;
    }

    @Override
    public void open(OpenContext context) {
      ValueStateDescriptor<Owner> d = new ValueStateDescriptor<>("owner", TypeInformation.of(Owner.class));
      if (!ttl.isZero()) {
        d.enableTimeToLive(StateTtlConfig.newBuilder(ttl).build());
      }
      owner = getRuntimeContext().getState(d);
    }

    @Override
    public void processElement(BandEntry e, Context ctx, Collector<BandVerdict> out) throws Exception {
      Owner o = owner.value();
      String duplicateOf = "";
      if (o == null) {
        owner.update(new Owner(e.docId(), e.sketch(), e.register()));
      } else if (o.docId().equals(e.docId())) {
        // The same document again: a duplicate only of a bootstrapped corpus (it is already in it).
        duplicateOf = o.bootstrapped() && !e.register() ? o.docId() : "";
      } else if (MinHasher.estimatedJaccard(o.sketch(), e.sketch()) >= minSimilarity) {
        duplicateOf = o.docId();
      }
      if (!e.register()) {
        out.collect(new BandVerdict(e.docId(), duplicateOf));
      }
    }
  }

  /** Keyed by doc id: the document and its bands' verdicts; forwards it or rejects it as a near-duplicate. */
  public static final class Decide extends KeyedCoProcessFunction<String, Pending, BandVerdict, CorpusRow> {
    private transient ValueState<Pending> pending;
    private transient ValueState<Integer> answered;
    private transient ValueState<String> duplicateOf;
    private transient StageCounters counters;

    @Override
    public void open(OpenContext context) {
      pending = getRuntimeContext().getState(new ValueStateDescriptor<>("pending", TypeInformation.of(Pending.class)));
      answered = getRuntimeContext().getState(new ValueStateDescriptor<>("answered", Types.INT));
      duplicateOf = getRuntimeContext().getState(new ValueStateDescriptor<>("duplicate-of", Types.STRING));
      counters = new StageCounters(getRuntimeContext());
    }

    @Override
    public void processElement1(Pending p, Context ctx, Collector<CorpusRow> out) throws Exception {
      pending.update(p);
      decide(ctx, out);
    }

    @Override
    public void processElement2(BandVerdict v, Context ctx, Collector<CorpusRow> out) throws Exception {
      Integer n = answered.value();
      answered.update(n == null ? 1 : n + 1);
      if (!v.duplicateOf().isEmpty() && duplicateOf.value() == null) {
        duplicateOf.update(v.duplicateOf());
      }
      decide(ctx, out);
    }

    private void decide(Context ctx, Collector<CorpusRow> out) throws Exception {
      Pending p = pending.value();
      Integer n = answered.value();
      if (p == null || (n == null ? 0 : n) < p.bands()) {
        return;
      }
      String dup = duplicateOf.value();
      pending.clear();
      answered.clear();
      duplicateOf.clear();
      counters.inc(Count.NEAR_TOTAL);
      if (dup == null) {
        counters.inc(Count.NEAR_FORWARDED);
        out.collect(p.row());
      } else {
        Rejection r = p.row().reject(DedupReason.NEAR, "near-duplicate of " + dup + " (seen before)");
        counters.dropped(r);
        ctx.output(REJECTIONS, r);
      }
    }
  }
}
