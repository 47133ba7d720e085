package org.govchain.seal.verification;

/** One check's outcome, with what was expected and what was found. */
public record Finding(Check check, Outcome outcome, String expected, String actual) {
  static Finding passed(Check check, String expected, String actual) {
    return new Finding(check, Outcome.PASSED, expected, actual);
  }

  static Finding failed(Check check, String expected, String actual) {
    return new Finding(check, Outcome.FAILED, expected, actual);
  }

  static Finding skipped(Check check, String because) {
    return new Finding(check, Outcome.SKIPPED, "", because);
  }
}
