package org.govchain.anchor.checkpoint;

/** Why a signed note was not accepted; one subclass per kind of failure. */
public abstract sealed class NoteException extends RuntimeException
    permits MalformedNoteException, UnknownKeyException, SignatureMismatchException {

  NoteException(String message) {
    super(message);
  }
}
