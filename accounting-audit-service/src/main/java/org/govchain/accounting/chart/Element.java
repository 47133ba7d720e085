package org.govchain.accounting.chart;

/**
 * The accounting element (会计要素) of an account, as the chart's {@code element} column names it: five
 * financial elements and three budget ones. The first digit of a first-level code names the element
 * (1 asset … 8 budget balance).
 */
public enum Element {
  ASSET(Ledger.FINANCIAL, '1'),
  LIABILITY(Ledger.FINANCIAL, '2'),
  NET_ASSETS(Ledger.FINANCIAL, '3'),
  REVENUE(Ledger.FINANCIAL, '4'),
  EXPENSE(Ledger.FINANCIAL, '5'),
  BUDGET_REVENUE(Ledger.BUDGET, '6'),
  BUDGET_EXPENDITURE(Ledger.BUDGET, '7'),
  BUDGET_BALANCE(Ledger.BUDGET, '8');

  private final Ledger ledger;
  private final char firstDigit;

  Element(Ledger ledger, char firstDigit) {
    this.ledger = ledger;
    this.firstDigit = firstDigit;
  }

  /** The accounting this element belongs to. */
  public Ledger ledger() {
    return ledger;
  }

  /** The first digit of the codes of this element's accounts. */
  public char firstDigit() {
    return firstDigit;
  }
}
