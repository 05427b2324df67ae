package io.mathsieve.jobs.report;

import java.util.List;
import java.util.Locale;

/** Small inline SVG charts: no script, no external resource, labels escaped. */
final class Svg {
  private Svg() {}

  /** A labelled value for a bar chart. */
  record Bar(String label, long value, String note) {}

  /** Horizontal bars, one per row, with the label on the left and the value on the right. */
  static String bars(List<Bar> bars, String color) {
    return bars(bars, color, 420);
  }

  /** Horizontal bars at most {@code barWidth} pixels long (narrower for half-width panels). */
  static String bars(List<Bar> bars, String color, int barWidth) {
    int rowHeight = 22;
    int longest = bars.stream().mapToInt(b -> Math.min(44, b.label().length())).max().orElse(10);
    int labelWidth = 16 + 7 * longest;
    int height = Math.max(1, bars.size()) * rowHeight + 6;
    long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", labelWidth + barWidth + 190,
        height, labelWidth + barWidth + 190, height));
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = i * rowHeight + 3;
      double w = b.value() <= 0 ? 0 : Math.max(1.5, barWidth * (double) b.value() / max);
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>", labelWidth - 8, y + 15,
          Html.text(shorten(b.label(), 44))));
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>", labelWidth, y + 2, w,
          rowHeight - 6, color, Html.text(b.label() + ": " + Html.number(b.value()))));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"value\">%s%s</text>", labelWidth + w + 6, y + 15, Html.number(b.value()),
          b.note() == null ? "" : "  " + Html.text(b.note())));
    }
    return s.append("</svg>").toString();
  }

  /**
   * A score histogram: {@code counts} over equal bins of [0, 1], bins at or above {@code threshold}
   * in the collected colour, and a line at the threshold.
   */
  static String histogram(long[] counts, double threshold) {
    int width = 530;
    int height = 170;
    int left = 46;
    int bottom = 22;
    int plotW = width - left - 20;
    int plotH = height - bottom - 10;
    long max = 1;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg class=\"chart hist\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", width, height, width, height));
    double bw = (double) plotW / counts.length;
    for (int i = 0; i < counts.length; i++) {
      double h = plotH * (double) counts[i] / max;
      boolean collected = (i + 1.0) / counts.length > threshold;
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%.2f-%.2f: %s pages</title></rect>",
          left + i * bw + 1, 10 + plotH - h, bw - 2, h, collected ? "#2f7d32" : "#9e9e9e", (double) i / counts.length,
          (i + 1.0) / counts.length, Html.number(counts[i])));
    }
    double tx = left + plotW * threshold;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"6\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>", tx, tx,
        10 + plotH));
    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"16\" class=\"value\" fill=\"#c62828\">cut-off %.3f</text>", Math.min(tx + 4, width - 90.0),
        threshold));
    for (int t = 0; t <= 4; t++) {
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"middle\">%.2f</text>", left + plotW * t / 4.0, height - 6,
          t / 4.0));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" class=\"axis\" text-anchor=\"end\">%s</text>", left - 4, Html.number(max)));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">0</text>", left - 4, 10 + plotH));
    return s.append("</svg>").toString();
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
