package org.govchain.gateway.size;

/** A request body went past the limit for its path; carries the limit and the bytes seen. */
public final class PayloadTooLargeException extends RuntimeException {

  private final long limit;
  private final long seen;

  PayloadTooLargeException(long limit, long seen) {
    super("request body of at least " + seen + " bytes exceeds the limit of " + limit + " bytes");
    this.limit = limit;
    this.seen = seen;
  }

  public long limit() {
    return limit;
  }

  public long seen() {
    return seen;
  }

  /** Whether {@code error} is, or was caused by, a {@link PayloadTooLargeException}. */
  public static boolean isCauseOf(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s instanceof PayloadTooLargeException) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
