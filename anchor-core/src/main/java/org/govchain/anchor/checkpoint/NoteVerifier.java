package org.govchain.anchor.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies C2SP signed notes against one trusted Ed25519 verifier key ({@code
 * <name>+<hex8>+<base64(0x01 || public key)>}).
 *
 * <p>Every signature line by this key (same name and key ID) must verify; lines by other keys are
 * returned unverified, as the spec asks. At most 100 signature lines are read.
 */
public final class NoteVerifier {

  private final String name;
  private final int keyId;
  private final byte[] publicKey;

  private NoteVerifier(String name, int keyId, byte[] publicKey) {
    this.name = name;
    this.keyId = keyId;
    this.publicKey = publicKey;
  }

  /**
   * Loads a verifier key string.
   *
   * @throws IllegalArgumentException if it is malformed, not Ed25519, or its key ID does not match
   */
  public static NoteVerifier fromVerifierKey(String verifierKey) {
    Objects.requireNonNull(verifierKey, "verifierKey");
    String[] parts = verifierKey.split("\\+", 3);
    if (parts.length != 3 || !Notes.isValidName(parts[0])) {
      throw new IllegalArgumentException("verifier key is not <name>+<id>+<key>: " + verifierKey);
    }
    Integer keyId = Notes.parseHex8(parts[1]);
    byte[] key = Notes.decodeBase64(parts[2]);
    if (keyId == null || key == null) {
      throw new IllegalArgumentException("verifier key has a malformed key ID or key encoding");
    }
    if (key.length != 1 + Ed25519.KEY_BYTES || key[0] != Notes.ALG_ED25519) {
      throw new IllegalArgumentException("verifier key is not a 32-byte Ed25519 (0x01) key");
    }
    byte[] publicKey = new byte[Ed25519.KEY_BYTES];
    System.arraycopy(key, 1, publicKey, 0, publicKey.length);
    int computed = Notes.keyId(parts[0], publicKey);
    if (computed != keyId) {
      throw new IllegalArgumentException(
          "verifier key ID " + parts[1] + " does not match its key (" + Notes.hex(computed) + ")");
    }
    return new NoteVerifier(parts[0], keyId, publicKey);
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The 4-byte key ID. */
  public int keyId() {
    return keyId;
  }

  /** The verifier key string. */
  public String verifierKey() {
    byte[] key = new byte[1 + publicKey.length];
    key[0] = Notes.ALG_ED25519;
    System.arraycopy(publicKey, 0, key, 1, publicKey.length);
    return name + "+" + Notes.hex(keyId) + "+" + java.util.Base64.getEncoder().encodeToString(key);
  }

  /**
   * Parses a signed note and verifies this key's signature on it.
   *
   * @return the note text and all its signature lines
   * @throws MalformedNoteException if the note is not well-formed
   * @throws UnknownKeyException if no signature line is by this key
   * @throws SignatureMismatchException if a signature line by this key does not verify
   */
  public SignedNote verify(String signedNote) {
    Objects.requireNonNull(signedNote, "signedNote");
    Notes.checkCharacters(signedNote, "signed note");
    int split = signedNote.lastIndexOf("\n\n");
    if (split < 0) {
      throw new MalformedNoteException("no blank line before the signatures");
    }
    String text = signedNote.substring(0, split + 1);
    String block = signedNote.substring(split + 2);
    if (block.isEmpty() || !block.endsWith("\n")) {
      throw new MalformedNoteException("signature block is empty or lacks its final newline");
    }
    List<NoteSignature> signatures = new ArrayList<>();
    List<NoteSignature> mine = new ArrayList<>();
    for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
      NoteSignature signature = parseLine(line);
      if (signatures.size() == Notes.MAX_SIGNATURES) {
        throw new MalformedNoteException("more than " + Notes.MAX_SIGNATURES + " signatures");
      }
      signatures.add(signature);
      if (signature.keyName().equals(name) && signature.keyId() == keyId) {
        mine.add(signature);
      }
    }
    String key = name + "+" + Notes.hex(keyId);
    if (mine.isEmpty()) {
      throw new UnknownKeyException(key, signatures.stream().map(NoteSignature::key).toList());
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    for (NoteSignature signature : mine) {
      byte[] raw = Notes.decodeBase64(signature.base64());
      byte[] ed25519 = new byte[raw.length - 4];
      System.arraycopy(raw, 4, ed25519, 0, ed25519.length);
      if (!Ed25519.verify(publicKey, message, ed25519)) {
        throw new SignatureMismatchException(key, signature.base64());
      }
    }
    return new SignedNote(text, signatures);
  }

  private static NoteSignature parseLine(String line) {
    if (!line.startsWith(Notes.SIGNATURE_PREFIX)) {
      throw new MalformedNoteException("signature line does not start with an em dash and space");
    }
    String rest = line.substring(Notes.SIGNATURE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new MalformedNoteException("signature line has no space between name and signature");
    }
    String keyName = rest.substring(0, space);
    String base64 = rest.substring(space + 1);
    byte[] raw = Notes.decodeBase64(base64);
    if (!Notes.isValidName(keyName) || raw == null || raw.length < 5) {
      throw new MalformedNoteException("malformed signature line: " + line);
    }
    return new NoteSignature(keyName, ByteBuffer.wrap(raw).getInt(), base64);
  }

  @Override
  public String toString() {
    return "NoteVerifier[" + verifierKey() + "]";
  }
}
