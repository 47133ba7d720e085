package org.govchain.accounting.vouchers;

/** The kinds of supporting document (原始凭证) attached to a voucher. */
public enum AttachmentKind {
  /** An invoice (发票): carries its invoice number. */
  INVOICE,
  /** A receipt other than an invoice (收据, 财政票据). */
  RECEIPT,
  /** A contract or agreement. */
  CONTRACT,
  /** A bank slip or payment voucher (银行回单). */
  BANK_SLIP,
  /** A payroll or allowance list. */
  PAYROLL,
  /** An approval document (审批单) or anything else. */
  OTHER
}
