package io.mathsieve.jobs.build;

import io.mathsieve.decontam.benchmarks.BenchmarkFileException;
import io.mathsieve.jobs.classify.IterateDriver;
import io.mathsieve.jobs.classify.SeedFiles;
import io.mathsieve.jobs.decontam.DecontamJob;
import io.mathsieve.jobs.run.FlinkFiles;
import io.mathsieve.jobs.run.OutputDirectory;
import io.mathsieve.jobs.run.UserError;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.fs.Path;

/** What a build checks before its first job, so that a user's mistake fails in seconds, not after an hour of extraction. */
final class BuildPreflight {
  private BuildPreflight() {}

  /** Checks the output and every input a stage could fail on, before the first job runs; clears a fresh build. */
  static Path prepare(BuildDriver.Request r) throws IOException {
    Path out = r.output();
    if (FlinkFiles.exists(out) && !FlinkFiles.isDirectory(out)) {
      throw new UserError("output " + FlinkFiles.shown(out) + " exists and is not a directory");
    }
    if (FlinkFiles.isDirectory(out) && !FlinkFiles.isDirectory(new Path(out, "stages")) && !FlinkFiles.list(out).isEmpty()) {
      throw new UserError("output " + FlinkFiles.shown(out)
          + " is not empty and holds no earlier build (no stages/ in it); choose an empty or new --output");
    }
    if (r.options().fresh()) {
      for (String entry : List.of("stages", "rejections", "corpus", "manifest.json", "run.json")) {
        OutputDirectory.delete(new Path(out, entry));
      }
    }
    FlinkFiles.mkdirs(new Path(out, "stages"));
    SeedFiles.inspect(r.inputs().examples().seeds());
    for (java.nio.file.Path n : r.inputs().examples().negatives()) {
      SeedFiles.inspectNegatives(n);
    }
    if (r.inputs().examples().annotations() != null) {
      IterateDriver.readAnnotations(r.inputs().examples().annotations());
    }
    if (r.inputs().examples().labels() != null) {
      IterateDriver.readLabels(r.inputs().examples().labels());
    }
    return out;
  }

  /** The benchmark index: small and quick, so built first, and a bad benchmark file fails before any job. */
  static Path benchmarkIndex(BuildDriver.Request r, Path out) throws IOException {
    Path index = new Path(out, "stages/benchmarks.idx");
    try {
      DecontamJob.buildIndex(r.inputs().benchmarks(), List.of(), false, r.config().decontam(), index);
    } catch (BenchmarkFileException e) {
      throw new UserError(e.getMessage(), e);
    }
    return index;
  }
}
