package org.govchain.anchor.checkpoint;

import java.util.List;

/** The note carries no signature line by the expected key (same name and key ID). */
public final class UnknownKeyException extends NoteException {

  private final String expectedKey;
  private final List<String> presentKeys;

  UnknownKeyException(String expectedKey, List<String> presentKeys) {
    super("no signature by " + expectedKey + "; signed by " + presentKeys);
    this.expectedKey = expectedKey;
    this.presentKeys = List.copyOf(presentKeys);
  }

  /** The expected key as {@code <name>+<hex key ID>}. */
  public String expectedKey() {
    return expectedKey;
  }

  /** The keys of the signature lines that are present, as {@code <name>+<hex key ID>}. */
  public List<String> presentKeys() {
    return presentKeys;
  }
}
