package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every tree size 0..128, every leaf and every pair of sizes: roots and proofs from {@link
 * MemoryTree} and from the plans over an independent node map equal the RFC's recursive definitions
 * ({@link RfcReference}) and verify.
 */
class ExhaustiveProofTest {

  private static final int MAX = 128;

  private final List<byte[]> leaves = TestLeaves.leafHashes(MAX);
  private final RfcReference reference = new RfcReference(leaves);
  private final MemoryTree tree = TestLeaves.memoryTree(MAX);

  /** The nodes a sequencer would store, collected from the compact range, not from MemoryTree. */
  private final Map<NodeId, byte[]> stored = new HashMap<>();

  ExhaustiveProofTest() {
    CompactRange range = CompactRange.empty();
    leaves.forEach(leaf -> range.append(leaf, stored::put));
  }

  @Test
  void rootOfEverySizeIsTheMerkleTreeHash() {
    for (int n = 0; n <= MAX; n++) {
      byte[] mth = reference.mth(0, n);
      assertThat(tree.root(n)).as("MemoryTree root(%d)", n).isEqualTo(mth);
      assertThat(MerkleProofs.rootPlan(n).root(stored::get)).as("root plan %d", n).isEqualTo(mth);
    }
  }

  @Test
  void inclusionProofOfEveryLeafIsTheRfcPathAndVerifies() {
    for (int n = 1; n <= MAX; n++) {
      byte[] root = reference.mth(0, n);
      for (int i = 0; i < n; i++) {
        List<byte[]> expected = reference.path(i, n);
        List<byte[]> fromTree = tree.inclusionProof(i, n);
        List<byte[]> fromPlan = MerkleProofs.inclusionPlan(i, n).proof(stored::get);
        assertThat(fromTree)
            .as("MemoryTree PATH(%d, %d)", i, n)
            .containsExactlyElementsOf(expected);
        assertThat(fromPlan).as("plan PATH(%d, %d)", i, n).containsExactlyElementsOf(expected);

        long index = i;
        long size = n;
        byte[] leaf = leaves.get(i);
        assertThatCode(() -> MerkleVerifier.verifyInclusion(leaf, index, size, expected, root))
            .as("verify PATH(%d, %d)", i, n)
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void consistencyProofOfEveryPairOfSizesIsTheRfcProofAndVerifies() {
    for (int n = 1; n <= MAX; n++) {
      byte[] root2 = reference.mth(0, n);
      for (int m = 1; m <= n; m++) {
        List<byte[]> expected = reference.proof(m, n);
        List<byte[]> fromTree = tree.consistencyProof(m, n);
        List<byte[]> fromPlan = MerkleProofs.consistencyPlan(m, n).proof(stored::get);
        assertThat(fromTree)
            .as("MemoryTree PROOF(%d, %d)", m, n)
            .containsExactlyElementsOf(expected);
        assertThat(fromPlan).as("plan PROOF(%d, %d)", m, n).containsExactlyElementsOf(expected);

        long first = m;
        long second = n;
        byte[] root1 = reference.mth(0, m);
        assertThatCode(
                () -> MerkleVerifier.verifyConsistency(first, second, root1, root2, expected))
            .as("verify PROOF(%d, %d)", m, n)
            .doesNotThrowAnyException();
      }
    }
  }

  @Test
  void consistencyFromTheEmptyTreeIsTheEmptyProof() {
    for (int n = 0; n <= MAX; n++) {
      assertThat(tree.consistencyProof(0, n)).isEmpty();
      assertThat(reference.proof(0, n)).isEmpty();
    }
  }

  @Test
  void plansReadOnlyCompleteNodesAndAtMostTwoPerLevel() {
    for (int size = 1; size <= MAX; size++) {
      int n = size;
      int levels = 64 - Long.numberOfLeadingZeros(n - 1);
      for (int i = 0; i < n; i++) {
        ProofPlan plan = MerkleProofs.inclusionPlan(i, n);
        assertThat(plan.nodes()).allSatisfy(id -> assertThat(id.end()).isLessThanOrEqualTo(n));
        assertThat(plan.nodes()).hasSizeLessThanOrEqualTo(2 * levels);
      }
      for (int m = 0; m <= n; m++) {
        ProofPlan plan = MerkleProofs.consistencyPlan(m, n);
        assertThat(plan.nodes()).allSatisfy(id -> assertThat(id.end()).isLessThanOrEqualTo(n));
        assertThat(plan.nodes()).hasSizeLessThanOrEqualTo(2 * levels + 1);
      }
    }
  }
}
