package org.govchain.accounting.vouchers;

/**
 * Who a voucher's money went to or came from. Organisations are named and identified by their
 * unified social credit code; individuals only by the unit's own payee reference (an employee or
 * payee number), so no person's name or ID number enters the books' log.
 */
public enum CounterpartyKind {
  ORGANIZATION,
  INDIVIDUAL
}
