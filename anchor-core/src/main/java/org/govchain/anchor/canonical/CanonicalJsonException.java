package org.govchain.anchor.canonical;

/**
 * Thrown when input cannot be parsed or serialized as RFC 8785 canonical JSON; carries where and
 * why.
 */
public final class CanonicalJsonException extends RuntimeException {

  private final String reason;
  private final long offset;
  private final String path;

  private CanonicalJsonException(String reason, long offset, String path, String message) {
    super(message);
    this.reason = reason;
    this.offset = offset;
    this.path = path;
  }

  static CanonicalJsonException atOffset(long offset, String reason) {
    return new CanonicalJsonException(reason, offset, "", reason + " at byte offset " + offset);
  }

  static CanonicalJsonException atPath(String path, String reason) {
    String shown = path.isEmpty() ? "the root value" : path;
    return new CanonicalJsonException(reason, -1, path, reason + " at " + shown);
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** Byte offset in the JSON text where the problem was found, or -1 for a Java value. */
  public long offset() {
    return offset;
  }

  /**
   * JSON Pointer (RFC 6901) to the offending Java value given to {@link Jcs#serialize}; empty for
   * the root and for failures found in JSON text.
   */
  public String path() {
    return path;
  }
}
