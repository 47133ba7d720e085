package org.govchain.anchor.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A log's tree head (origin, tree size, root hash) as C2SP tlog-checkpoint note text: {@code
 * <origin>\n<size>\n<base64 root>\n}, optionally followed by extension lines, which are kept.
 *
 * <p>Rules: the origin is non-empty, has no leading or trailing whitespace and no control
 * characters; the size is 0 to 2^63-1, written in decimal without sign or leading zeros; the root
 * hash is 32 bytes, written as padded standard base64; each extension line is non-empty with no
 * control characters. {@link #equals} compares the root hash by content.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

  /** Bytes of a SHA-256 root hash. */
  public static final int HASH_BYTES = 32;

  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

  /**
   * Validates and copies.
   *
   * @throws MalformedCheckpointException if a value breaks the class rules
   */
  public Checkpoint {
    checkLine(1, origin, "origin");
    if (!origin.strip().equals(origin)) {
      throw new MalformedCheckpointException(1, "origin has leading or trailing whitespace");
    }
    if (size < 0) {
      throw new MalformedCheckpointException(2, "negative tree size " + size);
    }
    if (rootHash == null || rootHash.length != HASH_BYTES) {
      throw new MalformedCheckpointException(3, "root hash must be " + HASH_BYTES + " bytes");
    }
    rootHash = rootHash.clone();
    extensions = List.copyOf(extensions);
    for (int i = 0; i < extensions.size(); i++) {
      checkLine(4 + i, extensions.get(i), "extension line");
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, byte[] rootHash) {
    this(origin, size, rootHash, List.of());
  }

  /** A copy of the root hash. */
  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The note text: origin, size, base64 root hash and extension lines, each ending in "\n". */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append(origin).append('\n');
    out.append(size).append('\n');
    out.append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
    extensions.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  /**
   * Reads checkpoint note text strictly.
   *
   * @throws MalformedCheckpointException naming the line at fault
   */
  public static Checkpoint parse(String text) {
    Objects.requireNonNull(text, "text");
    if (!text.endsWith("\n")) {
      throw new MalformedCheckpointException(0, "text must end with a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new MalformedCheckpointException(0, "fewer than three lines");
    }
    checkLine(1, lines[0], "origin");
    if (!SIZE.matcher(lines[1]).matches()) {
      throw new MalformedCheckpointException(
          2, "tree size must be decimal without sign or leading zeros: " + lines[1]);
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new MalformedCheckpointException(2, "tree size above 2^63-1: " + lines[1]);
    }
    byte[] root = Notes.decodeBase64(lines[2]);
    if (root == null || root.length != HASH_BYTES) {
      throw new MalformedCheckpointException(
          3, "root hash must be padded standard base64 of 32 bytes: " + lines[2]);
    }
    return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
  }

  /**
   * Signs {@link #toText()} as a signed note.
   *
   * <p>By C2SP convention the signer's key name should equal the origin; this is not enforced.
   */
  public SignedCheckpoint sign(NoteSigner signer) {
    String note = signer.sign(toText());
    return new SignedCheckpoint(this, signer.verifier().verify(note));
  }

  /**
   * Verifies a signed checkpoint note with {@code verifier} and parses its text.
   *
   * @throws NoteException subclasses if the note or its signature is not acceptable
   * @throws MalformedCheckpointException if the signed text is not a checkpoint
   */
  public static SignedCheckpoint verify(String signedNote, NoteVerifier verifier) {
    SignedNote note = verifier.verify(signedNote);
    return new SignedCheckpoint(parse(note.text()), note);
  }

  private static void checkLine(int line, String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new MalformedCheckpointException(line, what + " is empty");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new MalformedCheckpointException(line, what + " contains control characters");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Checkpoint that
        && origin.equals(that.origin)
        && size == that.size
        && Arrays.equals(rootHash, that.rootHash)
        && extensions.equals(that.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
  }

  @Override
  public String toString() {
    return "Checkpoint[origin="
        + origin
        + ", size="
        + size
        + ", rootHash="
        + java.util.HexFormat.of().formatHex(rootHash)
        + (extensions.isEmpty() ? "" : ", extensions=" + extensions)
        + "]";
  }
}
