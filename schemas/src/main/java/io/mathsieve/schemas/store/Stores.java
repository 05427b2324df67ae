package io.mathsieve.schemas.store;

import io.mathsieve.schemas.ClusterMember;
import io.mathsieve.schemas.CorpusRow;
import io.mathsieve.schemas.DecontamMatch;
import io.mathsieve.schemas.DomainStat;
import io.mathsieve.schemas.PatternStat;
import io.mathsieve.schemas.ScoredDocument;
import io.mathsieve.schemas.FormulaCounts;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.TextDocument;
import io.mathsieve.schemas.WarcFileStats;
import java.time.Instant;
import java.util.List;

/**
 * The stores mathsieve writes, each a directory of Parquet files under a run directory. Later stages
 * add theirs here, so {@link #all()} is the full, documented list.
 */
public final class Stores {
  private Stores() {}

  /** One row per extracted page kept after URL and exact-content dedup. */
  public static final StoreSchema<TextDocument> PAGES =
      StoreSchema.<TextDocument>builder(
              "pages",
              1,
              "One row per extracted HTML page kept after URL and exact-content dedup. `text` may hold "
                  + "only a prefix of the page (see `text_truncated`); the full text can be re-read from "
                  + "the WARC file at `warc_file`/`warc_offset`.")
          .string("doc_id", "Stable document id: 32 hex digits of a seeded 128-bit hash of url and WARC record id.", TextDocument::docId)
          .string("url", "The captured URL (`WARC-Target-URI`).", TextDocument::url)
          .string("domain", "Lower-cased host of the URL.", TextDocument::domain)
          .string("title", "Page title, empty when absent.", TextDocument::title)
          .string("text", "Extracted text, math kept as LaTeX between `$..$` or `$$..$$` (or the page's own delimiters); capped at `pages.text-cap-chars`.", TextDocument::text)
          .int32("text_chars", "Length of the full extracted text in UTF-16 chars, before the cap.", TextDocument::textChars)
          .bool("text_truncated", "Whether `text` is only a prefix of the full text.", TextDocument::textTruncated)
          .string("lang", "Language label from the fastText language identifier (ISO 639), `und` when unknown.", TextDocument::lang)
          .float64("lang_score", "The identifier's probability for `lang`.", TextDocument::langScore)
          .string("charset", "Charset the HTML was decoded with.", TextDocument::charset)
          .string("charset_source", "Where the charset came from: `bom`, `http`, `meta`, `detected` or `default`.", TextDocument::charsetSource)
          .timestampMillis("fetch_time", "Capture time (`WARC-Date`), UTC.", d -> d.fetchTime().toEpochMilli())
          .string("warc_file", "WARC file the page was read from, as given on input.", TextDocument::warcFile)
          .int64("warc_offset", "Byte offset of the record (of its gzip member) in `warc_file`.", TextDocument::warcOffset)
          .string("warc_record_id", "The `WARC-Record-ID`.", TextDocument::warcRecordId)
          .string("extractor_version", "Version of the extractor that produced `text`.", TextDocument::extractorVersion)
          .int32("math_formulas", "Formulas found, all kinds (sum of the `formulas_*` columns except `formulas_mathml_converted`).", d -> d.formulas().total())
          .bool("has_math_markup", "Whether any math markup was seen: formulas, or MathJax/KaTeX loaders.", TextDocument::hasMathMarkup)
          .int32("formulas_tex_script", "MathJax `<script type=\"math/tex\">` formulas.", d -> d.formulas().texScript())
          .int32("formulas_katex", "KaTeX formulas (from their TeX annotation).", d -> d.formulas().katex())
          .int32("formulas_wp_katex", "WordPress KaTeX shortcode formulas.", d -> d.formulas().wpKatex())
          .int32("formulas_mathml", "MathML formulas (alttext, TeX annotation or converted).", d -> d.formulas().mathml())
          .int32("formulas_mathml_converted", "Of `formulas_mathml`, those converted to LaTeX by mathsieve.", d -> d.formulas().mathmlConverted())
          .int32("formulas_wiki_math", "Wikipedia `mwe-math-element` formulas.", d -> d.formulas().wikiMath())
          .int32("formulas_latex_image", "Images whose alt text or URL carries LaTeX.", d -> d.formulas().latexImage())
          .int32("formulas_bbcode", "Forum `[tex]`, `[latex]`, `[math]` formulas.", d -> d.formulas().bbcode())
          .int32("formulas_delimited", "TeX already delimited in the page text (`$`, `$$`, `\\(`, `\\[`).", d -> d.formulas().delimited())
          .build(Stores::decodePage);

