package org.govchain.anchor.merkle;

import java.util.List;

/**
 * An in-memory append-only RFC 9162 tree that stores every perfect subtree hash, for tools, tests
 * and benchmarks; proofs and roots for any historical size come from the same plans a database
 * store uses.
 *
 * <p>About 64 bytes per leaf (leaf hashes plus interior nodes), held in large byte chunks. Not
 * thread-safe.
 */
public final class MemoryTree implements NodeSource {

  private final HashColumn[] levels = new HashColumn[NodeId.MAX_LEVEL + 1];
  private long size;

  /** Creates an empty tree. */
  public MemoryTree() {
    levels[0] = new HashColumn();
  }

  /**
   * Appends a leaf and stores every perfect subtree it completes; returns the leaf's index.
   *
   * @param leafHash the leaf's {@link MerkleHasher#leafHash} (32 bytes)
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes
   */
  public long append(byte[] leafHash) {
    MerkleHasher.requireHash(leafHash, "leaf hash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full at " + size + " leaves");
    }
    levels[0].append(leafHash);
    long index = size;
    size++;
    int level = 0;
    while (((size >>> level) & 1) == 0) {
      HashColumn children = levels[level];
      long right = children.count() - 1;
      HashColumn parents = levels[level + 1];
      if (parents == null) {
        parents = new HashColumn();
        levels[level + 1] = parents;
      }
      long parent = parents.reserve();
      MerkleHasher.nodeHashInto(
          children.chunk(right),
          HashColumn.offset(right - 1),
          parents.chunk(parent),
          HashColumn.offset(parent));
      level++;
    }
    return index;
  }

  /** Returns the number of leaves. */
  public long size() {
    return size;
  }

  /** Returns the root of the whole tree. */
  public byte[] root() {
    return root(size);
  }

  /**
   * Returns the root of the tree of the first {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= size <= size()}
   */
  public byte[] root(long size) {
    requireSize(size);
    return MerkleProofs.rootPlan(size).root(this);
  }

  /**
   * Returns the hash of leaf {@code index}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size()}
   */
  public byte[] leafHash(long index) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
    }
    return levels[0].get(index);
  }

  /**
   * Returns the inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= index < size <= size()}
   */
  public List<byte[]> inclusionProof(long index, long size) {
    requireSize(size);
    return MerkleProofs.inclusionPlan(index, size).proof(this);
  }

  /**
   * Returns the consistency proof between the trees of the first {@code m} and {@code n} leaves.
   *
   * @throws IllegalArgumentException unless {@code 0 <= m <= n <= size()}
   */
  public List<byte[]> consistencyProof(long m, long n) {
    requireSize(n);
    return MerkleProofs.consistencyPlan(m, n).proof(this);
  }

  /** Returns a copy of the stored hash of the complete subtree {@code id}, or null if absent. */
  @Override
  public byte[] node(NodeId id) {
    HashColumn column = levels[id.level()];
    if (column == null || id.index() >= column.count()) {
      return null;
    }
    return column.get(id.index());
  }

  private void requireSize(long size) {
    if (size < 0 || size > this.size) {
      throw new IllegalArgumentException(
          "size " + size + " is outside [0, " + this.size + "] for this tree");
    }
  }
}
