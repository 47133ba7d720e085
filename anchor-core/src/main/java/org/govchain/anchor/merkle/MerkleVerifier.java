package org.govchain.anchor.merkle;

import static org.govchain.anchor.merkle.InvalidProofException.Reason.BAD_HASH_LENGTH;
import static org.govchain.anchor.merkle.InvalidProofException.Reason.BAD_TREE_SIZE;
import static org.govchain.anchor.merkle.InvalidProofException.Reason.INDEX_OUT_OF_RANGE;
import static org.govchain.anchor.merkle.InvalidProofException.Reason.NOT_PROVABLE;
import static org.govchain.anchor.merkle.InvalidProofException.Reason.WRONG_PROOF_LENGTH;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs, following the RFC's
 * algorithms step by step; every failure is a {@link ProofException} that states the values.
 */
public final class MerkleVerifier {

  private MerkleVerifier() {}

  /**
   * Verifies that {@code leafHash} is leaf {@code index} of the tree of {@code size} leaves whose
   * root is {@code root}. Requires {@code 0 <= index < size}; all hashes are 32 bytes.
   *
   * @throws InvalidProofException if the index, size, hash lengths or proof length are wrong
   * @throws RootMismatchException if the proof leads to a different root
   */
  public static void verifyInclusion(
      byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
    requireHash(root, "root");
    byte[] calculated = rootFromInclusionProof(leafHash, index, size, proof);
    if (!MessageDigest.isEqual(calculated, root)) {
      throw new RootMismatchException(root, calculated);
    }
  }

  /**
   * Returns the root that the inclusion proof of {@code leafHash} at {@code index} leads to in a
   * tree of {@code size} leaves (RFC 9162 §2.1.3.2 steps 1–4). Requires {@code 0 <= index < size}.
   *
   * @throws InvalidProofException if the index, size, hash lengths or proof length are wrong
   */
  public static byte[] rootFromInclusionProof(
      byte[] leafHash, long index, long size, List<byte[]> proof) {
    Objects.requireNonNull(proof, "proof");
    if (size < 0) {
      throw new InvalidProofException(BAD_TREE_SIZE, "tree size " + size + " is negative");
    }
    if (index < 0 || index >= size) {
      throw new InvalidProofException(
          INDEX_OUT_OF_RANGE,
          "leaf index "
              + Long.toUnsignedString(index)
              + " is not in a tree of size "
              + size
              + " (needs 0 <= index < size)");
    }
    requireHash(leafHash, "leaf hash");
    requireHashes(proof);
    int expected = TreeMath.inclusionProofLength(index, size);
    if (proof.size() != expected) {
      throw new InvalidProofException(
          WRONG_PROOF_LENGTH,
          "inclusion proof for index "
              + index
              + " in a tree of size "
              + size
              + " has "
              + proof.size()
              + " hashes, needs "
              + expected);
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        throw tooLong("inclusion", proof.size());
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHasher.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = MerkleHasher.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw tooShort("inclusion", proof.size());
    }
    return r == leafHash ? leafHash.clone() : r;
  }

