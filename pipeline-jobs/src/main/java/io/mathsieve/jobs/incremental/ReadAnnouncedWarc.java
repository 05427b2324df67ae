package io.mathsieve.jobs.incremental;

import io.mathsieve.extract.warc.WarcConfig;
import io.mathsieve.extract.warc.WarcReason;
import io.mathsieve.extract.warc.WarcRecordReader;
import io.mathsieve.jobs.run.StageCounters;
import io.mathsieve.jobs.source.WarcInputs;
import io.mathsieve.schemas.DocIds;
import io.mathsieve.schemas.Rejection;
import io.mathsieve.schemas.WarcFileStats;
import io.mathsieve.schemas.WarcItem;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Reads each announced WARC file record by record with the batch reader (local, HTTP(S) with
 * retries, any Flink file system). A message that names no file, or a file that cannot be opened,
 * is one {@code warc/unreadable_file} rejection: it never stops the job.
 *
 * <p>Exactly once: a file is read inside one call, between checkpoint barriers; after a failure the
 * announcement is read again from the last committed Kafka offset, and the dedup state, restored to
 * the same checkpoint, makes the replay produce what the first attempt would have.
 */
public final class ReadAnnouncedWarc extends RichFlatMapFunction<String, WarcItem> {
  private final WarcConfig config;
  private transient StageCounters counters;

  public ReadAnnouncedWarc(WarcConfig config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext context) {
    counters = new StageCounters(getRuntimeContext());
  }

  @Override
  public void flatMap(String message, Collector<WarcItem> out) {
    Announcement a = Announcement.parse(message);
    if (a == null) {
      String shown = message == null ? "" : message.length() > 200 ? message.substring(0, 200) + "..." : message;
      out.collect(WarcItem.of(Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(shown, 0), "",
          "the announcement names no WARC file (expected a path, a URL or {\"warc\": ...}): " + shown, shown, 0)));
      return;
    }
    counters.inc("incremental.announcements");
    try (WarcRecordReader reader = new WarcRecordReader(WarcInputs.open(a.location(), a.location(), config), config)) {
      for (WarcItem item; (item = reader.next()) != null; ) {
        out.collect(item);
      }
    } catch (Exception e) {
      out.collect(WarcItem.of(Rejection.of(WarcReason.UNREADABLE_FILE, DocIds.ofLocation(a.location(), 0), "",
          e.getClass().getSimpleName() + ": " + e.getMessage(), a.location(), 0)));
      out.collect(WarcItem.of(WarcFileStats.empty(a.location())));
    }
  }
}
