package org.govchain.accounting.chart;

/** The side of an entry or of a balance: debit (借) or credit (贷). */
public enum Side {
  DEBIT,
  CREDIT;

  /** The other side: credit for debit, debit for credit. */
  public Side opposite() {
    return this == DEBIT ? CREDIT : DEBIT;
  }
}
