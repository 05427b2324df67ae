package io.mathsieve.jobs.run;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where a running job's progress lines go ({@link JobRunner#line}), and how often.
 *
 * @param lines the lines' receiver, or null for none
 * @param inPlace whether each line rewrites the last one (a terminal)
 * @param every how often a line is made
 */
public record Progress(Consumer<String> lines, boolean inPlace, Duration every) {
  static final Duration TERMINAL_INTERVAL = Duration.ofSeconds(1);
  static final Duration LOG_INTERVAL = Duration.ofSeconds(15);

  public static final Progress NONE = new Progress(null, false, LOG_INTERVAL);

  /** The CLI's progress: none with {@code --quiet}, else {@link #toStderr()}. */
  public static Progress toStderrUnless(boolean quiet) {
    return quiet ? NONE : toStderr();
  }

  /** On stderr: in place every second on a terminal, else a line every 15 s. */
  public static Progress toStderr() {
    boolean tty = System.console() != null;
    return tty ? new Progress(line -> System.err.print("\r" + line + "\u001b[K"), true, TERMINAL_INTERVAL)
        : new Progress(System.err::println, false, LOG_INTERVAL);
  }
}
