package org.govchain.bench.merkle;

import java.nio.ByteBuffer;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;

/** Deterministic benchmark fixtures: leaf i hashes the 8 bytes of i. */
final class Trees {

  private Trees() {}

  static byte[] leafHash(long i) {
    return MerkleHasher.leafHash(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
  }

  static MemoryTree memoryTree(long size) {
    MemoryTree tree = new MemoryTree();
    byte[] data = new byte[Long.BYTES];
    ByteBuffer buffer = ByteBuffer.wrap(data);
    for (long i = 0; i < size; i++) {
      buffer.putLong(0, i);
      tree.append(MerkleHasher.leafHash(data));
    }
    return tree;
  }
}
