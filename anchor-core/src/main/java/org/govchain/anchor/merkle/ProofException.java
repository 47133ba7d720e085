package org.govchain.anchor.merkle;

/** A Merkle inclusion or consistency proof that does not verify. */
public abstract sealed class ProofException extends RuntimeException
    permits RootMismatchException, InvalidProofException {

  private static final long serialVersionUID = 1L;

  ProofException(String message) {
    super(message);
  }
}
