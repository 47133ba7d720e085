package org.govchain.seal.ca;

import java.time.Instant;

/** A certificate chain that does not lead to the seal CA's root at the given time, and why. */
public final class UntrustedCertificateException extends RuntimeException {
  private final String subject;
  private final Instant at;
  private final String reason;

  public UntrustedCertificateException(String subject, Instant at, String reason) {
    super("certificate '" + subject + "' does not chain to the seal CA at " + at + ": " + reason);
    this.subject = subject;
    this.at = at;
    this.reason = reason;
  }

  public String subject() {
    return subject;
  }

  public Instant at() {
    return at;
  }

  public String reason() {
    return reason;
  }
}
