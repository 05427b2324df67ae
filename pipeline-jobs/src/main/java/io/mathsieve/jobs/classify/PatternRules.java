package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.iterate.Annotations;
import io.mathsieve.classifiers.iterate.UrlPatterns;
import io.mathsieve.schemas.PatternStat;
import java.io.Serializable;

/**
 * Which URL patterns of a math domain are accepted: those with at least {@code minPages} pages of
 * which at least {@code minShare} were collected, plus those the user includes, minus those the
 * user excludes (the user's annotations win).
 */
public record PatternRules(int minPages, double minShare, Annotations annotations) implements Serializable {

  public PatternStat judge(String pattern, String domain, long pages, long collected, int iteration) {
    double share = pages == 0 ? 0 : (double) collected / pages;
    String source = "none";
    boolean accepted = false;
    if (annotations.exclude().stream().anyMatch(p -> UrlPatterns.matches(p, pattern))) {
      source = "excluded";
    } else if (annotations.include().stream().anyMatch(p -> UrlPatterns.matches(p, pattern))) {
      source = "annotation";
      accepted = true;
    } else if (pages >= minPages && share >= minShare) {
      source = "mined";
      accepted = true;
    }
    return new PatternStat(pattern, domain, pages, collected, share, accepted, source, iteration);
  }
}
