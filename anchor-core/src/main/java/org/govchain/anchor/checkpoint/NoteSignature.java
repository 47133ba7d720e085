package org.govchain.anchor.checkpoint;

/**
 * One signature line of a signed note: {@code — <keyName> <base64>}, where {@code base64} encodes
 * the 4-byte big-endian key ID followed by the signature bytes.
 */
public record NoteSignature(String keyName, int keyId, String base64) {

  /** The key as {@code <name>+<8 lowercase hex digits>}, as the key strings write it. */
  public String key() {
    return keyName + "+" + Notes.hex(keyId);
  }

  /** The line as it appears in the note, with its final newline. */
  public String line() {
    return Notes.SIGNATURE_PREFIX + keyName + " " + base64 + "\n";
  }
}
