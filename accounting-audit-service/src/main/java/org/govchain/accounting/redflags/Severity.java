package org.govchain.accounting.redflags;

/**
 * How urgently a regulator should look at a {@link Flag}: each {@link RedFlagRule} has a default,
 * which {@link RedFlagSettings#severities()} may override.
 */
public enum Severity {
  /** Worth a look when sampling: often innocent (a round amount, a voucher dated on a Sunday). */
  LOW,
  /** Needs an explanation from the unit. */
  MEDIUM,
  /** Points at a control failure or possible fraud: look at it first. */
  HIGH
}
