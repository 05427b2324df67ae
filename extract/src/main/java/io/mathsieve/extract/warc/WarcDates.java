package io.mathsieve.extract.warc;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.WarcRecord;

/**
 * A record's capture time, read leniently: jwarc's parse of {@code WARC-Date} when it succeeds,
 * else the header's date and time by a loose pattern, so that the defects of real crawls still
 * give a time. ClueWeb09 writes days past the month's end and a numeric zone
 * ({@code 2008-10-294T05:21:46-0700}: the day is read as its first two digits, clamped to the month);
 * other writers leave out the {@code T} or the zone.
 *
 * <pre>{@code
 * WarcDates.parse("2008-10-294T05:21:46-0700")  // 2008-10-29T12:21:46Z
 * }</pre>
 *
 * A date nothing can be made of is the Unix epoch, so the page is kept and sorts as oldest.
 */
final class WarcDates {
  private static final Pattern LOOSE = Pattern.compile(
      "(\\d{4})-?(\\d{2})-?(\\d{1,3})[T ]?(\\d{2}):?(\\d{2}):?(\\d{2})(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");

  private WarcDates() {}

  static Instant of(WarcRecord r) {
    try {
      return r.date();
    } catch (DateTimeException | IllegalArgumentException e) {
      return parse(r.headers().first("WARC-Date").orElse(""));
    }
  }

  static Instant parse(String raw) {
    Matcher m = LOOSE.matcher(raw.trim());
    if (!m.find()) {
      return Instant.EPOCH;
    }
    try {
      int year = Integer.parseInt(m.group(1));
      int month = Math.max(1, Math.min(12, Integer.parseInt(m.group(2))));
      String d = m.group(3);
      int day = Integer.parseInt(d.length() > 2 ? d.substring(0, 2) : d);
      day = Math.max(1, Math.min(YearMonth.of(year, month).lengthOfMonth(), day));
      LocalDateTime t = LocalDateTime.of(year, month, day, Math.min(23, Integer.parseInt(m.group(4))), Math.min(59, Integer.parseInt(m.group(5))),
          Math.min(59, Integer.parseInt(m.group(6))));
      String zone = m.group(7);
      ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
      return t.toInstant(offset);
    } catch (DateTimeException | NumberFormatException e) {
      return Instant.EPOCH;
    }
  }
}
