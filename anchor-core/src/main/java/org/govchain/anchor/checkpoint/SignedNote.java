package org.govchain.anchor.checkpoint;

import java.util.List;

/**
 * A C2SP signed note whose signature by one trusted key has been verified: the note text (with its
 * final newline) and all signature lines found, verified or not, in order.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /** Copies {@code signatures}. */
  public SignedNote {
    signatures = List.copyOf(signatures);
  }

  /** The note as transmitted: text, blank line, signature lines. */
  public String encoded() {
    StringBuilder out = new StringBuilder(text).append('\n');
    signatures.forEach(s -> out.append(s.line()));
    return out.toString();
  }
}
