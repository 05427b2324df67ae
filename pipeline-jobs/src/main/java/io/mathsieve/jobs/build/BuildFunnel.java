package io.mathsieve.jobs.build;

import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.extract.ExtractorVersion;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.jobs.build.StageResults.Exported;
import io.mathsieve.jobs.build.StageResults.Selected;
import io.mathsieve.jobs.config.MathsieveConfig;
import io.mathsieve.jobs.decontam.DecontamReport;
import io.mathsieve.jobs.dedup.NearDedupSummary;
import io.mathsieve.jobs.export.CorpusReason;
import io.mathsieve.jobs.extract.ExtractSummary;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.JobSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums the six stages' results into the build's {@link BuildSummary}: the funnel, the rejections of
 * every stage by reason, and the accounting check.
 */
final class BuildFunnel {
  private BuildFunnel() {}

  /** The results of the six stages, in order. */
  record Stages(ExtractSummary extract, Iterated iterate, Selected select, NearDedupSummary near, DecontamReport decontam, Exported export) {}

  static BuildSummary summarize(Stages s, StageRunner runner, MathsieveConfig c, String configFingerprint, Instant started) {
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
    BuildSummary.Funnel funnel = new BuildSummary.Funnel(s.extract().inputFiles(), records, extracted, s.extract().pages(), s.iterate().collected(),
        s.select().collected(), s.near().kept(), s.decontam().kept(), s.export().rows(), s.export().tokens());
    long rejected = rejections.values().stream().mapToLong(Long::longValue).sum();
    BuildSummary.Accounting accounting = new BuildSummary.Accounting(records, s.export().rows() + rejected, records == s.export().rows() + rejected);
    Map<String, JobSummary> all = new LinkedHashMap<>();
    all.put("extract", s.extract());
    all.put("iterate", s.iterate());
    all.put("select", s.select());
    all.put("near-dedup", s.near());
    all.put("decontam", s.decontam());
    all.put("export", s.export());
    Map<String, BuildSummary.Stage> stages = new LinkedHashMap<>();
    all.forEach((name, result) -> stages.put(name, new BuildSummary.Stage(runner.skipped().contains(name), runner.seconds(name), result.json())));
    return new BuildSummary("build", FlinkFiles.shown(runner.out()), started.toString(), Duration.between(started, Instant.now()).toMillis() / 1000.0,
        funnel, rejections, accounting, stages, ExtractorVersion.CURRENT, c.values(), configFingerprint);
  }
}
