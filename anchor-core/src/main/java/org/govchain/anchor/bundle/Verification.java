package org.govchain.anchor.bundle;

import java.util.List;

/**
 * A verdict with the checks behind it, in the order they ran; a failed verdict's last reason says
 * what failed, with the expected and actual values.
 *
 * @param verdict the outcome
 * @param reasons human-readable lines, one per check made
 * @param confirmations how many blocks deep the anchor is, or -1 when the chain was not reached
 */
public record Verification(Verdict verdict, List<String> reasons, long confirmations) {

  /** Copies the reasons. */
  public Verification {
    reasons = List.copyOf(reasons);
  }

  /** Whether the record is proven. */
  public boolean isValid() {
    return verdict == Verdict.VALID;
  }
}
