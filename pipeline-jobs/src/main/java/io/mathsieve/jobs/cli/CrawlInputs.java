package io.mathsieve.jobs.cli;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.jobs.run.UserError;
import io.mathsieve.jobs.source.InputResolver;
import io.mathsieve.jobs.source.PathsList;
import io.mathsieve.jobs.source.WarcSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The WARC inputs of a command: {@code --input} paths, URLs and lists, and the {@code --crawl} shortcut. */
public final class CrawlInputs {
  @Option(names = "--input", arity = "1..*", paramLabel = "WARC",
      description = "WARC or ARC files, directories or globs (*.warc, *.warc.gz, *.arc, *.arc.gz); http(s):// or s3:// URLs; or warc.paths(.gz) lists (local or URL).")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--crawl", paramLabel = "CC-MAIN-YYYY-WW",
      description = "A Common Crawl dump: its warc.paths.gz under warc.paths-prefix (https://data.commoncrawl.org/ by default).")
  String crawl;

  @Option(names = "--segments", paramLabel = "N", description = "With --crawl: only the first N segments (default 1; a dump has 100).")
  int segments = 1;

  @Option(names = "--strict", description = "Fail on a file under an input directory that is not read (WAT/WET, unsupported compression, not a crawl file), instead of reporting and skipping it.")
  boolean strict;

  /** The files to read, sorted; a user error when there are none. */
  List<WarcSplit> resolve(WarcConfig config) {
    if (inputs.isEmpty() && crawl == null) {
      throw new UserError("no input given: pass --input with WARC files, a directory, a glob, URLs or a warc.paths.gz list, or --crawl");
    }
    TreeMap<String, WarcSplit> all = new TreeMap<>();
    if (!inputs.isEmpty()) {
      InputResolver.resolve(inputs, config, strict).forEach(s -> all.put(s.name(), s));
    }
    if (crawl != null) {
      if (segments < 1) {
        throw new UserError("--segments must be at least 1, got " + segments);
      }
      for (PathsList.Entry e : PathsList.firstSegments(PathsList.read(PathsList.ofCrawl(crawl, config), config), segments)) {
        all.put(e.name(), WarcSplit.of(e.location(), e.name()));
      }
    }
    return new ArrayList<>(all.values());
  }
}
