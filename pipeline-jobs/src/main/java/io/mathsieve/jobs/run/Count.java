package io.mathsieve.jobs.run;

import java.util.List;

/**
 * Every counter a stage keeps, by constant: a Flink metric while the job runs and an accumulator
 * summed over subtasks after it. Stages count through {@link StageCounters} and summaries read
 * through {@link Counts}, both with these constants, so a renamed or mistyped counter is a compile
 * error instead of a row that reads 0. Drops are counted by their {@code DropReason}
 * ({@link StageCounters#dropped}), languages by their code ({@link StageCounters#language}).
 */
public enum Count {
  WARC_FILES("warc.files"),
  WARC_RECORDS_RESPONSE("warc.records.response"),
  WARC_RECORDS_REQUEST("warc.records.request"),
  WARC_RECORDS_METADATA("warc.records.metadata"),
  WARC_RECORDS_WARCINFO("warc.records.warcinfo"),
  WARC_RECORDS_REVISIT("warc.records.revisit"),
  WARC_RECORDS_OTHER("warc.records.other"),
  WARC_RECORDS_CORRUPT("warc.records.corrupt"),

  EXTRACT_TOTAL("extract.total"),
  EXTRACT_FORWARDED("extract.forwarded"),
  FORMULAS_TEX_SCRIPT("extract.formulas.tex_script"),
  FORMULAS_KATEX("extract.formulas.katex"),
  FORMULAS_WP_KATEX("extract.formulas.wp_katex"),
  FORMULAS_MATHML("extract.formulas.mathml"),
  FORMULAS_MATHML_CONVERTED("extract.formulas.mathml_converted"),
  FORMULAS_WIKI_MATH("extract.formulas.wiki_math"),
  FORMULAS_LATEX_IMAGE("extract.formulas.latex_image"),
  FORMULAS_BBCODE("extract.formulas.bbcode"),
  FORMULAS_DELIMITED("extract.formulas.delimited"),
  PAGES_WITH_MATH_MARKUP("extract.pages_with_math_markup"),

  DEDUP_URL_TOTAL("dedup.url.total"),
  DEDUP_URL_FORWARDED("dedup.url.forwarded"),
  DEDUP_EXACT_TOTAL("dedup.exact.total"),
  DEDUP_EXACT_FORWARDED("dedup.exact.forwarded"),
  PAGES_WRITTEN("pages.written"),

  TRAIN_SEED("train.seed"),
  TRAIN_PATTERN("train.pattern"),
  TRAIN_NEGATIVE("train.negative"),
  TRAIN_NEGATIVE_MATH_DOMAIN("train.negative_math_domain"),
  CLASSIFY_SCORED("classify.scored"),
  CLASSIFY_TOTAL("classify.total"),
  CLASSIFY_FORWARDED("classify.forwarded"),
  ITERATE_PAGES("iterate.pages"),
  ITERATE_COLLECTED_PAGES("iterate.collected_pages"),
  ITERATE_COLLECTED_TOKENS("iterate.collected_tokens"),
  ITERATE_NEW_PAGES("iterate.new_pages"),
  ITERATE_LABELLED("iterate.labelled"),
  ITERATE_LABELS_TP("iterate.labels_tp"),
  ITERATE_LABELS_FP("iterate.labels_fp"),
  ITERATE_LABELS_FN("iterate.labels_fn"),
  ITERATE_PATTERN_POSITIVES("iterate.pattern_positives"),

  SELECT_TOTAL("select.total"),
  SELECT_FORWARDED("select.forwarded"),
  SELECT_TRUNCATED("select.truncated"),
  SELECT_TEXT_BYTES("select.text_bytes"),
  SELECT_FULL_TEXT_REREAD("select.full_text_reread"),
  SELECT_SCORES_WITHOUT_PAGE("select.scores_without_page"),

  NEAR_TOTAL("dedup.near.total"),
  NEAR_FORWARDED("dedup.near.forwarded"),
  NEAR_CANDIDATE_PAIRS("dedup.near.candidate_pairs"),
  NEAR_PAIRS_BELOW_SIMILARITY("dedup.near.pairs_below_similarity"),
  NEAR_PAIRS_EXACT_VERIFIED("dedup.near.pairs_exact_verified"),
  NEAR_PAIRS_BELOW_EXACT_JACCARD("dedup.near.pairs_below_exact_jaccard"),
  NEAR_CC_NOT_STAR("dedup.near.cc_not_star"),
  NEAR_NODE_COLLISIONS("dedup.near.node_collisions"),
  NEAR_CLUSTERS("dedup.near.clusters"),

  DECONTAM_TOTAL("decontam.total"),
  DECONTAM_FORWARDED("decontam.forwarded"),
  DECONTAM_REPORTED("decontam.reported"),

  EXPORT_ROWS("export.rows"),
  EXPORT_TOKENS("export.tokens"),
  EXPORT_SORT_SPILLS("export.sort_spills"),

  INCREMENTAL_ANNOUNCEMENTS("incremental.announcements"),
  INCREMENTAL_CONTROL_REJECTED("incremental.control.rejected"),
  INCREMENTAL_CONTROL_INDEX("incremental.control.index"),
  INCREMENTAL_CONTROL_MODEL("incremental.control.model");

  /** The WARC record kinds, in {@code run.json}'s {@code records} object under their last name part. */
  public static final List<Count> WARC_RECORDS = List.of(WARC_RECORDS_RESPONSE, WARC_RECORDS_REQUEST, WARC_RECORDS_METADATA,
      WARC_RECORDS_WARCINFO, WARC_RECORDS_REVISIT, WARC_RECORDS_OTHER, WARC_RECORDS_CORRUPT);

  /** The formula kinds, in {@code run.json}'s {@code formulas} object under their last name part. */
  public static final List<Count> FORMULAS = List.of(FORMULAS_TEX_SCRIPT, FORMULAS_KATEX, FORMULAS_WP_KATEX, FORMULAS_MATHML,
      FORMULAS_MATHML_CONVERTED, FORMULAS_WIKI_MATH, FORMULAS_LATEX_IMAGE, FORMULAS_BBCODE, FORMULAS_DELIMITED);

  private final String metric;

  Count(String metric) {
    this.metric = metric;
  }

  /** The metric and accumulator name, dot-separated as Flink scopes metrics: {@code dedup.near.total}. */
  public String metric() {
    return metric;
  }

  /** The last part of the name: {@code response} for {@code warc.records.response}. */
  public String member() {
    return metric.substring(metric.lastIndexOf('.') + 1);
  }
}