  /** One row per document dropped by any stage. */
  public static final StoreSchema<Rejection> REJECTIONS =
      StoreSchema.<Rejection>builder(
              "rejections",
              1,
              "One row per document a stage did not keep. With the pages (or corpus) store it accounts "
                  + "for every response record of the input.")
          .string("doc_id", "Document id; for unreadable records, a hash of the WARC file and offset.", Rejection::docId)
          .string("url", "The URL, empty when the record could not be read.", Rejection::url)
          .string("stage", "The stage that dropped the document: `warc`, `extract`, `dedup`, `classify`, `corpus`, `decontam`.", Rejection::stage)
          .string("reason", "Reason code within the stage; every code is listed in the schema docs.", Rejection::reason)
          .string("detail", "What was found: the exception, the kept duplicate's id, the matched n-gram.", Rejection::detail)
          .string("warc_file", "WARC file of the record.", Rejection::warcFile)
          .int64("warc_offset", "Byte offset of the record in `warc_file`.", Rejection::warcOffset)
          .build(
              r ->
                  new Rejection(
                      r.string("doc_id"),
                      r.string("url"),
                      r.string("stage"),
                      r.string("reason"),
                      r.string("detail"),
                      r.string("warc_file"),
                      r.int64("warc_offset")));

  /** One row per WARC file read: its records by type. */
  public static final StoreSchema<WarcFileStats> FILES =
      StoreSchema.<WarcFileStats>builder(
              "files", 1, "One row per WARC file read, with its records counted by type: the input inventory of a run.")
          .string("warc_file", "The WARC file, as given on input.", WarcFileStats::file)
          .int64("response", "Response records (each is a pages or a rejections row).", WarcFileStats::response)
          .int64("request", "Request records, skipped.", WarcFileStats::request)
          .int64("metadata", "Metadata records, skipped.", WarcFileStats::metadata)
          .int64("warcinfo", "Warcinfo records, skipped.", WarcFileStats::warcinfo)
          .int64("revisit", "Revisit records, skipped.", WarcFileStats::revisit)
          .int64("other", "Records of other types, skipped.", WarcFileStats::other)
          .int64("corrupt", "Unreadable regions (each is a `warc/corrupt_record` rejection).", WarcFileStats::corrupt)
          .build(
              r ->
                  new WarcFileStats(
                      r.string("warc_file"), r.int64("response"), r.int64("request"), r.int64("metadata"), r.int64("warcinfo"),
                      r.int64("revisit"), r.int64("other"), r.int64("corrupt"), 0));

  /** One row per page per classifier iteration. */
  public static final StoreSchema<ScoredDocument> SCORES =
      StoreSchema.<ScoredDocument>builder("scores", 1,
              "The math score of every page in one iteration of the classifier (`iterations/iter-N/scores`); `collected` holds the subset "
                  + "collected in that iteration.")
          .string("doc_id", "The page.", ScoredDocument::docId)
          .string("url", "Its URL.", ScoredDocument::url)
          .string("domain", "Its domain (host, or registered domain with `iterate.domain-grouping`).", ScoredDocument::domain)
          .string("lang", "Its language.", ScoredDocument::lang)
          .int32("text_chars", "Length of its full text.", ScoredDocument::textChars)
          .int64("tokens", "Tokens it counts for against the budget (an estimate until the export's tokenizer counts them).", ScoredDocument::tokens)
          .float64("score", "P(math) from the iteration's fastText model.", ScoredDocument::score)
          .string("model_version", "The model's version: first 16 hex digits of the SHA-256 of its file.", ScoredDocument::modelVersion)
          .int32("iteration", "The iteration, from 1.", ScoredDocument::iteration)
          .build(r -> new ScoredDocument(r.string("doc_id"), r.string("url"), r.string("domain"), r.string("lang"), r.int32("text_chars"),
              r.int64("tokens"), r.float64("score"), r.string("model_version"), r.int32("iteration")));

