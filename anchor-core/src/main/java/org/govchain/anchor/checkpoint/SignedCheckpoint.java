package org.govchain.anchor.checkpoint;

/** A checkpoint together with the verified signed note that carries it. */
public record SignedCheckpoint(Checkpoint checkpoint, SignedNote note) {

  /** The signed note text as transmitted (DESIGN §5 {@code note}). */
  public String noteText() {
    return note.encoded();
  }
}
