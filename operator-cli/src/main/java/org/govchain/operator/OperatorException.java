package org.govchain.operator;

/** A failure the operator can act on: the message says what is wrong and what to do. */
public class OperatorException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public OperatorException(String message) {
    super(message);
  }

  public OperatorException(String message, Throwable cause) {
    super(message, cause);
  }
}
