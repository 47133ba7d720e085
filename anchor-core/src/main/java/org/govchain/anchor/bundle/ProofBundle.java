package org.govchain.anchor.bundle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A self-contained proof that one log entry is included in an anchored checkpoint: format {@value
 * #FORMAT}, written and parsed by {@link ProofBundleJson}.
 *
 * <p>Hashes of the log are raw 32-byte values here; their JSON form is lowercase hex. The anchor
 * describes where an auditor finds the checkpoint on chain.
 *
 * @param origin the log's origin string, e.g. {@code seal.govchain.example}
 * @param leafIndex the entry's index in the log, {@code 0 <= leafIndex < treeSize}
 * @param leafData the exact bytes hashed into the leaf (the canonical event envelope)
 * @param treeSize the size of the anchored checkpoint the proof is against
 * @param rootHash the root hash of that checkpoint
 * @param inclusionPath the RFC 9162 inclusion proof, in the RFC's order
 * @param anchor where the checkpoint was anchored
 * @param checkpointNote the checkpoint as a C2SP signed note, or {@code null} when not included
 */
public record ProofBundle(
    String origin,
    long leafIndex,
    byte[] leafData,
    long treeSize,
    byte[] rootHash,
    List<byte[]> inclusionPath,
    Anchor anchor,
    String checkpointNote) {

  /** The format tag every bundle carries. */
  public static final String FORMAT = "govchain.proof/v1";

  /** Validates the invariants a bundle must hold whatever its source; copies arrays. */
  public ProofBundle {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(leafData, "leafData");
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(inclusionPath, "inclusionPath");
    Objects.requireNonNull(anchor, "anchor");
    if (origin.isBlank()) {
      throw new IllegalArgumentException("origin is blank");
    }
    if (treeSize < 1 || leafIndex < 0 || leafIndex >= treeSize) {
      throw new IllegalArgumentException(
          "leafIndex " + leafIndex + " is not within a tree of size " + treeSize);
    }
    if (rootHash.length != 32) {
      throw new IllegalArgumentException("rootHash has " + rootHash.length + " bytes, not 32");
    }
    leafData = leafData.clone();
    rootHash = rootHash.clone();
    inclusionPath =
        inclusionPath.stream()
            .map(
                h -> {
                  if (h.length != 32) {
                    throw new IllegalArgumentException(
                        "inclusion path hash has " + h.length + " bytes, not 32");
                  }
                  return h.clone();
                })
            .toList();
  }

  @Override
  public byte[] leafData() {
    return leafData.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  @Override
  public List<byte[]> inclusionPath() {
    return inclusionPath.stream().map(byte[]::clone).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProofBundle b
        && origin.equals(b.origin)
        && leafIndex == b.leafIndex
        && Arrays.equals(leafData, b.leafData)
        && treeSize == b.treeSize
        && Arrays.equals(rootHash, b.rootHash)
        && inclusionPath.size() == b.inclusionPath.size()
        && pathEquals(inclusionPath, b.inclusionPath)
        && anchor.equals(b.anchor)
        && Objects.equals(checkpointNote, b.checkpointNote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, leafIndex, Arrays.hashCode(leafData), treeSize, anchor);
  }

  @Override
  public String toString() {
    return "ProofBundle[" + origin + " leaf " + leafIndex + " of " + treeSize + ", " + anchor + "]";
  }

  private static boolean pathEquals(List<byte[]> a, List<byte[]> b) {
    for (int i = 0; i < a.size(); i++) {
      if (!Arrays.equals(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
