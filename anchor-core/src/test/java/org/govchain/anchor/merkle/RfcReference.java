package org.govchain.anchor.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive RFC 9162 §2.1 tree over a list of leaf hashes, written straight from the
 * RFC's recursive definitions (MTH, PATH, PROOF/SUBPROOF) to check the real implementation against.
 * Subtree hashes are memoized by leaf range, which changes the cost, not the definition.
 */
final class RfcReference {

  private final List<byte[]> leafHashes;
  private final Map<Long, byte[]> memo = new HashMap<>();

  RfcReference(List<byte[]> leafHashes) {
    this.leafHashes = leafHashes;
  }

  /** The largest power of two smaller than n, for n > 1. */
  static int split(int n) {
    int k = 1;
    while (k << 1 < n) {
      k <<= 1;
    }
    return k;
  }

  /** MTH(D[from:to]). */
  byte[] mth(int from, int to) {
    int n = to - from;
    if (n == 0) {
      return MerkleHasher.emptyRoot();
    }
    if (n == 1) {
      return leafHashes.get(from);
    }
    long key = ((long) from << 32) | to;
    byte[] cached = memo.get(key);
    if (cached != null) {
      return cached;
    }
    int k = split(n);
    byte[] hash = MerkleHasher.nodeHash(mth(from, from + k), mth(from + k, to));
    memo.put(key, hash);
    return hash;
  }

  /** PATH(m, D[n]) for the first n leaves. */
  List<byte[]> path(int m, int n) {
    return path(m, 0, n);
  }

  private List<byte[]> path(int m, int from, int to) {
    int n = to - from;
    List<byte[]> result = new ArrayList<>();
    if (n == 1) {
      return result;
    }
    int k = split(n);
    if (m < k) {
      result.addAll(path(m, from, from + k));
      result.add(mth(from + k, to));
    } else {
      result.addAll(path(m - k, from + k, to));
      result.add(mth(from, from + k));
    }
    return result;
  }

  /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), defined as empty unless 0 < m < n. */
  List<byte[]> proof(int m, int n) {
    if (m <= 0 || m >= n) {
      return new ArrayList<>();
    }
    return subproof(m, 0, n, true);
  }

  private List<byte[]> subproof(int m, int from, int to, boolean b) {
    int n = to - from;
    List<byte[]> result = new ArrayList<>();
    if (m == n) {
      if (!b) {
        result.add(mth(from, to));
      }
      return result;
    }
    int k = split(n);
    if (m <= k) {
      result.addAll(subproof(m, from, from + k, b));
      result.add(mth(from + k, to));
    } else {
      result.addAll(subproof(m - k, from + k, to, false));
      result.add(mth(from, from + k));
    }
    return result;
  }
}
