package org.govchain.auth.keys;

/** The signing key could not be loaded or kept; the message names the file, never a secret. */
public class SigningKeyException extends IllegalStateException {

  public SigningKeyException(String message) {
    super(message);
  }

  public SigningKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
