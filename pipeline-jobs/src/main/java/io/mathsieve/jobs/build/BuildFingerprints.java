package io.mathsieve.jobs.build;

import io.mathsieve.config.Fingerprint;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.config.ExportConfig;
import io.mathsieve.jobs.config.MathsieveConfig;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each stage's fingerprint: its settings, its input files and the fingerprint of the stage before
 * it, so a changed setting re-runs the stage it affects and every stage after.
 */
record BuildFingerprints(String config, String extract, String iterate, String select, String nearDedup, String decontam, String export) {
  static BuildFingerprints of(BuildDriver.Request r, Collection<String> warcLocations, String tokenizerVersion) {
    MathsieveConfig c = r.config();
    BuildDriver.Inputs in = r.inputs();
    IterateDriver.Examples e = in.examples();
    String extract = chain("", c.extractFingerprint(), InputFingerprint.of("warc", warcLocations));
    Map<String, String> iterateSettings = new TreeMap<>(c.classifier().values());
    iterateSettings.putAll(c.iterate().values());
    iterateSettings.put("tokenizer", tokenizerVersion);
    iterateSettings.put(ExportConfig.TOKEN_SAMPLE_PAGES.key(), String.valueOf(c.export().tokenSamplePages()));
    String iterate = chain(extract, Fingerprint.of(iterateSettings), InputFingerprint.of("seed", paths(e.seeds())),
        InputFingerprint.of("negatives", paths(e.negatives())), InputFingerprint.of("annotations", paths(optional(e.annotations()))),
        InputFingerprint.of("labels", paths(optional(e.labels()))));
    String select = chain(iterate, Fingerprint.of(c.warc().values()));
    String near = chain(select, c.dedup().fingerprint());
    String decontam = chain(near, c.decontam().fingerprint(), InputFingerprint.of("benchmarks", paths(in.benchmarks())));
    String export = chain(decontam, Fingerprint.of(c.export().values()), tokenizerVersion, String.valueOf(r.options().exportBuckets()));
    return new BuildFingerprints(Fingerprint.of(c.values()), extract, iterate, select, near, decontam, export);
  }

  static String chain(String... parts) {
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < parts.length; i++) {
      m.put(String.format(Locale.ROOT, "%02d", i), parts[i]);
    }
    return Fingerprint.of(m);
  }

  static List<String> paths(List<java.nio.file.Path> ps) {
    return ps.stream().map(java.nio.file.Path::toString).toList();
  }

  private static List<java.nio.file.Path> optional(java.nio.file.Path p) {
    return p == null ? List.of() : List.of(p);
  }
}
