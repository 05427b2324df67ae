package io.mathsieve.jobs.dedup;

import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.jobs.dedup.NearDedupRecords.Assignment;
import io.mathsieve.jobs.dedup.NearDedupRecords.BandMember;
import io.mathsieve.jobs.dedup.NearDedupRecords.Decision;
import io.mathsieve.jobs.dedup.NearDedupRecords.Edge;
import io.mathsieve.jobs.dedup.NearDedupRecords.HalfEdge;
import io.mathsieve.jobs.dedup.NearDedupRecords.Member;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeInfo;
import io.mathsieve.jobs.dedup.NearDedupRecords.NodeShingles;
import io.mathsieve.jobs.run.Count;
import io.mathsieve.jobs.run.Counts;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.Jobs;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.store.DocAdapter;
import io.mathsieve.jobs.store.StoreReader;
import io.mathsieve.jobs.store.StoreRef;
import io.mathsieve.jobs.store.StoreSinks;
import io.mathsieve.jobs.store.StoreSource;
import io.mathsieve.schemas.StoredDocument;
import io.mathsieve.schemas.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * MinHash LSH near-dedup of a store, as a few bounded Flink jobs:
 *
 * <ol>
 *   <li>sketch: each document's signature gives one membership per LSH band; each bucket links its
 *       members to its smallest one when their 8-bit signature sketches agree enough (a star per
 *       bucket, k-1 edges for k members); optionally each link is then verified with the exact
 *       Jaccard similarity of the two shingle sets ({@link VerifyFunctions});
 *   <li>components: Large-Star / Small-Star rounds ({@link StarFunctions}) until every component is
 *       a star around its smallest node, each round one distributed job;
 *   <li>resolve: each cluster keeps its highest-scoring member (then earliest fetch, smallest id);
 *       the rest become {@code dedup/near} rejections naming the kept document.
 * </ol>
 *
 * Writes {@code OUT/<store>} (kept rows, same schema as the input), {@code OUT/clusters},
 * {@code OUT/rejections} and {@code OUT/dedup.json} (the setting, its S-curve, the counts).
 */
public final class NearDedupJob {
  /** Upper bound on component rounds; real clusters converge in a handful (O(log n)). */
  static final int MAX_ROUNDS = 40;

  private NearDedupJob() {}

  public static <T extends StoredDocument> NearDedupSummary run(StoreRef<T> store, Class<T> type, DocAdapter<T> adapter, java.nio.file.Path input, java.nio.file.Path output,
      DedupConfig config, Jobs jobs, boolean overwrite) throws Exception {
    return run(store, type, adapter, FlinkFiles.of(input), FlinkFiles.of(output), config, jobs, overwrite);
  }

