package org.govchain.accounting.vouchers;

/** What a voucher is for. */
public enum VoucherKind {
  /** A clerk's voucher. */
  ORDINARY,
  /** A red reversal (红字冲销) of a posted voucher: its lines negated. */
  REVERSAL,
  /** A closing entry (期末结转) made by the period close. */
  CLOSING
}
