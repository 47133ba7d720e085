package org.govchain.anchor.merkle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Deterministic leaf data for tests: leaf i is the UTF-8 text {@code "leaf-i"}. */
final class TestLeaves {

  private TestLeaves() {}

  static byte[] leafHash(long i) {
    return MerkleHasher.leafHash(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
  }

  static List<byte[]> leafHashes(int n) {
    List<byte[]> hashes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      hashes.add(leafHash(i));
    }
    return hashes;
  }

  static MemoryTree memoryTree(int n) {
    MemoryTree tree = new MemoryTree();
    for (int i = 0; i < n; i++) {
      tree.append(leafHash(i));
    }
    return tree;
  }

  static byte[] flipBit(byte[] hash, int bit) {
    byte[] copy = hash.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }
}
