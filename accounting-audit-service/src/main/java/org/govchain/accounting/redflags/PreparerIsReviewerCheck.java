package org.govchain.accounting.redflags;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RedFlagRule#PREPARER_IS_REVIEWER}: one person prepared and reviewed the voucher, so nobody
 * checked it. Posting refuses this; the rule catches imported history. Names are compared without
 * surrounding whitespace and ignoring case, as imported ledgers spell them inconsistently; they are
 * never printed.
 */
final class PreparerIsReviewerCheck implements RuleCheck {

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    if (voucher.reviewer() == null || !same(voucher.preparer(), voucher.reviewer())) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding("the voucher was prepared and reviewed by the same person", Map.of()));
  }

  private static boolean same(String preparer, String reviewer) {
    return preparer
        .strip()
        .toLowerCase(Locale.ROOT)
        .equals(reviewer.strip().toLowerCase(Locale.ROOT));
  }
}
