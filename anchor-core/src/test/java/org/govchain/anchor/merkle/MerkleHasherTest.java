package org.govchain.anchor.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Leaf and node hashing with their domain-separation prefixes, also under concurrent use. */
class MerkleHasherTest {

  @Test
  void leafHashIsSha256OfZeroPrefixAndData() throws Exception {
    byte[] data = "hello".getBytes();
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update((byte) 0);
    assertThat(MerkleHasher.leafHash(data)).isEqualTo(sha.digest(data));
    // RFC 6962 test tree: the hash of the empty leaf.
    assertThat(HexFormat.of().formatHex(MerkleHasher.leafHash(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void nodeHashIsSha256OfOnePrefixAndChildren() throws Exception {
    byte[] left = MerkleHasher.leafHash(new byte[] {1});
    byte[] right = MerkleHasher.leafHash(new byte[] {2});
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update((byte) 1);
    sha.update(left);
    assertThat(MerkleHasher.nodeHash(left, right)).isEqualTo(sha.digest(right));
    assertThat(MerkleHasher.nodeHash(left, right)).isNotEqualTo(MerkleHasher.nodeHash(right, left));
  }

  @Test
  void nodeHashIntoMatchesNodeHash() {
    byte[] left = MerkleHasher.leafHash(new byte[] {1});
    byte[] right = MerkleHasher.leafHash(new byte[] {2});
    byte[] children = new byte[70];
    System.arraycopy(left, 0, children, 3, 32);
    System.arraycopy(right, 0, children, 35, 32);
    byte[] out = new byte[40];
    MerkleHasher.nodeHashInto(children, 3, out, 5);
    byte[] written = new byte[32];
    System.arraycopy(out, 5, written, 0, 32);
    assertThat(written).isEqualTo(MerkleHasher.nodeHash(left, right));
  }

  @Test
  void rejectsChildrenOfWrongLength() {
    assertThatThrownBy(() -> MerkleHasher.nodeHash(new byte[32], new byte[20]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("right")
        .hasMessageContaining("20 bytes");
  }

  @Test
  void emptyRootIsAFreshCopy() {
    byte[] first = MerkleHasher.emptyRoot();
    first[0] ^= 1;
    assertThat(MerkleHasher.emptyRoot()).isNotEqualTo(first);
  }

  @Test
  void hashesConsistentlyFromManyThreads() throws Exception {
    List<byte[]> expected = TestLeaves.leafHashes(2000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<byte[]>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> TestLeaves.leafHashes(2000)));
      }
      for (Future<List<byte[]>> result : results) {
        assertThat(result.get()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
