package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A single flipped bit anywhere (proof element, leaf hash, either root) or a wrong leaf index makes
 * verification fail: exhaustively for small trees, and on seeded random samples of a larger tree.
 */
class TamperingTest {

  private static final int BITS = MerkleHasher.HASH_SIZE * 8;
  private static final long SEED = 0x6f76_6368_6169_6eL;

  @Test
  void rejectsInclusionProofWithAnyFlippedBitInSmallTrees() {
    MemoryTree tree = TestLeaves.memoryTree(16);
    for (long n = 1; n <= 16; n++) {
      byte[] root = tree.root(n);
      for (long i = 0; i < n; i++) {
        List<byte[]> proof = tree.inclusionProof(i, n);
        byte[] leaf = tree.leafHash(i);
        for (int bit = 0; bit < BITS; bit++) {
          assertInclusionFails(TestLeaves.flipBit(leaf, bit), i, n, proof, root);
          assertInclusionFails(leaf, i, n, proof, TestLeaves.flipBit(root, bit));
          for (int e = 0; e < proof.size(); e++) {
            assertInclusionFails(leaf, i, n, flipped(proof, e, bit), root);
          }
        }
      }
    }
  }

  @Test
  void rejectsInclusionProofUnderAnyOtherIndex() {
    MemoryTree tree = TestLeaves.memoryTree(32);
    for (long n = 1; n <= 32; n++) {
      byte[] root = tree.root(n);
      for (long i = 0; i < n; i++) {
        List<byte[]> proof = tree.inclusionProof(i, n);
        for (long j = 0; j < n; j++) {
          if (j != i) {
            long other = j;
            long size = n;
            assertThatThrownBy(
                    () ->
                        MerkleVerifier.verifyInclusion(
                            tree.leafHash(other), other, size, proof, root))
                .isInstanceOf(ProofException.class);
          }
        }
      }
    }
  }

  @Test
  void rejectsConsistencyProofWithAnyFlippedBitInSmallTrees() {
    MemoryTree tree = TestLeaves.memoryTree(16);
    for (long n = 2; n <= 16; n++) {
      for (long m = 1; m < n; m++) {
        List<byte[]> proof = tree.consistencyProof(m, n);
        byte[] root1 = tree.root(m);
        byte[] root2 = tree.root(n);
        for (int bit = 0; bit < BITS; bit++) {
          assertConsistencyFails(m, n, TestLeaves.flipBit(root1, bit), root2, proof);
          assertConsistencyFails(m, n, root1, TestLeaves.flipBit(root2, bit), proof);
          for (int e = 0; e < proof.size(); e++) {
            assertConsistencyFails(m, n, root1, root2, flipped(proof, e, bit));
          }
        }
      }
    }
  }

  @Test
  void rejectsRandomlyFlippedBitsInLargerTree() {
    int leaves = 5000;
    MemoryTree tree = TestLeaves.memoryTree(leaves);
    Random random = new Random(SEED);
    for (int sample = 0; sample < 3000; sample++) {
      long n = 1 + random.nextInt(leaves);
      long i = random.nextInt((int) n);
      int bit = random.nextInt(BITS);
      List<byte[]> proof = tree.inclusionProof(i, n);
      byte[] root = tree.root(n);
      byte[] leaf = tree.leafHash(i);
      assertInclusionFails(TestLeaves.flipBit(leaf, bit), i, n, proof, root);
      assertInclusionFails(leaf, i, n, proof, TestLeaves.flipBit(root, bit));
      if (!proof.isEmpty()) {
        assertInclusionFails(leaf, i, n, flipped(proof, random.nextInt(proof.size()), bit), root);
      }

      long m = 1 + random.nextInt((int) n);
      if (m < n) {
        List<byte[]> consistency = tree.consistencyProof(m, n);
        byte[] root1 = tree.root(m);
        assertConsistencyFails(m, n, TestLeaves.flipBit(root1, bit), root, consistency);
        assertConsistencyFails(m, n, root1, TestLeaves.flipBit(root, bit), consistency);
        int e = random.nextInt(consistency.size());
        assertConsistencyFails(m, n, root1, root, flipped(consistency, e, bit));
      }
    }
  }

  private static List<byte[]> flipped(List<byte[]> proof, int element, int bit) {
    List<byte[]> copy = new ArrayList<>(proof);
    copy.set(element, TestLeaves.flipBit(proof.get(element), bit));
    return copy;
  }

  private static void assertInclusionFails(
      byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
    try {
      MerkleVerifier.verifyInclusion(leaf, index, size, proof, root);
    } catch (RootMismatchException expected) {
      return;
    }
    fail("tampered inclusion proof verified: index %d size %d (seed %d)", index, size, SEED);
  }

  private static void assertConsistencyFails(
      long m, long n, byte[] root1, byte[] root2, List<byte[]> proof) {
    try {
      MerkleVerifier.verifyConsistency(m, n, root1, root2, proof);
    } catch (RootMismatchException expected) {
      return;
    }
    fail("tampered consistency proof verified: %d -> %d (seed %d)", m, n, SEED);
  }
}
