package org.govchain.ssc.qr;

/**
 * A QR signing or verification key that cannot be used: unreadable, unsupported or inconsistent.
 */
public final class QrKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QrKeyException(String message) {
    super(message);
  }

  public QrKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
