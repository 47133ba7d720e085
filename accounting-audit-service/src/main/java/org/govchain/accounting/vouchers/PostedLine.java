package org.govchain.accounting.vouchers;

import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.Ledger;

/** A voucher line with its index in the voucher and the account it posts to, once checked. */
record PostedLine(int index, VoucherLine line, Account account) {

  Ledger ledger() {
    return account.ledger();
  }

  String firstLevelCode() {
    return account.firstLevelCode();
  }
}
