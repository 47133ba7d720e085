package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-memory tree across chunk boundaries, for historical sizes, and at its bounds. */
class MemoryTreeTest {

  @Test
  void largeTreeAgreesWithCompactRangeAcrossChunkBoundaries() {
    // More than two full chunks of leaf hashes, so level 0 and level 1 both span chunks.
    int leaves = (2 << HashColumn.CHUNK_BITS) + 1234;
    MemoryTree tree = new MemoryTree();
    CompactRange range = CompactRange.empty();
    byte[][] rootsAt = new byte[leaves + 1][];
    rootsAt[0] = range.root();
    for (int i = 0; i < leaves; i++) {
      byte[] leaf = TestLeaves.leafHash(i);
      assertThat(tree.append(leaf)).isEqualTo(i);
      range.append(leaf);
      if (i % 997 == 0 || i > leaves - 3) {
        rootsAt[i + 1] = range.root();
      }
    }
    assertThat(tree.size()).isEqualTo(leaves);
    for (int size = 0; size <= leaves; size++) {
      if (rootsAt[size] != null) {
        assertThat(tree.root(size)).as("root(%d)", size).isEqualTo(rootsAt[size]);
      }
    }
    Random random = new Random(42);
    for (int sample = 0; sample < 200; sample++) {
      long size = 1 + random.nextInt(leaves);
      long index = random.nextInt((int) size);
      byte[] root = tree.root(size);
      var proof = tree.inclusionProof(index, size);
      byte[] leaf = tree.leafHash(index);
      assertThat(leaf).isEqualTo(TestLeaves.leafHash(index));
      assertThatCode(() -> MerkleVerifier.verifyInclusion(leaf, index, size, proof, root))
          .doesNotThrowAnyException();
      long m = 1 + random.nextInt((int) size);
      var consistency = tree.consistencyProof(m, size);
      assertThatCode(
              () -> MerkleVerifier.verifyConsistency(m, size, tree.root(m), root, consistency))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void storesExactlyTheCompleteSubtrees() {
    MemoryTree tree = TestLeaves.memoryTree(6);
    assertThat(tree.node(NodeId.of(0, 5))).isNotNull();
    assertThat(tree.node(NodeId.of(0, 6))).isNull();
    assertThat(tree.node(NodeId.of(1, 2))).isNotNull();
    assertThat(tree.node(NodeId.of(2, 0))).isNotNull();
    assertThat(tree.node(NodeId.of(2, 1))).as("leaves 4..7 are incomplete").isNull();
    assertThat(tree.node(NodeId.of(3, 0))).isNull();
    assertThat(tree.node(NodeId.of(40, 0))).isNull();
  }

  @Test
  void returnedHashesAreCopies() {
    MemoryTree tree = TestLeaves.memoryTree(4);
    byte[] root = tree.root();
    tree.node(NodeId.of(0, 0))[0] ^= 1;
    tree.leafHash(1)[0] ^= 1;
    tree.inclusionProof(0, 4).get(0)[0] ^= 1;
    assertThat(tree.root()).isEqualTo(root);
  }

  @Test
  void rejectsSizesBeyondTheTree() {
    MemoryTree tree = TestLeaves.memoryTree(5);
    assertThatThrownBy(() -> tree.root(6)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.inclusionProof(5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 5, size 5");
    assertThatThrownBy(() -> tree.inclusionProof(0, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(3, 6))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("m 4, n 3");
    assertThatThrownBy(() -> tree.leafHash(5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tree.append(new byte[33]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyTreeHasTheEmptyRoot() {
    MemoryTree tree = new MemoryTree();
    assertThat(tree.size()).isZero();
    assertThat(tree.root()).isEqualTo(MerkleHasher.emptyRoot());
    assertThat(tree.consistencyProof(0, 0)).isEmpty();
  }
}
