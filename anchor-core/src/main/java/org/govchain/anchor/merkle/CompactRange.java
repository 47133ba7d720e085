package org.govchain.anchor.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The right-edge frontier of an append-only tree: the at most 63 perfect subtrees covering leaves
 * {@code [0, size)}, enough to append leaves, report every subtree they complete, and compute the
 * root — what a sequencer keeps to store new nodes incrementally.
 *
 * <p>Not thread-safe.
 */
public final class CompactRange {

  /** Frontier hashes by level; {@code hashes[l]} is non-null exactly when bit l of size is set. */
  private final byte[][] hashes = new byte[NodeId.MAX_LEVEL + 1][];

  private long size;

  private CompactRange() {}

  /** Returns the frontier of the empty tree. */
  public static CompactRange empty() {
    return new CompactRange();
  }

  /**
   * Returns the perfect nodes that cover leaves {@code [0, size)}, left to right (largest first):
   * one per bit set in {@code size}.
   *
   * @throws IllegalArgumentException if {@code size < 0}
   */
  public static List<NodeId> frontier(long size) {
    requireSize(size);
    return TreeMath.perfectCover(0, size);
  }

  /**
   * Rebuilds the frontier of a tree of {@code size} leaves from stored nodes.
   *
   * @param lookup returns the hash of each node in {@link #frontier(long)}, or null if missing
   * @throws MissingNodeException if a frontier node is not found
   * @throws IllegalArgumentException if {@code size < 0} or a hash is not 32 bytes
   */
  public static CompactRange resume(long size, Function<NodeId, byte[]> lookup) {
    CompactRange range = new CompactRange();
    for (NodeId id : frontier(size)) {
      byte[] hash = lookup.apply(id);
      if (hash == null) {
        throw new MissingNodeException(id);
      }
      MerkleHasher.requireHash(hash, id.toString());
      range.hashes[id.level()] = hash.clone();
    }
    range.size = size;
    return range;
  }

  /**
   * Appends leaf {@code size()} and hands {@code newNodeSink} every perfect node this completes:
   * the leaf itself (level 0) first, then each newly complete ancestor, bottom up.
   *
   * @param leafHash the leaf's {@link MerkleHasher#leafHash} (32 bytes)
   * @param newNodeSink receives each new node and its hash (a copy it may keep)
   * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes
   * @throws IllegalStateException if the tree already holds {@link Long#MAX_VALUE} leaves
   */
  public void append(byte[] leafHash, BiConsumer<NodeId, byte[]> newNodeSink) {
    MerkleHasher.requireHash(leafHash, "leaf hash");
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("tree is full at " + size + " leaves");
    }
    long newSize = size + 1;
    byte[] hash = leafHash.clone();
    newNodeSink.accept(NodeId.leaf(size), hash.clone());
    int level = 0;
    while (hashes[level] != null) {
      hash = MerkleHasher.nodeHash(hashes[level], hash);
      hashes[level] = null;
      level++;
      newNodeSink.accept(new NodeId(level, (newSize >>> level) - 1), hash.clone());
    }
    hashes[level] = hash;
    size = newSize;
  }

  /** Appends a leaf like {@link #append(byte[], BiConsumer)}, discarding the new nodes. */
  public void append(byte[] leafHash) {
    append(leafHash, (id, hash) -> {});
  }

  /** Returns the number of leaves appended (or resumed from). */
  public long size() {
    return size;
  }

  /** Returns the RFC 9162 root of the tree ({@code SHA-256("")} when empty). */
  public byte[] root() {
    byte[] root = null;
    for (int level = 0; level < hashes.length; level++) {
      if (hashes[level] != null) {
        root = root == null ? hashes[level].clone() : MerkleHasher.nodeHash(hashes[level], root);
      }
    }
    return root == null ? MerkleHasher.emptyRoot() : root;
  }

  /** Returns the current frontier nodes, left to right, the same as {@code frontier(size())}. */
  public List<NodeId> frontier() {
    return frontier(size);
  }

  /** Returns the hashes of {@link #frontier()}, in the same order (copies). */
  public List<byte[]> frontierHashes() {
    List<byte[]> list = new ArrayList<>(Long.bitCount(size));
    for (int level = hashes.length - 1; level >= 0; level--) {
      if (hashes[level] != null) {
        list.add(hashes[level].clone());
      }
    }
    return list;
  }

  private static void requireSize(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size must not be negative, got " + size);
    }
  }
}
