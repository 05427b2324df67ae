package io.mathsieve.jobs.run;

/**
 * A mistake the user can fix: a missing input, an output directory in the way, a bad option. Its
 * message is one line saying what and where; the CLI prints it without a stack trace (unless
 * {@code --verbose}) and exits with {@link #EXIT_CODE}.
 */
public class UserError extends RuntimeException {
  public static final int EXIT_CODE = 2;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
