package org.govchain.seal.sealing;

/** An uploaded document larger than the configured limit (HTTP 413). */
public final class DocumentTooLargeException extends RuntimeException {
  private final long actualBytes;
  private final long maxBytes;

  public DocumentTooLargeException(long actualBytes, long maxBytes) {
    super("document of " + actualBytes + " bytes exceeds the limit of " + maxBytes);
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
