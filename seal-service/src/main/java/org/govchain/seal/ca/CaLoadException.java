package org.govchain.seal.ca;

/** A configured CA root (PKCS#12 or PEM) that cannot be loaded, with the source and the cause. */
public final class CaLoadException extends RuntimeException {
  private final String source;

  public CaLoadException(String source, String reason, Throwable cause) {
    super("cannot load the seal CA from " + source + ": " + reason, cause);
    this.source = source;
  }

  public String source() {
    return source;
  }
}
