package org.govchain.anchor.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The stored nodes an inclusion or consistency proof is made of, so that a store can fetch all of
 * them in one query and then assemble the proof.
 *
 * <p>Each proof hash is either one perfect node or the root of an incomplete right-edge subtree,
 * folded from the perfect nodes that cover it; either way the plan needs O(log n) nodes.
 */
public final class ProofPlan {

  private final String description;
  private final List<List<NodeId>> elements;
  private final Set<NodeId> nodes;

  ProofPlan(String description, List<List<NodeId>> elements) {
    this.description = description;
    this.elements = List.copyOf(elements);
    Set<NodeId> all = new LinkedHashSet<>();
    elements.forEach(all::addAll);
    this.nodes = Collections.unmodifiableSet(all);
  }

  /** Returns every node the proof needs, in proof order; each is looked up exactly once. */
  public Set<NodeId> nodes() {
    return nodes;
  }

  /** Returns the number of hashes in the proof. */
  public int proofLength() {
    return elements.size();
  }

  /**
   * Assembles the proof, RFC 9162 order (from the leaf's level upwards), from the planned nodes.
   *
   * @param lookup returns the hash of each node in {@link #nodes()}, or null if it is not stored (a
   *     {@link NodeSource} will do)
   * @throws MissingNodeException if the lookup returns null for a planned node
   */
  public List<byte[]> proof(Function<NodeId, byte[]> lookup) {
    List<byte[]> proof = new ArrayList<>(elements.size());
    for (List<NodeId> element : elements) {
      proof.add(fold(element, lookup));
    }
    return proof;
  }

  @Override
  public String toString() {
    return description + " " + elements;
  }

  /**
   * Returns the hash of the subtree covered by {@code cover} (adjacent perfect nodes, left to
   * right, largest first): the nodes folded right to left as the RFC's MTH does.
   */
  static byte[] fold(List<NodeId> cover, Function<NodeId, byte[]> lookup) {
    int last = cover.size() - 1;
    byte[] hash = fetch(cover.get(last), lookup);
    if (last == 0) {
      return hash.clone();
    }
    for (int i = last - 1; i >= 0; i--) {
      hash = MerkleHasher.nodeHash(fetch(cover.get(i), lookup), hash);
    }
    return hash;
  }

  private static byte[] fetch(NodeId id, Function<NodeId, byte[]> lookup) {
    byte[] hash = lookup.apply(id);
    if (hash == null) {
      throw new MissingNodeException(id);
    }
    if (hash.length != MerkleHasher.HASH_SIZE) {
      throw new IllegalStateException(
          "lookup returned " + hash.length + " bytes for " + id + ", not a SHA-256 hash");
    }
    return hash;
  }
}
