package org.govchain.seal.keys;

/** A key that is neither ECDSA P-256 nor SM2, with a description of what it is. */
public final class UnsupportedKeyException extends RuntimeException {
  private final String keyDescription;

  public UnsupportedKeyException(String keyDescription) {
    super("unsupported key (want EC P-256 or SM2): " + keyDescription);
    this.keyDescription = keyDescription;
  }

  public String keyDescription() {
    return keyDescription;
  }
}
