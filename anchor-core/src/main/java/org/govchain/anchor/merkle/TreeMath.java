package org.govchain.anchor.merkle;

import java.util.ArrayList;
import java.util.List;

/** Index arithmetic shared by proof planning, verification and the compact range. */
final class TreeMath {

  private TreeMath() {}

  /**
   * Returns the perfect nodes, left to right and largest first, that exactly cover leaves {@code
   * [begin, end)}; {@code begin} must be a multiple of the largest power of two not above {@code
   * end - begin} (true for 0 and for the start of any node whose range contains {@code end}).
   */
  static List<NodeId> perfectCover(long begin, long end) {
    List<NodeId> nodes = new ArrayList<>(Long.bitCount(end - begin));
    long pos = begin;
    long remaining = end - begin;
    while (remaining != 0) {
      int level = 63 - Long.numberOfLeadingZeros(remaining);
      nodes.add(new NodeId(level, pos >>> level));
      pos += 1L << level;
      remaining -= 1L << level;
    }
    return nodes;
  }

  /**
   * Returns the number of proof hashes below the level where the paths to leaves {@code index} and
   * {@code size - 1} meet; requires {@code 0 <= index < size}.
   */
  static int innerProofSize(long index, long size) {
    return 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
  }

  /** Returns the RFC 9162 inclusion proof length for {@code 0 <= index < size}. */
  static int inclusionProofLength(long index, long size) {
    int inner = innerProofSize(index, size);
    return inner + Long.bitCount(index >>> inner);
  }

  /** Returns the RFC 9162 consistency proof length for {@code 0 < m < n}. */
  static int consistencyProofLength(long m, long n) {
    int shift = Long.numberOfTrailingZeros(m);
    int seed = m == 1L << shift ? 0 : 1;
    return seed + inclusionProofLength(m - 1, n) - shift;
  }
}
