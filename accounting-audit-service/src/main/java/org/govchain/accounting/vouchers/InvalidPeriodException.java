package org.govchain.accounting.vouchers;

import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.problems.InvalidFieldException;

/** An accounting period that is not a {@code yyyy-MM} month within the years accepted. */
public final class InvalidPeriodException extends InvalidFieldException {

  InvalidPeriodException(String field, String reason) {
    super(AccountingProblem.INVALID_PERIOD, "invalid period", field, reason);
  }
}
