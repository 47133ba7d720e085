package org.govchain.verifier;

/** Input the command cannot use (unreadable file, malformed hex, malformed bundle): exit code 2. */
final class BadInputException extends RuntimeException {

  BadInputException(String message) {
    super(message);
  }

  BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
