package org.govchain.seal.verification;

/** How one check ended. */
public enum Outcome {
  PASSED,
  FAILED,
  /** Not run, because an earlier check made it meaningless. */
  SKIPPED
}
