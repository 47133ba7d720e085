package org.govchain.anchor.envelope;

/** Thrown when an event envelope, or bytes claimed to be one, break the DESIGN §2 rules. */
public final class InvalidEnvelopeException extends RuntimeException {

  /** The {@link #field()} value for problems of the envelope as a whole (bytes, member set). */
  public static final String WHOLE_ENVELOPE = "$";

  private final String field;
  private final String reason;

  InvalidEnvelopeException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  InvalidEnvelopeException(String field, String reason, Throwable cause) {
    super(field + ": " + reason, cause);
    this.field = field;
    this.reason = reason;
  }

  /** The envelope member at fault ({@code "log"}, {@code "time"}, …) or {@link #WHOLE_ENVELOPE}. */
  public String field() {
    return field;
  }

  /** What is wrong with it. */
  public String reason() {
    return reason;
  }
}
