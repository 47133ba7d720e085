package org.govchain.anchor.spring.log;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A proof was asked for a tree larger than the log (422 {@code beyond-tree}). */
public final class BeyondTreeException extends LogQueryException {

  private static final long serialVersionUID = 1L;

  /** {@code requested} exceeds the log's current {@code treeSize}. */
  public BeyondTreeException(String origin, long requested, long treeSize) {
    super(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "beyond-tree",
        "Tree size beyond the log",
        "log " + origin + " has " + treeSize + " leaves; size " + requested + " is beyond it",
        Map.of("origin", origin, "size", requested, "treeSize", treeSize));
  }
}
