package org.govchain.anchor.merkle;

/** A proof or its parameters are malformed, so no root could be computed from them. */
public final class InvalidProofException extends ProofException {

  private static final long serialVersionUID = 1L;

  /** What is wrong with the proof or its parameters. */
  public enum Reason {
    /** A leaf index is negative or not below the tree size. */
    INDEX_OUT_OF_RANGE,
    /** A tree size is negative, or the first size of a consistency proof exceeds the second. */
    BAD_TREE_SIZE,
    /** The proof has more or fewer hashes than the sizes require. */
    WRONG_PROOF_LENGTH,
    /** A leaf hash, root or proof element is null or not {@link MerkleHasher#HASH_SIZE} bytes. */
    BAD_HASH_LENGTH,
    /** The sizes admit no meaningful proof (consistency from the empty tree to a larger one). */
    NOT_PROVABLE
  }

  private final Reason reason;

  /** Creates the exception with its reason and a message that states the offending values. */
  public InvalidProofException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns what is wrong. */
  public Reason reason() {
    return reason;
  }
}
