package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.govchain.anchor.merkle.InvalidProofException.Reason;
import org.junit.jupiter.api.Test;

/** Edge cases of the verifiers and the values their exceptions carry. */
class MerkleVerifierTest {

  private final MemoryTree tree = TestLeaves.memoryTree(20);

  @Test
  void verifiesSingleLeafTreeWithEmptyProof() {
    byte[] leaf = tree.leafHash(0);
    assertThatCode(() -> MerkleVerifier.verifyInclusion(leaf, 0, 1, List.of(), tree.root(1)))
        .doesNotThrowAnyException();
    assertThat(tree.root(1)).isEqualTo(leaf);
  }

  @Test
  void verifiesPowersOfTwoTheirNeighboursAndTheLastLeaf() {
    for (long size : new long[] {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 20}) {
      for (long index : new long[] {0, size / 2, size - 1}) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        byte[] leaf = tree.leafHash(index);
        assertThatCode(
                () -> MerkleVerifier.verifyInclusion(leaf, index, size, proof, tree.root(size)))
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void rootMismatchCarriesBothRootsInHex() {
    byte[] wrongRoot = tree.root(7);
    List<byte[]> proof = tree.inclusionProof(3, 8);
    byte[] calculated = tree.root(8);
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(tree.leafHash(3), 3, 8, proof, wrongRoot))
        .isInstanceOfSatisfying(
            RootMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo(wrongRoot);
              assertThat(e.calculated()).isEqualTo(calculated);
            })
        .hasMessageContaining(HexFormat.of().formatHex(wrongRoot))
        .hasMessageContaining(HexFormat.of().formatHex(calculated));
  }

  @Test
  void rejectsIndexNotBelowSize() {
    assertInvalidInclusion(5, 5, List.of(), Reason.INDEX_OUT_OF_RANGE, "leaf index 5", "size 5");
    assertInvalidInclusion(0, 0, List.of(), Reason.INDEX_OUT_OF_RANGE, "size 0");
    assertInvalidInclusion(
        -1, 5, List.of(), Reason.INDEX_OUT_OF_RANGE, "leaf index 18446744073709551615");
    assertInvalidInclusion(0, -3, List.of(), Reason.BAD_TREE_SIZE, "-3");
  }

  @Test
  void rejectsProofOfWrongLengthNamingBothLengths() {
    List<byte[]> proof = new ArrayList<>(tree.inclusionProof(2, 8));
    proof.add(tree.root(8));
    assertInvalidInclusion(2, 8, proof, Reason.WRONG_PROOF_LENGTH, "has 4 hashes, needs 3");
    assertInvalidInclusion(2, 8, proof.subList(0, 2), Reason.WRONG_PROOF_LENGTH, "needs 3");
  }