  /** One row per domain per classifier iteration. */
  public static final StoreSchema<DomainStat> DOMAINS =
      StoreSchema.<DomainStat>builder("domains", 1, "Domain discovery (`iterations/iter-N/domains`): the share of each domain's pages collected.")
          .string("domain", "The domain.", DomainStat::domain)
          .int64("pages", "Its pages in the pages store.", DomainStat::pages)
          .int64("collected", "Of them, collected in the iteration.", DomainStat::collected)
          .float64("share", "collected / pages.", DomainStat::share)
          .bool("math_domain", "Whether share > `iterate.domain-min-share`.", DomainStat::mathDomain)
          .int32("iteration", "The iteration.", DomainStat::iteration)
          .build(r -> new DomainStat(r.string("domain"), r.int64("pages"), r.int64("collected"), r.float64("share"), r.bool("math_domain"),
              r.int32("iteration")));

  /** One row per URL pattern per classifier iteration. */
  public static final StoreSchema<PatternStat> PATTERNS =
      StoreSchema.<PatternStat>builder("patterns", 1,
              "URL patterns (host and first path segment) with their collected share (`iterations/iter-N/patterns`); the accepted ones "
                  + "send their uncollected pages to the next iteration's seed.")
          .string("pattern", "`host/segment`.", PatternStat::pattern)
          .string("domain", "Its domain.", PatternStat::domain)
          .int64("pages", "Pages under it.", PatternStat::pages)
          .int64("collected", "Of them, collected.", PatternStat::collected)
          .float64("share", "collected / pages.", PatternStat::share)
          .bool("accepted", "Whether its uncollected pages join the seed.", PatternStat::accepted)
          .string("source", "`mined`, `annotation` (included by the user), `excluded` (by the user) or `none`.", PatternStat::source)
          .int32("iteration", "The iteration.", PatternStat::iteration)
          .build(r -> new PatternStat(r.string("pattern"), r.string("domain"), r.int64("pages"), r.int64("collected"), r.float64("share"),
              r.bool("accepted"), r.string("source"), r.int32("iteration")));

  /** One row per document in a near-duplicate cluster of two or more. */
  public static final StoreSchema<ClusterMember> CLUSTERS =
      StoreSchema.<ClusterMember>builder(
              "clusters", 1,
              "Near-duplicate clusters (MinHash LSH): one row per document in a cluster of two or more. Exactly one row per cluster has "
                  + "`kept` true; the others are `dedup/near` rejections.")
          .string("doc_id", "The document.", ClusterMember::docId)
          .string("cluster_id", "The cluster: the smallest doc id in it.", ClusterMember::clusterId)
          .int32("cluster_size", "Documents in the cluster.", ClusterMember::clusterSize)
          .bool("kept", "Whether this document is the one kept (highest math score, then earliest fetch, then smallest id).", ClusterMember::kept)
          .string("kept_doc_id", "The cluster's kept document.", ClusterMember::keptDocId)
          .build(r -> new ClusterMember(r.string("doc_id"), r.string("cluster_id"), r.int32("cluster_size"), r.bool("kept"), r.string("kept_doc_id")));

  /** One row per document found to contain benchmark text. */
  public static final StoreSchema<DecontamMatch> DECONTAM_MATCHES =
      StoreSchema.<DecontamMatch>builder(
              "decontam_matches", 1,
              "The decontamination audit: one row per document that contains benchmark text, with the item and the tokens that matched.")
          .string("doc_id", "The document.", DecontamMatch::docId)
          .string("url", "Its URL.", DecontamMatch::url)
          .string("benchmark", "The benchmark (directory or file name of its test set).", DecontamMatch::benchmark)
          .string("item_id", "The item: file name and line.", DecontamMatch::itemId)
          .string("match_kind", "`ngram`: a shared n-gram; `exact`: a short item's whole text.", DecontamMatch::kind)
          .string("matched_text", "The normalised tokens that matched.", DecontamMatch::matchedText)
          .string("action", "`dropped`, or `reported` in report-only mode.", DecontamMatch::action)
          .build(r -> new DecontamMatch(r.string("doc_id"), r.string("url"), r.string("benchmark"), r.string("item_id"), r.string("match_kind"),
              r.string("matched_text"), r.string("action")));

