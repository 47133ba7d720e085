package org.govchain.anchor.merkle;

import java.util.Arrays;

/**
 * An append-only array of 32-byte hashes kept in large byte chunks, so millions of hashes cost
 * their bytes and not one object each.
 */
final class HashColumn {

  static final int CHUNK_BITS = 15; // 32768 hashes, 1 MiB per full chunk
  private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
  private static final int FIRST_CHUNK_HASHES = 16;
  private static final int H = MerkleHasher.HASH_SIZE;

  private byte[][] chunks = new byte[1][];
  private long count;

  long count() {
    return count;
  }

  /** Makes room for one more hash and returns its index; write it via chunk/offset. */
  long reserve() {
    long index = count;
    int c = (int) (index >>> CHUNK_BITS);
    if (c >= chunks.length) {
      chunks = Arrays.copyOf(chunks, chunks.length * 2);
    }
    int needed = offset(index) + H;
    byte[] chunk = chunks[c];
    if (chunk == null) {
      chunks[c] = new byte[(c == 0 ? FIRST_CHUNK_HASHES : CHUNK_HASHES) * H];
    } else if (chunk.length < needed) {
      chunks[c] = Arrays.copyOf(chunk, Math.min(chunk.length * 2, CHUNK_HASHES * H));
    }
    count++;
    return index;
  }

  void append(byte[] hash) {
    long index = reserve();
    System.arraycopy(hash, 0, chunk(index), offset(index), H);
  }

  byte[] get(long index) {
    return Arrays.copyOfRange(chunk(index), offset(index), offset(index) + H);
  }

  /** Returns the chunk holding hash {@code index}; hashes 2k and 2k+1 share a chunk. */
  byte[] chunk(long index) {
    return chunks[(int) (index >>> CHUNK_BITS)];
  }

  static int offset(long index) {
    return (int) (index & (CHUNK_HASHES - 1)) * H;
  }
}