  @Test
  void rejectsHashesOfWrongLength() {
    List<byte[]> proof = new ArrayList<>(tree.inclusionProof(2, 8));
    proof.set(1, new byte[31]);
    assertInvalidInclusion(2, 8, proof, Reason.BAD_HASH_LENGTH, "proof[1]", "31 bytes");
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(new byte[0], 0, 1, List.of(), tree.root(1)))
        .isInstanceOfSatisfying(
            InvalidProofException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_HASH_LENGTH));
    assertThatThrownBy(
            () -> MerkleVerifier.verifyInclusion(tree.leafHash(0), 0, 1, List.of(), new byte[64]))
        .isInstanceOfSatisfying(
            InvalidProofException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_HASH_LENGTH));
  }

  @Test
  void rootFromInclusionProofIsTheTreeRoot() {
    assertThat(
            MerkleVerifier.rootFromInclusionProof(
                tree.leafHash(13), 13, 19, tree.inclusionProof(13, 19)))
        .isEqualTo(tree.root(19));
  }

  @Test
  void consistencyBetweenEqualSizesNeedsEmptyProofAndEqualRoots() {
    byte[] root = tree.root(9);
    assertThatCode(() -> MerkleVerifier.verifyConsistency(9, 9, root, root, List.of()))
        .doesNotThrowAnyException();
    assertInvalidConsistency(9, 9, root, root, List.of(root), Reason.WRONG_PROOF_LENGTH, "empty");
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(9, 9, root, tree.root(8), List.of()))
        .isInstanceOf(RootMismatchException.class);
  }

  @Test
  void consistencyOfEmptyTreesNeedsTheEmptyRoot() {
    byte[] empty = MerkleHasher.emptyRoot();
    assertThatCode(() -> MerkleVerifier.verifyConsistency(0, 0, empty, empty, List.of()))
        .doesNotThrowAnyException();
    byte[] other = tree.root(1);
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(0, 0, other, other, List.of()))
        .isInstanceOfSatisfying(
            RootMismatchException.class,
            e -> assertThat(e.calculated()).isEqualTo(MerkleHasher.emptyRoot()));
  }

  @Test
  void rejectsConsistencyFromTheEmptyTreeAsNotProvable() {
    byte[] empty = MerkleHasher.emptyRoot();
    assertInvalidConsistency(
        0, 5, empty, tree.root(5), List.of(), Reason.NOT_PROVABLE, "empty tree", "size 5");
  }

  @Test
  void rejectsConsistencyWithFirstSizeAboveSecond() {
    assertInvalidConsistency(
        6, 5, tree.root(6), tree.root(5), List.of(), Reason.BAD_TREE_SIZE, "m 6, n 5");
    assertInvalidConsistency(
        -1, 5, tree.root(6), tree.root(5), List.of(), Reason.BAD_TREE_SIZE, "m -1");
  }

  @Test
  void rejectsConsistencyProofOfWrongLength() {
    byte[] root1 = tree.root(6);
    byte[] root2 = tree.root(8);
    List<byte[]> proof = new ArrayList<>(tree.consistencyProof(6, 8));
    assertInvalidConsistency(6, 8, root1, root2, List.of(), Reason.WRONG_PROOF_LENGTH, "empty");
    proof.add(root2);
    assertInvalidConsistency(
        6, 8, root1, root2, proof, Reason.WRONG_PROOF_LENGTH, "has 4 hashes, needs 3");
  }

  @Test
  void consistencyMismatchNamesWhichRootFailed() {
    List<byte[]> proof = tree.consistencyProof(6, 8);
    assertThatThrownBy(
            () -> MerkleVerifier.verifyConsistency(6, 8, tree.root(6), tree.root(7), proof))
        .isInstanceOf(RootMismatchException.class)
        .hasMessageContaining("second root (size 8)");
    assertThatThrownBy(
            () -> MerkleVerifier.verifyConsistency(6, 8, tree.root(5), tree.root(8), proof))
        .isInstanceOf(RootMismatchException.class)
        .hasMessageContaining("first root (size 6)");
  }

  @Test
  void rejectsProofFromOtherTree() {
    MemoryTree other = new MemoryTree();
    for (int i = 0; i < 8; i++) {
      other.append(TestLeaves.leafHash(i + 100));
    }
    assertThatThrownBy(
            () ->
                MerkleVerifier.verifyConsistency(
                    4, 8, tree.root(4), tree.root(8), other.consistencyProof(4, 8)))
        .isInstanceOf(RootMismatchException.class);
  }

  private void assertInvalidInclusion(
      long index, long size, List<byte[]> proof, Reason reason, String... messageParts) {
    byte[] leaf = tree.leafHash(0);
    byte[] root = tree.root(8);
    assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(leaf, index, size, proof, root))
        .isInstanceOfSatisfying(
            InvalidProofException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContainingAll(messageParts);
  }

  private static void assertInvalidConsistency(
      long m,
      long n,
      byte[] root1,
      byte[] root2,
      List<byte[]> proof,
      Reason reason,
      String... messageParts) {
    assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(m, n, root1, root2, proof))
        .isInstanceOfSatisfying(
            InvalidProofException.class, e -> assertThat(e.reason()).isEqualTo(reason))
        .hasMessageContainingAll(messageParts);
  }
}
