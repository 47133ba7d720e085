package org.govchain.anchor.spring.log;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** No checkpoint of this size was made (404 {@code unknown-checkpoint}). */
public final class UnknownCheckpointException extends LogQueryException {

  private static final long serialVersionUID = 1L;

  /** For the checkpoint of {@code size} in log {@code origin}. */
  public UnknownCheckpointException(String origin, long size) {
    super(
        HttpStatus.NOT_FOUND,
        "unknown-checkpoint",
        "No checkpoint of that size",
        "log " + origin + " made no checkpoint of size " + size,
        Map.of("origin", origin, "size", size));
  }
}
