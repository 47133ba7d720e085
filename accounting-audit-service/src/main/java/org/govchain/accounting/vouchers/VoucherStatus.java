package org.govchain.accounting.vouchers;

/**
 * A voucher's way into the books: prepared (a draft the preparer may discard), reviewed by a second
 * clerk of the unit, posted (numbered, chained and never changed again).
 */
public enum VoucherStatus {
  DRAFT,
  REVIEWED,
  POSTED
}