  /** One row per document of the corpus: what trainers read. */
  public static final StoreSchema<CorpusRow> CORPUS =
      StoreSchema.<CorpusRow>builder(
              "corpus",
              1,
              "The corpus (`corpus/part-BBBBB-SSSS.parquet`): one row per kept document with its full text, math score, token count "
                  + "and provenance, after collection, near-dedup and decontamination. Files are written in doc_id order within a bucket "
                  + "(a hash of doc_id), each about `export.target-file-bytes`; `manifest.json` lists them with rows, tokens and SHA-256.")
          .string("doc_id", "Stable document id (32 hex digits), as in the pages store.", CorpusRow::docId)
          .string("url", "The captured URL.", CorpusRow::url)
          .string("domain", "Lower-cased host of the URL.", CorpusRow::domain)
          .string("title", "Page title, empty when absent.", CorpusRow::title)
          .string("text", "The full extracted text (re-read from the WARC file where the pages store kept a prefix); math as LaTeX.",
              CorpusRow::text)
          .string("lang", "Language label (ISO 639), `und` when unknown.", CorpusRow::lang)
          .float64("math_score", "P(math) from the final iteration's fastText classifier.", CorpusRow::mathScore)
          .int32("iteration", "The first classifier iteration that collected the page.", CorpusRow::iteration)
          .int64("token_count", "Tokens of `text` by `tokenizer`, without special tokens, untruncated.", CorpusRow::tokenCount)
          .string("tokenizer", "The tokenizer that counted them (`export.tokenizer`).", CorpusRow::tokenizer)
          .timestampMillis("fetch_time", "Capture time (`WARC-Date`), UTC.", d -> d.fetchTime().toEpochMilli())
          .string("warc_file", "WARC file of the capture, as given on input.", CorpusRow::warcFile)
          .int64("warc_offset", "Byte offset of the record (of its gzip member) in `warc_file`.", CorpusRow::warcOffset)
          .string("warc_record_id", "The `WARC-Record-ID`.", CorpusRow::warcRecordId)
          .int32("cluster_size", "Documents in its near-duplicate cluster; 1 when it had none (the others are `dedup/near` rejections).",
              CorpusRow::clusterSize)
          .int32("math_formulas", "Formulas the extractor found, all kinds.", CorpusRow::mathFormulas)
          .string("extractor_version", "Version of the extractor that produced `text`.", CorpusRow::extractorVersion)
          .string("model_version", "Version of the classifier that scored it (first 16 hex digits of the SHA-256 of the model file).",
              CorpusRow::modelVersion)
          .string("config_fingerprint", "Fingerprint of the run's configuration (all stages); `manifest.json` holds the values.",
              CorpusRow::configFingerprint)
          .build(r -> new CorpusRow(r.string("doc_id"), r.string("url"), r.string("domain"), r.string("title"), r.string("text"),
              r.string("lang"), r.float64("math_score"), r.int32("iteration"), r.int64("token_count"), r.string("tokenizer"),
              Instant.ofEpochMilli(r.timestampMillis("fetch_time")), r.string("warc_file"), r.int64("warc_offset"),
              r.string("warc_record_id"), r.int32("cluster_size"), r.int32("math_formulas"), r.string("extractor_version"),
              r.string("model_version"), r.string("config_fingerprint")));

  /** Every store, in data-flow order. */
  public static List<StoreSchema<?>> all() {
    return List.of(FILES, PAGES, SCORES, DOMAINS, PATTERNS, CLUSTERS, DECONTAM_MATCHES, CORPUS, REJECTIONS);
  }

  /** The store called {@code name}; an unknown name is a programming error. */
  public static StoreSchema<?> byName(String name) {
    for (StoreSchema<?> s : all()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no store named " + name);
  }

  private static TextDocument decodePage(StoreRow r) {
    FormulaCounts formulas =
        new FormulaCounts(
            r.int32("formulas_tex_script"),
            r.int32("formulas_katex"),
            r.int32("formulas_wp_katex"),
            r.int32("formulas_mathml"),
            r.int32("formulas_mathml_converted"),
            r.int32("formulas_wiki_math"),
            r.int32("formulas_latex_image"),
            r.int32("formulas_bbcode"),
            r.int32("formulas_delimited"));
    return new TextDocument(
        r.string("doc_id"),
        r.string("url"),
        r.string("domain"),
        r.string("title"),
        r.string("text"),
        r.int32("text_chars"),
        r.bool("text_truncated"),
        r.string("lang"),
        r.float64("lang_score"),
        r.string("charset"),
        r.string("charset_source"),
        r.string("extractor_version"),
        formulas,
        r.bool("has_math_markup"),
        r.string("warc_file"),
        r.int64("warc_offset"),
        r.string("warc_record_id"),
        Instant.ofEpochMilli(r.timestampMillis("fetch_time")));
  }
}
