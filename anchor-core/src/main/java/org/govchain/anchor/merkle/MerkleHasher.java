package org.govchain.anchor.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with SHA-256: leaf and interior-node hashes and the empty-tree root.
 *
 * <p>Thread-safe: every thread reuses its own {@link MessageDigest}.
 */
public final class MerkleHasher {

  /** Length in bytes of every hash in the tree. */
  public static final int HASH_SIZE = 32;

  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;

  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(MerkleHasher::newSha256);

  private static final byte[] EMPTY_ROOT = SHA256.get().digest();

  private MerkleHasher() {}

  /** Returns {@code SHA-256(0x00 || leafData)}; {@code leafData} may be empty, never null. */
  public static byte[] leafHash(byte[] leafData) {
    MessageDigest md = SHA256.get();
    md.update(LEAF_PREFIX);
    md.update(leafData);
    return md.digest();
  }

  /**
   * Returns {@code SHA-256(0x01 || left || right)}.
   *
   * @throws IllegalArgumentException unless both children are {@link #HASH_SIZE} bytes long
   */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    requireHash(left, "left");
    requireHash(right, "right");
    MessageDigest md = SHA256.get();
    md.update(NODE_PREFIX);
    md.update(left);
    md.update(right);
    return md.digest();
  }

  /** Returns the root of the empty tree, {@code SHA-256("")} (a fresh copy each call). */
  public static byte[] emptyRoot() {
    return EMPTY_ROOT.clone();
  }

  /** Returns true if {@code hash} is the empty-tree root; does not copy. */
  static boolean isEmptyRoot(byte[] hash) {
    return MessageDigest.isEqual(EMPTY_ROOT, hash);
  }

  /**
   * Writes {@code SHA-256(0x01 || children)} to {@code out[outOff..]}, where the left child is at
   * {@code children[childOff..]} and the right child follows it; allocation-free for bulk use.
   */
  static void nodeHashInto(byte[] children, int childOff, byte[] out, int outOff) {
    MessageDigest md = SHA256.get();
    md.update(NODE_PREFIX);
    md.update(children, childOff, 2 * HASH_SIZE);
    try {
      md.digest(out, outOff, HASH_SIZE);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-256 digest did not fit in " + HASH_SIZE + " bytes", e);
    }
  }

  static void requireHash(byte[] hash, String what) {
    if (hash == null || hash.length != HASH_SIZE) {
      throw new IllegalArgumentException(
          what
              + " must be a "
              + HASH_SIZE
              + "-byte hash, got "
              + (hash == null ? "null" : hash.length + " bytes"));
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
