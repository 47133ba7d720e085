package org.govchain.anchor.checkpoint;

/** The text is not a well-formed C2SP signed note (or a note text that could be signed). */
public final class MalformedNoteException extends NoteException {

  private final String reason;

  MalformedNoteException(String reason) {
    super("malformed note: " + reason);
    this.reason = reason;
  }

  /** What is wrong with the note. */
  public String reason() {
    return reason;
  }
}
