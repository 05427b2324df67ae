package io.mathsieve.jobs.cli;

import io.mathsieve.jobs.report.RunReport;
import io.mathsieve.jobs.run.FlinkFiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mathsieve report}: (re)writes the HTML report of a finished build. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes DIR/report.html for a finished build: one self-contained page (no network) with the funnel, rejections with",
      "examples, score histograms per iteration, domains and URL patterns, formulas and languages, decontamination and sample documents.",
      "build writes it at the end; this rebuilds it."})
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--run", required = true, paramLabel = "DIR", description = "The build directory (a local path or s3://bucket/prefix).")
  String run;

  @Override
  public Integer call() throws Exception {
    System.out.println("report: " + FlinkFiles.shown(RunReport.write(FlinkFiles.location(run))));
    return 0;
  }
}
