package org.govchain.anchor.spring.log;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The entry is not yet covered by an anchored checkpoint (409 {@code not-anchored-yet}, with {@code
 * Retry-After}); it will be once the anchorer confirms a large enough checkpoint.
 */
public final class NotAnchoredYetException extends LogQueryException {

  private static final long serialVersionUID = 1L;

  /**
   * @param leafIndex the entry's leaf index, or null while it awaits the sequencer
   * @param anchoredSize the size of the newest anchored checkpoint (0 if none)
   * @param retryAfter a hint for when to ask again
   */
  public NotAnchoredYetException(
      String origin, Long leafIndex, long anchoredSize, Duration retryAfter) {
    super(
        HttpStatus.CONFLICT,
        "not-anchored-yet",
        "Not anchored yet",
        (leafIndex == null
                ? "the entry awaits the sequencer"
                : "leaf " + leafIndex + " is not covered by an anchored checkpoint")
            + "; the newest anchored checkpoint of log "
            + origin
            + " has size "
            + anchoredSize,
        values(origin, leafIndex, anchoredSize));
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
  }

  private static Map<String, Object> values(String origin, Long leafIndex, long anchoredSize) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("origin", origin);
    if (leafIndex != null) {
      values.put("index", leafIndex);
    }
    values.put("anchoredSize", anchoredSize);
    return values;
  }
}
