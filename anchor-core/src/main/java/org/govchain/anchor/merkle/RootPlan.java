package org.govchain.anchor.merkle;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The stored nodes (the frontier) a tree's root is folded from, fetched in one query. */
public final class RootPlan {

  private final long size;
  private final List<NodeId> frontier;

  RootPlan(long size) {
    this.size = size;
    this.frontier = TreeMath.perfectCover(0, size);
  }

  /** Returns the tree size this plan computes the root of. */
  public long size() {
    return size;
  }

  /** Returns the frontier nodes, left to right; empty for the empty tree. */
  public Set<NodeId> nodes() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(frontier));
  }

  /**
   * Returns the RFC 9162 root hash of the first {@link #size()} leaves ({@code SHA-256("")} if 0).
   *
   * @throws MissingNodeException if the lookup returns null for a planned node
   */
  public byte[] root(Function<NodeId, byte[]> lookup) {
    return frontier.isEmpty() ? MerkleHasher.emptyRoot() : ProofPlan.fold(frontier, lookup);
  }

  @Override
  public String toString() {
    return "root(size=" + size + ") " + frontier;
  }
}
