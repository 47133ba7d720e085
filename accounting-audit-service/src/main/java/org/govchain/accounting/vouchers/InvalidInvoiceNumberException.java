package org.govchain.accounting.vouchers;

import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.accounting.problems.InvalidFieldException;

/**
 * An invoice code or number that is neither a 数电 number nor a legacy code and number ({@code
 * invalid-invoice-number}); the field is the invoice code's or the number's, whichever is wrong.
 */
public final class InvalidInvoiceNumberException extends InvalidFieldException {

  InvalidInvoiceNumberException(String field, String reason) {
    super(AccountingProblem.INVALID_INVOICE_NUMBER, "invalid invoice number", field, reason);
  }
}