  /**
   * Verifies that the tree of {@code m} leaves with root {@code root1} is a prefix of the tree of
   * {@code n} leaves with root {@code root2}.
   *
   * <ul>
   *   <li>{@code m == n}: the proof must be empty and the roots equal (both {@code SHA-256("")}
   *       when {@code m == 0}).
   *   <li>{@code 0 == m < n}: rejected with {@link InvalidProofException.Reason#NOT_PROVABLE}, as
   *       transparency-dev/merkle does: every tree extends the empty tree, so there is nothing to
   *       verify and a caller asking has confused its sizes. (RFC 9162 defines the proof for that
   *       case as empty; callers that trust an empty tree need no proof.)
   *   <li>{@code 0 < m < n}: RFC 9162 §2.1.4.2, requiring both roots and every proof hash to be 32
   *       bytes and the proof to have exactly the length the sizes imply.
   * </ul>
   *
   * @throws InvalidProofException if the sizes, hash lengths or proof length are wrong
   * @throws RootMismatchException if the proof does not lead to {@code root1} and {@code root2}
   */
  public static void verifyConsistency(
      long m, long n, byte[] root1, byte[] root2, List<byte[]> proof) {
    Objects.requireNonNull(proof, "proof");
    if (m < 0 || n < 0 || m > n) {
      throw new InvalidProofException(
          BAD_TREE_SIZE, "consistency needs 0 <= m <= n, got m " + m + ", n " + n);
    }
    if (m == n) {
      verifySameSize(m, root1, root2, proof);
      return;
    }
    if (m == 0) {
      throw new InvalidProofException(
          NOT_PROVABLE,
          "consistency from the empty tree to size " + n + " proves nothing (m = 0 < n)");
    }
    requireHash(root1, "first root");
    requireHash(root2, "second root");
    if (proof.isEmpty()) {
      throw new InvalidProofException(
          WRONG_PROOF_LENGTH, "consistency proof from " + m + " to " + n + " is empty");
    }
    requireHashes(proof);
    int expected = TreeMath.consistencyProofLength(m, n);
    if (proof.size() != expected) {
      throw new InvalidProofException(
          WRONG_PROOF_LENGTH,
          "consistency proof from "
              + m
              + " to "
              + n
              + " has "
              + proof.size()
              + " hashes, needs "
              + expected);
    }
    int start = 0;
    byte[] fr;
    if (m == Long.highestOneBit(m)) {
      fr = root1; // step 2: first_hash is prepended
    } else {
      fr = proof.get(0);
      start = 1;
    }
    byte[] sr = fr;
    long fn = m - 1;
    long sn = n - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    for (int i = start; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        throw tooLong("consistency", proof.size());
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHasher.nodeHash(c, fr);
        sr = MerkleHasher.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = MerkleHasher.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw tooShort("consistency", proof.size());
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new RootMismatchException("first root (size " + m + ")", root1, fr);
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new RootMismatchException("second root (size " + n + ")", root2, sr);
    }
  }

  /**
   * The trivial case {@code m == n}: the RFC requires an empty proof; the roots must be equal, and
   * for the empty tree they must be {@code SHA-256("")}. Roots are compared as given (not
   * length-checked), as the RFC 6962 vectors of transparency-dev/merkle expect.
   */
  private static void verifySameSize(long size, byte[] root1, byte[] root2, List<byte[]> proof) {
    if (!proof.isEmpty()) {
      throw new InvalidProofException(
          WRONG_PROOF_LENGTH,
          "consistency between equal sizes "
              + size
              + " needs an empty proof, got "
              + proof.size()
              + " hashes");
    }
    Objects.requireNonNull(root1, "root1");
    Objects.requireNonNull(root2, "root2");
    if (size == 0 && !MerkleHasher.isEmptyRoot(root1)) {
      throw new RootMismatchException("first root (size 0)", root1, MerkleHasher.emptyRoot());
    }
    if (!MessageDigest.isEqual(root1, root2)) {
      throw new RootMismatchException("second root (size " + size + ")", root2, root1);
    }
  }

  private static void requireHash(byte[] hash, String what) {
    if (hash == null || hash.length != MerkleHasher.HASH_SIZE) {
      throw new InvalidProofException(
          BAD_HASH_LENGTH,
          what
              + " must be "
              + MerkleHasher.HASH_SIZE
              + " bytes, got "
              + (hash == null ? "null" : hash.length + " bytes"));
    }
  }

  private static void requireHashes(List<byte[]> proof) {
    for (int i = 0; i < proof.size(); i++) {
      requireHash(proof.get(i), "proof[" + i + "]");
    }
  }

  private static InvalidProofException tooLong(String kind, int length) {
    return new InvalidProofException(
        WRONG_PROOF_LENGTH, kind + " proof of " + length + " hashes is too long");
  }

  private static InvalidProofException tooShort(String kind, int length) {
    return new InvalidProofException(
        WRONG_PROOF_LENGTH, kind + " proof of " + length + " hashes is too short");
  }
}
