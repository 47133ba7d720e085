package org.govchain.anchor.spring.log;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * No sequenced leaf at this index, or no entry for this subject and version (404 {@code
 * unknown-entry}).
 */
public final class UnknownEntryException extends LogQueryException {

  private static final long serialVersionUID = 1L;

  /** No leaf {@code index} in log {@code origin} (not sequenced, or beyond the tree). */
  public UnknownEntryException(String origin, long index) {
    super(
        HttpStatus.NOT_FOUND,
        "unknown-entry",
        "No such log entry",
        "log " + origin + " has no leaf " + index,
        Map.of("origin", origin, "index", index));
  }

  /** No entry of {@code subject} (at {@code version}, or at all when it is null). */
  public UnknownEntryException(String origin, String subject, Long version) {
    super(
        HttpStatus.NOT_FOUND,
        "unknown-entry",
        "No such log entry",
        "log "
            + origin
            + " has no entry for subject "
            + subject
            + (version == null ? "" : " version " + version),
        version == null
            ? Map.of("origin", origin, "subject", subject)
            : Map.of("origin", origin, "subject", subject, "version", version));
  }
}
