package org.govchain.anchor.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs note texts with one Ed25519 key as C2SP signed notes (golang.org/x/mod/sumdb/note
 * compatible).
 *
 * <p>Key strings: signer key {@code PRIVATE+KEY+<name>+<hex8 key ID>+<base64(0x01 || 32-byte
 * seed)>} (secret), verifier key {@code <name>+<hex8 key ID>+<base64(0x01 || 32-byte public key)>},
 * key ID = first 4 bytes of SHA-256(name || "\n" || 0x01 || public key).
 */
public final class NoteSigner {

  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final byte[] seed;
  private final byte[] publicKey;
  private final int keyId;

  private NoteSigner(String name, byte[] seed) {
    this.name = name;
    this.seed = seed.clone();
    this.publicKey = Ed25519.publicKeyOf(seed);
    this.keyId = Notes.keyId(name, publicKey);
  }

  /**
   * Loads a signer key string.
   *
   * @throws IllegalArgumentException if the string is malformed, not Ed25519, or its key ID does
   *     not match the key (the message never contains the secret)
   */
  public static NoteSigner fromSignerKey(String signerKey) {
    Objects.requireNonNull(signerKey, "signerKey");
    if (!signerKey.startsWith(PRIVATE_PREFIX)) {
      throw new IllegalArgumentException("signer key must start with PRIVATE+KEY+");
    }
    String[] parts = signerKey.substring(PRIVATE_PREFIX.length()).split("\\+", 3);
    if (parts.length != 3 || !Notes.isValidName(parts[0])) {
      throw new IllegalArgumentException("signer key is not PRIVATE+KEY+<name>+<id>+<key>");
    }
    Integer keyId = Notes.parseHex8(parts[1]);
    byte[] key = Notes.decodeBase64(parts[2]);
    if (keyId == null || key == null) {
      throw new IllegalArgumentException("signer key has a malformed key ID or key encoding");
    }
    if (key.length != 1 + Ed25519.KEY_BYTES || key[0] != Notes.ALG_ED25519) {
      throw new IllegalArgumentException("signer key is not a 32-byte Ed25519 (0x01) key");
    }
    byte[] seed = new byte[Ed25519.KEY_BYTES];
    System.arraycopy(key, 1, seed, 0, seed.length);
    NoteSigner signer = new NoteSigner(parts[0], seed);
    if (signer.keyId != keyId) {
      throw new IllegalArgumentException(
          "signer key ID "
              + parts[1]
              + " does not match its key ("
              + Notes.hex(signer.keyId)
              + ")");
    }
    return signer;
  }

  /**
   * Generates a new key from {@link SecureRandom}.
   *
   * @param name key name: non-empty, no Unicode spaces, no '+' (for logs, the origin)
   */
  public static NoteSigner generate(String name) {
    if (!Notes.isValidName(name)) {
      throw new IllegalArgumentException("invalid key name: " + name);
    }
    byte[] seed = new byte[Ed25519.KEY_BYTES];
    new SecureRandom().nextBytes(seed);
    return new NoteSigner(name, seed);
  }

  /** The key name that signature lines carry. */
  public String name() {
    return name;
  }

  /** The 4-byte key ID. */
  public int keyId() {
    return keyId;
  }

  /** The secret signer key string; keep it out of logs. */
  public String signerKey() {
    return PRIVATE_PREFIX + name + "+" + Notes.hex(keyId) + "+" + encodeKey(seed);
  }

  /** The public verifier key string. */
  public String verifierKey() {
    return name + "+" + Notes.hex(keyId) + "+" + encodeKey(publicKey);
  }

  /** A verifier for this signer's key. */
  public NoteVerifier verifier() {
    return NoteVerifier.fromVerifierKey(verifierKey());
  }

  /**
   * Signs a note text.
   *
   * @param noteText ends with a newline; no control characters other than newline
   * @return the signed note: {@code noteText + "\n" + "— <name> <base64(key ID || sig)>\n"}
   * @throws MalformedNoteException if the text cannot be a note text
   */
  public String sign(String noteText) {
    Notes.checkText(noteText, "note text");
    byte[] signature = Ed25519.sign(seed, noteText.getBytes(StandardCharsets.UTF_8));
    byte[] line = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
    return noteText
        + "\n"
        + Notes.SIGNATURE_PREFIX
        + name
        + " "
        + Base64.getEncoder().encodeToString(line)
        + "\n";
  }

  private static String encodeKey(byte[] key) {
    byte[] out = new byte[1 + key.length];
    out[0] = Notes.ALG_ED25519;
    System.arraycopy(key, 0, out, 1, key.length);
    return Base64.getEncoder().encodeToString(out);
  }

  /** Names the key, never the secret. */
  @Override
  public String toString() {
    return "NoteSigner[" + name + "+" + Notes.hex(keyId) + "]";
  }
}
