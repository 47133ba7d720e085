package org.govchain.anchor.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans RFC 9162 inclusion proofs, consistency proofs and roots as sets of stored perfect nodes.
 *
 * <p>Stores keep exactly the complete subtrees ({@link NodeId}); every plan needs O(log n) of them,
 * which a database can read in one query before the plan assembles the result.
 */
public final class MerkleProofs {

  private MerkleProofs() {}

  /**
   * Plans the inclusion proof (RFC 9162 §2.1.3.1, PATH) of leaf {@code index} in the tree of the
   * first {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size}
   */
  public static ProofPlan inclusionPlan(long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException(
          "inclusion proof needs 0 <= index < size, got index " + index + ", size " + size);
    }
    List<List<NodeId>> elements = new ArrayList<>(64);
    addPath(elements, index, size, 0);
    return new ProofPlan("inclusion(index=" + index + ", size=" + size + ")", elements);
  }

  /**
   * Plans the consistency proof (RFC 9162 §2.1.4.1, PROOF) between the trees of the first {@code m}
   * and the first {@code n} leaves. The proof is empty when {@code m == 0} or {@code m == n}, as
   * the RFC defines it (note that {@link MerkleVerifier#verifyConsistency} rejects {@code 0 = m <
   * n}).
   *
   * @throws IllegalArgumentException unless {@code 0 <= m <= n}
   */
  public static ProofPlan consistencyPlan(long m, long n) {
    if (m < 0 || m > n) {
      throw new IllegalArgumentException(
          "consistency proof needs 0 <= m <= n, got m " + m + ", n " + n);
    }
    String description = "consistency(m=" + m + ", n=" + n + ")";
    List<List<NodeId>> elements = new ArrayList<>(64);
    if (m == 0 || m == n) {
      return new ProofPlan(description, elements);
    }
    int shift = Long.numberOfTrailingZeros(m);
    if (m != 1L << shift) {
      // The old tree's rightmost complete subtree at that level seeds the proof unless it is the
      // whole old tree, which the verifier already knows as the first root.
      elements.add(List.of(new NodeId(shift, (m - 1) >>> shift)));
    }
    addPath(elements, m - 1, n, shift);
    return new ProofPlan(description, elements);
  }

  /**
   * Plans the root (RFC 9162 MTH) of the first {@code size} leaves.
   *
   * @throws IllegalArgumentException if {@code size < 0}
   */
  public static RootPlan rootPlan(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, got " + size);
    }
    return new RootPlan(size);
  }

  /**
   * Adds the path elements of leaf {@code index} in a tree of {@code size} leaves from level {@code
   * fromLevel} upwards. Below the level where the paths to {@code index} and {@code size - 1} meet,
   * siblings are perfect nodes except the topmost, the incomplete right edge; above it, only left
   * siblings exist and all are perfect.
   */
  private static void addPath(List<List<NodeId>> elements, long index, long size, int fromLevel) {
    int inner = TreeMath.innerProofSize(index, size);
    for (int level = fromLevel; level < inner; level++) {
      long sibling = (index >>> level) ^ 1;
      if (level < inner - 1) {
        elements.add(List.of(new NodeId(level, sibling)));
      } else {
        elements.add(TreeMath.perfectCover(sibling << level, size));
      }
    }
    for (int level = Math.max(inner, fromLevel); level < 63; level++) {
      if (((index >>> level) & 1) != 0) {
        elements.add(List.of(new NodeId(level, (index >>> level) - 1)));
      }
    }
  }
}
