package org.govchain.accounting.redflags;

import java.util.Optional;

/**
 * The logic of one {@link RedFlagRule}: whether a voucher trips it, and with which numbers. {@link
 * RedFlags} decides whether it runs (enabled, the voucher's kind) and how severe the flag is.
 */
interface RuleCheck {

  /** The finding if {@code voucher} trips the rule; at most one per voucher. */
  Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings);
}
