package io.mathsieve.config;

/**
 * A user's configuration mistake: an unknown key, a value of the wrong type or out of range. The
 * message is one line saying what and where, fit to print without a stack trace.
 */
public class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }
}
