package org.govchain.anchor.merkle;

import java.util.HexFormat;

/** A well-formed proof led to a root other than the one it was checked against. */
public final class RootMismatchException extends ProofException {

  private static final long serialVersionUID = 1L;

  private final byte[] expected;
  private final byte[] calculated;

  /** Creates the exception from the root that was expected and the one the proof produced. */
  public RootMismatchException(byte[] expected, byte[] calculated) {
    this("root", expected, calculated);
  }

  /**
   * Creates the exception naming which root failed (e.g. {@code "first root (size 6)"}), with the
   * root that was expected and the one the proof produced.
   */
  public RootMismatchException(String which, byte[] expected, byte[] calculated) {
    super(
        "calculated "
            + which
            + " "
            + HexFormat.of().formatHex(calculated)
            + " does not match expected "
            + HexFormat.of().formatHex(expected));
    this.expected = expected.clone();
    this.calculated = calculated.clone();
  }

  /** Returns the root the proof was checked against. */
  public byte[] expected() {
    return expected.clone();
  }

  /** Returns the root the proof produced. */
  public byte[] calculated() {
    return calculated.clone();
  }
}
