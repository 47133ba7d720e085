package org.govchain.accounting.vouchers;

import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.problems.InvalidFieldException;

/** An amount that is not a positive CNY amount written with two decimal places. */
public final class InvalidAmountException extends InvalidFieldException {

  InvalidAmountException(String field, String reason) {
    super(AccountingProblem.INVALID_AMOUNT, "invalid amount", field, reason);
  }
}
