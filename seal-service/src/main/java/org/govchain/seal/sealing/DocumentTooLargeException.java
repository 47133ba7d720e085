package org.govchain.seal.sealing;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/** An uploaded document larger than the configured limit (HTTP 413). */
public final class DocumentTooLargeException extends ProblemException {
  private final long actualBytes;
  private final long maxBytes;

  public DocumentTooLargeException(long actualBytes, long maxBytes) {
    super(
        ProblemType.TOO_LARGE,
        "document of " + actualBytes + " bytes exceeds the limit of " + maxBytes,
        Map.of("maxBytes", maxBytes, "actualBytes", actualBytes));
    this.actualBytes = actualBytes;
    this.maxBytes = maxBytes;
  }

  public long actualBytes() {
    return actualBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
