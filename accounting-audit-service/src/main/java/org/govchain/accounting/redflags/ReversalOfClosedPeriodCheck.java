package org.govchain.accounting.redflags;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RedFlagRule#REVERSAL_OF_CLOSED_PERIOD}: a red reversal of a voucher whose period is
 * closed. Correcting a closed period this way is allowed, but it changes figures already reported,
 * so the regulator wants to see each one.
 */
final class ReversalOfClosedPeriodCheck implements RuleCheck {

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    if (!voucher.isReversal() || !voucher.reversesClosedPeriod()) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("period", voucher.period().toString());
    String original = "a voucher";
    if (voucher.originalPeriod() != null) {
      numbers.put("originalPeriod", voucher.originalPeriod().toString());
      original = "voucher " + voucher.originalPeriod();
      if (voucher.originalNumber() != null) {
        numbers.put("originalNumber", voucher.originalNumber());
        original += " #" + voucher.originalNumber();
      }
    }
    return Optional.of(
        new Finding(
            "red reversal in period "
                + voucher.period()
                + " of "
                + original
                + " in a closed period",
            numbers));
  }
}
