package org.govchain.seal.sealing;

/** A document hash in another digest than the seal signs with (e.g. SHA-256 for an SM2 seal). */
public final class HashAlgorithmMismatchException extends RuntimeException {
  private final String expected;
  private final String actual;

  public HashAlgorithmMismatchException(String expected, String actual) {
    super("this seal signs " + expected + " hashes, not " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
