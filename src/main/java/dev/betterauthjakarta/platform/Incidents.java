package dev.betterauthjakarta.platform;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One failure of ours, one log entry: the stack trace under a fresh incident id, which the answer
 * repeats (as {@code "... (incident <id>)"} or an {@code error_description}) so that a user's
 * report leads to the one entry. Client mistakes never come here: they are 4xx answers without a
 * log line.
 */
public final class Incidents {
  private Incidents() {}

  /**
   * Logs the failure at SEVERE, once, with its stack trace.
   *
   * @param log the logger of the class that caught it
   * @param what a short description without client input, e.g. {@code "Unexpected error"}
   * @param failure what was thrown
   * @return the incident id (a random UUID) the log line carries
   */
  public static String report(Logger log, String what, Throwable failure) {
    String incident = UUID.randomUUID().toString();
    log.log(Level.SEVERE, what + ", incident " + incident, failure);
    return incident;
  }

  /** The generic 500 message with the incident id, as the answer's {@code message}. */
  public static String message(String incident) {
    return ErrorCode.INTERNAL_SERVER_ERROR.message() + " (incident " + incident + ")";
  }
}
