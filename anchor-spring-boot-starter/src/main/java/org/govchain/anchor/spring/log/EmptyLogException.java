package org.govchain.anchor.spring.log;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** The log has no checkpoint yet (404 {@code empty-log}). */
public final class EmptyLogException extends LogQueryException {

  private static final long serialVersionUID = 1L;

  /** For the log {@code origin}. */
  public EmptyLogException(String origin) {
    super(
        HttpStatus.NOT_FOUND,
        "empty-log",
        "The log has no checkpoint yet",
        "log " + origin + " has no checkpoint yet",
        Map.of("origin", origin));
  }
}
