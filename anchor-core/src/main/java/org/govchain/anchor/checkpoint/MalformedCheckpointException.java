package org.govchain.anchor.checkpoint;

/** The text is not a C2SP tlog-checkpoint body, or checkpoint values break its rules. */
public final class MalformedCheckpointException extends RuntimeException {

  private final int line;
  private final String reason;

  MalformedCheckpointException(int line, String reason) {
    super(line > 0 ? "checkpoint line " + line + ": " + reason : "checkpoint: " + reason);
    this.line = line;
    this.reason = reason;
  }

  /** The 1-based line at fault (1 origin, 2 size, 3 root hash, 4+ extensions), 0 if none. */
  public int line() {
    return line;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }
}
