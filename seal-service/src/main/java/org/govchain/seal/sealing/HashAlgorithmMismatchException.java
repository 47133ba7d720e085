package org.govchain.seal.sealing;

import java.util.Map;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.problems.ProblemType;

/** A document hash in another digest than the seal signs with (e.g. SHA-256 for an SM2 seal). */
public final class HashAlgorithmMismatchException extends ProblemException {
  private final String expected;
  private final String actual;

  public HashAlgorithmMismatchException(String expected, String actual) {
    super(
        ProblemType.HASH_ALGORITHM_MISMATCH,
        "this seal signs " + expected + " hashes, not " + actual,
        Map.of("expected", expected, "actual", actual));
    this.expected = expected;
    this.actual = actual;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}
