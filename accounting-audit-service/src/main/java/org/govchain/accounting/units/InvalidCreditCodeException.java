package org.govchain.accounting.units;

import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.problems.InvalidFieldException;

/**
 * A unified social credit code that GB 32100 rejects ({@code invalid-credit-code}), naming the
 * field and the character or check that failed.
 */
public final class InvalidCreditCodeException extends InvalidFieldException {

  InvalidCreditCodeException(String field, String reason) {
    super(
        AccountingProblem.INVALID_CREDIT_CODE, "invalid unified social credit code", field, reason);
  }
}
