package io.mathsieve.jobs.config;

import io.mathsieve.config.ConfigOption;
import io.mathsieve.config.Fingerprint;
import io.mathsieve.config.Settings;
import io.mathsieve.classifiers.iterate.IterateConfig;
import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.decontam.DecontamConfig;
import io.mathsieve.dedup.DedupConfig;
import io.mathsieve.extract.ExtractConfig;
import io.mathsieve.extract.warc.WarcConfig;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one typed configuration of a mathsieve run: every stage's settings, built and checked before
 * anything runs. Unknown keys are an error naming the file and line (or flag) they came from.
 *
 * <pre>{@code
 * MathsieveConfig c = MathsieveConfig.from(Settings.read(Path.of("run.conf")).overriddenBy(flags));
 * c.extract().maxDomDepth();
 * }</pre>
 */
public record MathsieveConfig(
    WarcConfig warc, ExtractConfig extract, DedupConfig dedup, PagesConfig pages, ClassifierConfig classifier, IterateConfig iterate,
    DecontamConfig decontam, ExportConfig export, io.mathsieve.jobs.incremental.IncrementalConfig incremental) implements Serializable {

  /** Every option of every stage, in data-flow order: the configuration reference is generated from this. */
  public static List<ConfigOption<?>> options() {
    List<ConfigOption<?>> all = new ArrayList<>();
    all.addAll(WarcConfig.OPTIONS);
    all.addAll(ExtractConfig.OPTIONS);
    all.addAll(DedupConfig.OPTIONS);
    all.addAll(PagesConfig.OPTIONS);
    all.addAll(ClassifierConfig.OPTIONS);
    all.addAll(IterateConfig.OPTIONS);
    all.addAll(DecontamConfig.OPTIONS);
    all.addAll(ExportConfig.OPTIONS);
    all.addAll(io.mathsieve.jobs.incremental.IncrementalConfig.OPTIONS);
    return Collections.unmodifiableList(all);
  }

  public static MathsieveConfig from(Settings settings) {
    settings.checkKnown(options());
    return new MathsieveConfig(WarcConfig.from(settings), ExtractConfig.from(settings), DedupConfig.from(settings), PagesConfig.from(settings),
        ClassifierConfig.from(settings), IterateConfig.from(settings), DecontamConfig.from(settings),
        ExportConfig.from(settings), io.mathsieve.jobs.incremental.IncrementalConfig.from(settings));
  }

  public static MathsieveConfig defaults() {
    return from(Settings.empty());
  }

  /** Effective value of every option. */
  public Map<String, String> values() {
    Map<String, String> v = new LinkedHashMap<>();
    v.putAll(warc.values());
    v.putAll(extract.values());
    v.putAll(dedup.values());
    v.putAll(pages.values());
    v.putAll(classifier.values());
    v.putAll(iterate.values());
    v.putAll(decontam.values());
    v.putAll(export.values());
    v.putAll(incremental.values());
    return v;
  }

  /** Fingerprint of the settings that shape the pages store. */
  public String extractFingerprint() {
    Map<String, String> v = new LinkedHashMap<>();
    v.putAll(warc.values());
    v.putAll(extract.values());
    v.put(DedupConfig.URL.key(), String.valueOf(dedup.url()));
    v.put(DedupConfig.STRIP_WWW.key(), String.valueOf(dedup.stripWww()));
    v.put(DedupConfig.EXACT.key(), String.valueOf(dedup.exact()));
    v.putAll(pages.values());
    return Fingerprint.of(v);
  }
}
