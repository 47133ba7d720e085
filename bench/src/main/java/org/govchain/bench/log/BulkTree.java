package org.govchain.bench.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.govchain.anchor.merkle.CompactRange;
import org.govchain.anchor.merkle.MerkleHasher;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Bulk-loads the stored nodes of a log of synthetic leaves into {@code govchain_log_node} with
 * binary {@code COPY}, exactly the rows the sequencer would have written (every perfect subtree,
 * computed with {@link CompactRange}), one transaction per chunk of leaves.
 */
final class BulkTree {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };
  private static final int BUFFER = 1 << 20;

  /**
   * What was loaded.
   *
   * @param size leaves loaded (the tree has these leaves and every perfect node over them)
   * @param root the root of that tree
   * @param nodeRows node rows written
   * @param time wall time of the COPYs and commits
   * @param complete whether the requested size was reached within the time budget
   */
  record Loaded(long size, byte[] root, long nodeRows, Duration time, boolean complete) {}

  private BulkTree() {}

  /** The synthetic leaf hash of leaf {@code index} (a function of the seed and the index). */
  static byte[] leafHash(long seed, long index) {
    return MerkleHasher.leafHash(ByteBuffer.allocate(16).putLong(seed).putLong(index).array());
  }

  /**
   * Loads the nodes of a tree of {@code target} leaves for {@code origin}, {@code chunk} leaves per
   * transaction, and stops early (at a whole chunk) when the next chunk would not fit into {@code
   * budget} at the rate measured so far.
   */
  static Loaded load(
      Connection c, String origin, long target, long seed, long chunk, Duration budget)
      throws SQLException {
    c.setAutoCommit(false);
    byte[] originBytes = origin.getBytes(StandardCharsets.UTF_8);
    CompactRange range = CompactRange.empty();
    long rows = 0;
    long start = System.nanoTime();
    while (range.size() < target) {
      long elapsed = System.nanoTime() - start;
      if (range.size() > 0) {
        double perLeaf = (double) elapsed / range.size();
        long next = Math.min(chunk, target - range.size());
        if (elapsed + perLeaf * next > budget.toNanos()) {
          break;
        }
      }
      long end = Math.min(target, range.size() + chunk);
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY govchain_log_node (log_origin, level, idx, hash) FROM STDIN"
                      + " (FORMAT binary)");
      ByteBuffer out = ByteBuffer.allocate(BUFFER);
      out.put(SIGNATURE).putInt(0).putInt(0);
      long[] written = {0};
      try {
        for (long i = range.size(); i < end; i++) {
          range.append(
              leafHash(seed, i),
              (id, hash) -> {
                if (out.remaining() < 64 + originBytes.length) {
                  flush(copy, out);
                }
                out.putShort((short) 4);
                out.putInt(originBytes.length).put(originBytes);
                out.putInt(2).putShort((short) id.level());
                out.putInt(8).putLong(id.index());
                out.putInt(hash.length).put(hash);
                written[0]++;
              });
        }
        out.putShort((short) -1);
        flush(copy, out);
        copy.endCopy();
      } catch (SQLException | RuntimeException e) {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
        c.rollback();
        throw e;
      }
      c.commit();
      rows += written[0];
    }
    Duration time = Duration.ofNanos(System.nanoTime() - start);
    c.setAutoCommit(true);
    return new Loaded(range.size(), range.root(), rows, time, range.size() == target);
  }

  private static void flush(CopyIn copy, ByteBuffer out) {
    try {
      copy.writeToCopy(out.array(), 0, out.position());
    } catch (SQLException e) {
      throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
    }
    out.clear();
  }
}
