package org.govchain.anchor.checkpoint;

/** A signature line names the expected key but does not verify over the note text. */
public final class SignatureMismatchException extends NoteException {

  private final String key;
  private final String signature;

  SignatureMismatchException(String key, String signature) {
    super("signature by " + key + " does not verify: " + signature);
    this.key = key;
    this.signature = signature;
  }

  /** The key as {@code <name>+<hex key ID>}. */
  public String key() {
    return key;
  }

  /** The base64 signature from the note that failed. */
  public String signature() {
    return signature;
  }
}
