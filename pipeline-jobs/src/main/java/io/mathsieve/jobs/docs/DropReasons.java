package io.mathsieve.jobs.docs;

import io.mathsieve.classifiers.iterate.ClassifyReason;
import io.mathsieve.decontam.DecontamReason;
import io.mathsieve.dedup.DedupReason;
import io.mathsieve.extract.ExtractReason;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.jobs.export.CorpusReason;
import io.mathsieve.schemas.DropReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every reason any stage can drop a document for, in data-flow order. */
public final class DropReasons {
  private DropReasons() {}

  public static List<DropReason> all() {
    List<DropReason> all = new ArrayList<>();
    all.addAll(Arrays.asList(WarcReason.values()));
    all.addAll(Arrays.asList(ExtractReason.values()));
    all.addAll(Arrays.asList(DedupReason.values()));
    all.addAll(Arrays.asList(ClassifyReason.values()));
    all.addAll(Arrays.asList(CorpusReason.values()));
    all.addAll(Arrays.asList(DecontamReason.values()));
    return all;
  }
}
