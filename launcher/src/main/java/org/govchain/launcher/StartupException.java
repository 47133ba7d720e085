package org.govchain.launcher;

/** A part of the suite did not start; the message says which, why, and where its log is. */
final class StartupException extends RuntimeException {

  StartupException(String message) {
    super(message);
  }

  StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