  /** Near-dedup of the store at {@code input} into {@code output}, on any Flink file system. */
  public static <T extends StoredDocument> NearDedupSummary run(
      StoreRef<T> store, Class<T> type, DocAdapter<T> adapter, Path input, Path output, DedupConfig config, Jobs jobs, boolean overwrite)
      throws Exception {
    String storeName = store.get().name();
    OutputDirectory.prepare(output, overwrite, List.of(storeName, "clusters", "rejections", "dedup.json", ".work"));
    Instant started = Instant.now();
    Path work = new Path(output, ".work");
    TypeInformation<T> typeInfo = TypeInformation.of(type);

    // 1. Sketch and bucket: candidate edges, and every document's node info.
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<T> rows = env.fromSource(StoreSource.of(store, type, input.toString(), null), WatermarkStrategy.noWatermarks(), "read-" + storeName)
        .uid("read-" + storeName);
    SingleOutputStreamOperator<BandMember> members =
        rows.process(new SketchFunction<>(config.minHash(), adapter, config.exactJaccard()), TypeInformation.of(BandMember.class))
            .name("sketch").uid("sketch");
    DataStream<Edge> edges = members.keyBy(BandMember::bucket, Types.LONG).process(new BucketFunction(config.minSimilarity()), TypeInformation.of(Edge.class))
        .name("lsh-buckets").uid("lsh-buckets");
    if (config.exactJaccard()) {
      DataStream<NodeShingles> sets = members.getSideOutput(SketchFunction.SHINGLES);
      DataStream<HalfEdge> half = edges.keyBy(Edge::a, Types.LONG).connect(sets.keyBy(NodeShingles::node, Types.LONG))
          .process(new VerifyFunctions.AttachFirst(), TypeInformation.of(HalfEdge.class)).name("exact-jaccard-first-end").uid("exact-jaccard-first-end");
      edges = half.keyBy(HalfEdge::b, Types.LONG).connect(sets.keyBy(NodeShingles::node, Types.LONG))
          .process(new VerifyFunctions.CompareSecond(config.minSimilarity()), TypeInformation.of(Edge.class)).name("exact-jaccard").uid("exact-jaccard");
    }
    StoreSinks.write(edges, () -> WorkStores.EDGES, new Path(work, "edges-0").toString(), Map.of());
    StoreSinks.write(members.getSideOutput(SketchFunction.NODES), () -> WorkStores.NODES, new Path(work, "nodes").toString(), Map.of());
    JobExecutionResult sketch = jobs.execute(env, "mathsieve near-dedup: sketch");

    // 2. Connected components.
    int round = 0;
    Path current = new Path(work, "edges-0");
    while (hasRows(current)) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("near-dedup components did not converge in " + MAX_ROUNDS + " rounds");
      }
      Path next = new Path(work, "edges-" + (round + 1));
      long notStar = componentsRound(current, next, jobs);
      current = next;
      round++;
      if (notStar == 0) {
        break;
      }
    }

    // 3. Resolve clusters and write the outputs.
    StreamExecutionEnvironment env3 = jobs.batchEnvironment();
    DataStream<Assignment> assignments;
    if (hasRows(current)) {
      assignments = env3.fromSource(StoreSource.of(() -> WorkStores.EDGES, Edge.class, current.toString(), null),
              WatermarkStrategy.noWatermarks(), "read-stars").uid("read-stars")
          .flatMap((FlatMapFunction<Edge, Assignment>) (e, out) -> {
            out.collect(new Assignment(Math.max(e.a(), e.b()), Math.min(e.a(), e.b())));
            out.collect(new Assignment(Math.min(e.a(), e.b()), Math.min(e.a(), e.b())));
          }, TypeInformation.of(Assignment.class)).name("assign").uid("assign");
    } else { // no candidate pair at all: the edges store was never written, and no page is in a cluster
      assignments = env3.fromData(Assignment.class, new Assignment(Long.MIN_VALUE, Long.MIN_VALUE)).filter(a -> false).name("no-clusters");
    }
    DataStream<NodeInfo> nodes = env3.fromSource(StoreSource.of(() -> WorkStores.NODES, NodeInfo.class, new Path(work, "nodes").toString(), null),
        WatermarkStrategy.noWatermarks(), "read-nodes").uid("read-nodes");
    DataStream<Member> clustered = assignments.keyBy(Assignment::node, Types.LONG).connect(nodes.keyBy(NodeInfo::node, Types.LONG))
        .process(new ClusterFunctions.MemberJoin(), TypeInformation.of(Member.class)).name("members").uid("members");
    DataStream<Decision> decisions = clustered.keyBy(Member::root, Types.LONG).process(new ClusterFunctions.Decide(), TypeInformation.of(Decision.class))
        .name("decide").uid("decide");
    DataStream<T> full = env3.fromSource(StoreSource.of(store, type, input.toString(), null), WatermarkStrategy.noWatermarks(), "reread-" + storeName)
        .uid("reread-" + storeName);
    SingleOutputStreamOperator<T> kept = full.keyBy(r -> NearDedupRecords.node(adapter.docId(r)), Types.LONG)
        .connect(decisions.keyBy(Decision::node, Types.LONG))
        .process(new ClusterFunctions.Apply<>(adapter, typeInfo), typeInfo).name("apply").uid("apply");
    StoreSinks.write(kept, store, new Path(output, storeName).toString(), Map.of("mathsieve.config_fingerprint", config.fingerprint()));
    StoreSinks.write(kept.getSideOutput(ClusterFunctions.Apply.CLUSTERS), () -> Stores.CLUSTERS, new Path(output, "clusters").toString(), Map.of());
    StoreSinks.write(kept.getSideOutput(ClusterFunctions.Apply.REJECTIONS), () -> Stores.REJECTIONS, new Path(output, "rejections").toString(), Map.of());
    JobExecutionResult resolve = jobs.execute(env3, "mathsieve near-dedup: resolve");

    Counts counts = Counts.of(resolve);
    Counts sketched = Counts.of(sketch);
    long total = sketched.get(Count.NEAR_TOTAL);
    long forwarded = counts.get(Count.NEAR_FORWARDED);
    long dropped = counts.dropped(DedupReason.NEAR);
    long clusters = counts.get(Count.NEAR_CLUSTERS);
    Map<String, Double> curve = new LinkedHashMap<>();
    for (double j : new double[] {0.5, 0.7, 0.8, 0.9}) {
      curve.put(String.valueOf(j), Math.round(config.minHash().catchProbability(j) * 1000) / 1000.0);
    }
    boolean exact = config.exactJaccard();
    NearDedupSummary summary = new NearDedupSummary("dedup", FlinkFiles.shown(input), FlinkFiles.shown(output), started.toString(),
        Duration.between(started, Instant.now()).toMillis() / 1000.0, config.minHash().describe(), curve,
        Math.round(config.minHash().threshold() * 1000) / 1000.0, config.minSimilarity(), total, forwarded, dropped, clusters,
        counts.get(Count.NEAR_NODE_COLLISIONS), sketched.get(Count.NEAR_CANDIDATE_PAIRS), sketched.get(Count.NEAR_PAIRS_BELOW_SIMILARITY), exact,
        exact ? sketched.get(Count.NEAR_PAIRS_EXACT_VERIFIED) : null, exact ? sketched.get(Count.NEAR_PAIRS_BELOW_EXACT_JACCARD) : null, round,
        config.values(), config.fingerprint());
    summary.write(new Path(output, "dedup.json"));
    OutputDirectory.delete(work);
    return summary;
  }

  /** One Large-Star + Small-Star round; returns how many nodes are not yet in a star. */
  static long componentsRound(Path in, Path out, Jobs jobs) throws Exception {
    StreamExecutionEnvironment env = jobs.batchEnvironment();
    DataStream<Edge> edges = env.fromSource(StoreSource.of(() -> WorkStores.EDGES, Edge.class, in.toString(), null),
        WatermarkStrategy.noWatermarks(), "read-edges").uid("read-edges");
    DataStream<Edge> large = bothWays(edges, "large").keyBy(Edge::a, Types.LONG)
        .process(new StarFunctions.LargeStar(), TypeInformation.of(Edge.class)).name("large-star").uid("large-star");
    DataStream<Edge> small = bothWays(large, "small").keyBy(Edge::a, Types.LONG)
        .process(new StarFunctions.SmallStar(), TypeInformation.of(Edge.class)).name("small-star").uid("small-star");
    DataStream<Edge> checked = bothWays(small, "check").keyBy(Edge::a, Types.LONG)
        .process(new StarFunctions.StarCheck(), TypeInformation.of(Edge.class)).name("star-check").uid("star-check");
    StoreSinks.write(checked, () -> WorkStores.EDGES, out.toString(), Map.of());
    JobExecutionResult r = jobs.execute(env, "mathsieve near-dedup: components");
    return Counts.of(r).get(Count.NEAR_CC_NOT_STAR);
  }

  private static DataStream<Edge> bothWays(DataStream<Edge> edges, String name) {
    return edges.flatMap((FlatMapFunction<Edge, Edge>) (e, out) -> {
      out.collect(e);
      out.collect(new Edge(e.b(), e.a()));
    }, TypeInformation.of(Edge.class)).name("both-ways-" + name).uid("both-ways-" + name);
  }

  /** Whether an edges store has a row, from its Parquet footers through Flink's file system (any scheme, no data read). */
  private static boolean hasRows(Path store) throws java.io.IOException {
    return StoreReader.rowCount(store) > 0;
  }



}
