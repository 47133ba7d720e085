package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Plans name O(log n) complete nodes, read each once, and report what is missing. */
class ProofPlanTest {

  @Test
  void plansForHugeTreesStayLogarithmicAndComplete() {
    Random random = new Random(7);
    for (int sample = 0; sample < 2000; sample++) {
      long size = 1 + (random.nextLong() >>> 1) % (Long.MAX_VALUE - 1);
      long index = (random.nextLong() >>> 1) % size;
      int levels = 64 - Long.numberOfLeadingZeros(size - 1);
      ProofPlan inclusion = MerkleProofs.inclusionPlan(index, size);
      assertThat(inclusion.proofLength()).isEqualTo(TreeMath.inclusionProofLength(index, size));
      assertThat(inclusion.nodes()).hasSizeLessThanOrEqualTo(2 * levels);
      assertThat(inclusion.nodes())
          .allSatisfy(id -> assertThat(id.end()).isLessThanOrEqualTo(size));

      long m = 1 + (random.nextLong() >>> 1) % size;
      ProofPlan consistency = MerkleProofs.consistencyPlan(m, size);
      assertThat(consistency.nodes()).hasSizeLessThanOrEqualTo(2 * levels + 1);
      assertThat(consistency.nodes())
          .allSatisfy(id -> assertThat(id.end()).isLessThanOrEqualTo(size));

      assertThat(MerkleProofs.rootPlan(size).nodes()).hasSize(Long.bitCount(size));
    }
  }

  @Test
  void inclusionPlanOfLastLeafIsTheLeftSiblingsOnly() {
    // Leaf 10 of 11: its siblings are the frontier of 10 leaves, (3,0) and (1,4), bottom up.
    ProofPlan plan = MerkleProofs.inclusionPlan(10, 11);
    assertThat(plan.nodes()).containsExactly(NodeId.of(1, 4), NodeId.of(3, 0));
  }

  @Test
  void inclusionPlanFoldsTheIncompleteRightEdgeFromPerfectNodes() {
    // Leaf 0 of 7: siblings leaf 1, node [2,4), then the incomplete [4,7) = (1,2) + leaf 6.
    ProofPlan plan = MerkleProofs.inclusionPlan(0, 7);
    assertThat(plan.proofLength()).isEqualTo(3);
    assertThat(plan.nodes())
        .containsExactly(NodeId.of(0, 1), NodeId.of(1, 1), NodeId.of(1, 2), NodeId.of(0, 6));
  }

  @Test
  void readsEachPlannedNodeExactlyOnce() {
    MemoryTree tree = TestLeaves.memoryTree(1000);
    for (long index : new long[] {0, 1, 500, 998, 999}) {
      ProofPlan plan = MerkleProofs.inclusionPlan(index, 999 == index ? 1000 : 999);
      AtomicInteger reads = new AtomicInteger();
      Set<NodeId> seen = new HashSet<>();
      List<byte[]> proof =
          plan.proof(
              id -> {
                reads.incrementAndGet();
                assertThat(seen.add(id)).isTrue();
                assertThat(plan.nodes()).contains(id);
                return tree.node(id);
              });
      assertThat(reads.get()).isEqualTo(plan.nodes().size());
      assertThat(proof).hasSize(plan.proofLength());
    }
  }

  @Test
  void reportsTheMissingNode() {
    MemoryTree tree = TestLeaves.memoryTree(7);
    assertThatThrownBy(
            () ->
                MerkleProofs.inclusionPlan(0, 7)
                    .proof(id -> id.equals(NodeId.of(0, 6)) ? null : tree.node(id)))
        .isInstanceOfSatisfying(
            MissingNodeException.class, e -> assertThat(e.node()).isEqualTo(NodeId.of(0, 6)));
  }

  @Test
  void rejectsLookupReturningSomethingThatIsNotAHash() {
    assertThatThrownBy(() -> MerkleProofs.rootPlan(3).root(id -> new byte[3]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3 bytes");
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThatThrownBy(() -> MerkleProofs.inclusionPlan(3, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleProofs.inclusionPlan(-1, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleProofs.consistencyPlan(4, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MerkleProofs.rootPlan(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
