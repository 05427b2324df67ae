package io.mathsieve.jobs.build;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.extract.ExtractorVersion;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.jobs.build.StageResults.Exported;
import io.mathsieve.jobs.build.StageResults.Iterated;
import io.mathsieve.jobs.build.StageResults.Selected;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.export.CorpusReason;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.JobSummary;
import io.mathsieve.jobs.run.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A finished build's {@code run.json}: the funnel from WARC records to corpus rows, every stage's
 * rejections by reason, the accounting check (records = corpus rows + rejections), and each stage's
 * result and time.
 */
final class BuildFunnel {
  private BuildFunnel() {}

  /** The results of the six stages, in order. */
  record Stages(ExtractSummary extract, Iterated iterate, Selected select, NearDedupSummary near, DecontamReport decontam, Exported export) {}

  static RunSummary summarize(Stages s, StageRunner runner, MathsieveConfig c, String configFingerprint, Instant started) {
    RunSummary summary = new RunSummary("build");
    ObjectNode root = summary.root();
    root.put("output", FlinkFiles.shown(runner.out()));
    root.put("started", started.toString());
    root.put("duration_seconds", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    Map<String, Long> rejections = new TreeMap<>();
    s.extract().rejections().forEach((k, v) -> rejections.merge(k, v, Long::sum));
    rejections.merge(ClassifyReason.NOT_COLLECTED.key(), s.select().notCollected(), Long::sum);
    rejections.merge(CorpusReason.FULL_TEXT_UNAVAILABLE.key(), s.select().fullTextUnavailable(), Long::sum);
    rejections.merge(DedupReason.NEAR.key(), s.near().droppedNearDuplicates(), Long::sum);
    // by reason, as the decontamination job counted them; the balance below checks them
    s.decontam().rejections().forEach((k, v) -> rejections.merge(k, v, Long::sum));
    rejections.values().removeIf(v -> v == 0);
    long records = s.extract().responseRecords() + s.extract().corruptRecords() + rejections.getOrDefault(WarcReason.UNREADABLE_FILE.key(), 0L);
    long extracted = s.extract().pages() + rejections.getOrDefault(DedupReason.URL.key(), 0L) + rejections.getOrDefault(DedupReason.EXACT.key(), 0L);
    ObjectNode funnel = root.putObject("funnel");
    funnel.put("warc_files", s.extract().inputFiles());
    funnel.put("response_records", records);
    funnel.put("pages_extracted", extracted);
    funnel.put("pages_after_url_exact_dedup", s.extract().pages());
    ArrayNode perIteration = funnel.putArray("collected_per_iteration");
    for (Iterated.Collection it : s.iterate().collected()) {
      perIteration.addObject().put("iteration", it.iteration()).put("pages", it.pages()).put("estimated_tokens", it.estimatedTokens())
          .put("new_pages", it.newPages());
    }
    funnel.put("collected", s.select().collected());
    funnel.put("after_near_dedup", s.near().kept());
    funnel.put("after_decontam", s.decontam().kept());
    funnel.put("corpus_rows", s.export().rows());
    funnel.put("corpus_tokens", s.export().tokens());
    ObjectNode rej = root.putObject("rejections");
    rejections.forEach(rej::put);
    long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
    ObjectNode accounting = root.putObject("accounting");
    accounting.put("response_records_and_unreadable_regions", records);
    accounting.put("corpus_rows_plus_rejections", s.export().rows() + rejected);
    accounting.put("balanced", records == s.export().rows() + rejected);
    ObjectNode stages = root.putObject("stages");
    Map<String, JobSummary> all = new LinkedHashMap<>();
    all.put("extract", s.extract());
    all.put("iterate", s.iterate());
    all.put("select", s.select());
    all.put("near-dedup", s.near());
    all.put("decontam", s.decontam());
    all.put("export", s.export());
    all.forEach((name, result) -> {
      ObjectNode n = stages.putObject(name);
      n.put("skipped", runner.skipped().contains(name));
      n.put("seconds", runner.seconds(name));
      n.set("summary", result.json());
    });
    root.put("extractor_version", ExtractorVersion.CURRENT);
    ObjectNode cfg = root.putObject("config");
    c.values().forEach(cfg::put);
    root.put("config_fingerprint", configFingerprint);
    return summary;
  }
}
