package org.govchain.anchor.merkle;

/**
 * A perfect subtree of {@code 2^level} leaves covering leaves {@code [index·2^level,
 * (index+1)·2^level)}; level 0 nodes are the leaf hashes.
 *
 * <p>A node is stored (and can be looked up) once the tree has grown to at least {@link #end()}
 * leaves; from then on its hash never changes. Ordering is by level, then index.
 *
 * @param level height above the leaves, {@code 0 <= level <= 62}
 * @param index position among the nodes of that level, {@code 0 <= index} and {@code end() <=
 *     Long.MAX_VALUE}
 */
public record NodeId(int level, long index) implements Comparable<NodeId> {

  /** Highest level whose nodes still fit a tree of at most {@link Long#MAX_VALUE} leaves. */
  public static final int MAX_LEVEL = 62;

  /** Validates the coordinates. */
  public NodeId {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("level " + level + " is outside [0, " + MAX_LEVEL + "]");
    }
    if (index < 0 || index >= (Long.MAX_VALUE >>> level)) {
      throw new IllegalArgumentException(
          "index " + index + " at level " + level + " leaves the range of a long tree size");
    }
  }

  /** Returns the node at {@code level} and {@code index}. */
  public static NodeId of(int level, long index) {
    return new NodeId(level, index);
  }

  /** Returns the level-0 node holding the hash of leaf {@code index}. */
  public static NodeId leaf(long index) {
    return new NodeId(0, index);
  }

  /** Returns the first leaf index this node covers. */
  public long begin() {
    return index << level;
  }

  /** Returns one past the last leaf index this node covers. */
  public long end() {
    return (index + 1) << level;
  }

  /** Returns the number of leaves this node covers, {@code 2^level}. */
  public long leafCount() {
    return 1L << level;
  }

  /** Returns the node one level up that contains this one. */
  public NodeId parent() {
    return new NodeId(level + 1, index >>> 1);
  }

  /** Returns the other child of this node's parent. */
  public NodeId sibling() {
    return new NodeId(level, index ^ 1);
  }

  /**
   * Returns the left child.
   *
   * @throws IllegalStateException on a leaf
   */
  public NodeId left() {
    requireInterior();
    return new NodeId(level - 1, index << 1);
  }

  /**
   * Returns the right child.
   *
   * @throws IllegalStateException on a leaf
   */
  public NodeId right() {
    requireInterior();
    return new NodeId(level - 1, (index << 1) | 1);
  }

  @Override
  public int compareTo(NodeId other) {
    int byLevel = Integer.compare(level, other.level);
    return byLevel != 0 ? byLevel : Long.compare(index, other.index);
  }

  @Override
  public String toString() {
    return "NodeId[level="
        + level
        + ", index="
        + index
        + ", leaves=["
        + begin()
        + ","
        + end()
        + ")]";
  }

  private void requireInterior() {
    if (level == 0) {
      throw new IllegalStateException("a leaf node has no children: " + this);
    }
  }
}
