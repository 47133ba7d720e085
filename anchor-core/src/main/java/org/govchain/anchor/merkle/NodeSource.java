package org.govchain.anchor.merkle;

import java.util.function.Function;

/**
 * Where stored perfect-subtree hashes are read from (memory, a database result set, ...); usable
 * wherever a {@code Function<NodeId, byte[]>} lookup is taken.
 */
@FunctionalInterface
public interface NodeSource extends Function<NodeId, byte[]> {

  /**
   * Returns the {@link MerkleHasher#HASH_SIZE}-byte hash of the complete subtree {@code id}, or
   * {@code null} if it is not stored. Callers must not modify the returned array.
   */
  byte[] node(NodeId id);

  /** Same as {@link #node(NodeId)}. */
  @Override
  default byte[] apply(NodeId id) {
    return node(id);
  }
}
