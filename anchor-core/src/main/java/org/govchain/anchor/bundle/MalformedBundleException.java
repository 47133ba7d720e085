package org.govchain.anchor.bundle;

/** A proof bundle that is not well-formed {@value ProofBundle#FORMAT} JSON; names the field. */
public final class MalformedBundleException extends RuntimeException {

  private final String field;

  /**
   * @param field the JSON field at fault, or {@code "$"} for the document as a whole
   * @param problem what is wrong with it
   */
  public MalformedBundleException(String field, String problem) {
    super("proof bundle field '" + field + "': " + problem);
    this.field = field;
  }

  /** The JSON field at fault, {@code "$"} for the whole document. */
  public String field() {
    return field;
  }
}
