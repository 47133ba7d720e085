package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The classic 8-leaf test tree of Certificate Transparency, with its published roots and proofs.
 *
 * <p>Source of the numbers: transparency-dev/merkle {@code proof/verify_test.go}
 * (https://github.com/transparency-dev/merkle), which carries them over from Certificate
 * Transparency's own Merkle tree tests: the leaves, the roots for sizes 1..8, the inclusion proofs
 * for (leaf 0, size 8), (5, 8), (2, 3), (1, 5) and the consistency proofs (1, 8), (6, 8), (2, 5),
 * (6, 7). They are facts about RFC 6962 hashing; only the values are taken from there.
 */
class CtTestTreeTest {

  private static final HexFormat HEX = HexFormat.of();

  private static final List<String> LEAVES =
      List.of(
          "",
          "00",
          "10",
          "2021",
          "3031",
          "40414243",
          "5051525354555657",
          "606162636465666768696a6b6c6d6e6f");

  /** Published roots of the trees of the first 1..8 leaves. */
  private static final List<String> ROOTS =
      List.of(
          "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
          "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
          "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
          "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
          "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
          "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
          "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
          "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

  private final MemoryTree tree = new MemoryTree();

  CtTestTreeTest() {
    LEAVES.forEach(leaf -> tree.append(MerkleHasher.leafHash(HEX.parseHex(leaf))));
  }

  @Test
  void emptyTreeRootIsSha256OfNothing() {
    assertThat(HEX.formatHex(MerkleHasher.emptyRoot()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(tree.root(0)).isEqualTo(MerkleHasher.emptyRoot());
  }

  @Test
  void rootsOfEverySizeMatchThePublishedRoots() {
    for (int size = 1; size <= 8; size++) {
      assertThat(HEX.formatHex(tree.root(size)))
          .as("root of size %d", size)
          .isEqualTo(ROOTS.get(size - 1));
    }
  }

  @Test
  void inclusionProofsMatchThePublishedPaths() {
    assertInclusion(
        0,
        8,
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertInclusion(
        5,
        8,
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertInclusion(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
    assertInclusion(
        1,
        5,
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    assertInclusion(0, 1);
  }

  @Test
  void consistencyProofsMatchThePublishedProofs() {
    assertConsistency(1, 1);
    assertConsistency(
        1,
        8,
        "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
    assertConsistency(
        6,
        8,
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    assertConsistency(
        2,
        5,
        "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
        "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    assertConsistency(
        6,
        7,
        "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
        "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
  }

  private void assertInclusion(long index, long size, String... expectedPath) {
    List<byte[]> proof = tree.inclusionProof(index, size);
    assertThat(proof.stream().map(HEX::formatHex)).containsExactly(expectedPath);
    byte[] leafHash = tree.leafHash(index);
    byte[] root = HEX.parseHex(ROOTS.get((int) size - 1));
    assertThatCode(() -> MerkleVerifier.verifyInclusion(leafHash, index, size, proof, root))
        .doesNotThrowAnyException();
  }

  private void assertConsistency(long m, long n, String... expectedProof) {
    List<byte[]> proof = tree.consistencyProof(m, n);
    assertThat(proof.stream().map(HEX::formatHex)).containsExactly(expectedProof);
    byte[] root1 = HEX.parseHex(ROOTS.get((int) m - 1));
    byte[] root2 = HEX.parseHex(ROOTS.get((int) n - 1));
    assertThatCode(() -> MerkleVerifier.verifyConsistency(m, n, root1, root2, proof))
        .doesNotThrowAnyException();
    assertThat(Arrays.equals(tree.root(m), root1)).isTrue();
  }
}
