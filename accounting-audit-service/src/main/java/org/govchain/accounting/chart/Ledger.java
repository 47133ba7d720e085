package org.govchain.accounting.chart;

/**
 * The two accountings a government unit keeps side by side (双体系): financial accounting on the
 * accrual basis (1xxx–5xxx) and budget accounting on the cash basis (6xxx–8xxx). Each balances on
 * its own.
 */
public enum Ledger {
  FINANCIAL,
  BUDGET
}
