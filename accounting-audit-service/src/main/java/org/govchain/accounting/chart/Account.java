package org.govchain.accounting.chart;

import java.util.Objects;

/**
 * An account of a unit's chart: a first-level account of the standard chart, or a unit's
 * sub-account (明细科目) which inherits everything but its code and name from its first-level account.
 *
 * @param code {@code 1002}, or {@code 1002.01} for a sub-account (see {@link AccountCode})
 * @param nameZh the Chinese name, the name of record
 * @param nameEn an English gloss; {@code null} for sub-accounts, which units name in Chinese only
 * @param element the accounting element
 * @param ledger financial or budget accounting; the element's
 * @param normalSide the side its balance normally lies on
 * @param contra whether it is a contra account (accumulated depreciation, bad-debt allowance)
 * @param clearedAtYearEnd whether closing carries its balance elsewhere, leaving it at zero
 * @param parentCode the code one level up; {@code null} for a first-level account
 */
public record Account(
    String code,
    String nameZh,
    String nameEn,
    Element element,
    Ledger ledger,
    Side normalSide,
    boolean contra,
    boolean clearedAtYearEnd,
    String parentCode) {

  public Account {
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(normalSide, "normalSide");
    if (!AccountCode.isWellFormed(code)) {
      throw new IllegalArgumentException("not an account code: " + code);
    }
    if (nameZh == null || nameZh.isBlank()) {
      throw new IllegalArgumentException("account " + code + " has no name");
    }
    if (element.ledger() != ledger) {
      throw new IllegalArgumentException(
          "account " + code + ": element " + element + " is kept in " + element.ledger());
    }
    if (code.charAt(0) != element.firstDigit()) {
      throw new IllegalArgumentException(
          "account " + code + ": " + element + " codes start with " + element.firstDigit());
    }
    if (!Objects.equals(parentCode, AccountCode.parent(code).orElse(null))) {
      throw new IllegalArgumentException("account " + code + " cannot have parent " + parentCode);
    }
  }

  /** A first-level account of the standard chart. */
  public static Account firstLevel(
      String code,
      String nameZh,
      String nameEn,
      Element element,
      Side normalSide,
      boolean contra,
      boolean clearedAtYearEnd) {
    return new Account(
        code,
        nameZh,
        nameEn,
        element,
        element.ledger(),
        normalSide,
        contra,
        clearedAtYearEnd,
        null);
  }

  /**
   * A sub-account beneath this account, inheriting element, ledger, normal side, contra and
   * clearing.
   *
   * @throws IllegalArgumentException if {@code code} is not one level beneath this account's
   */
  public Account subAccount(String code, String nameZh) {
    return new Account(
        code, nameZh, null, element, ledger, normalSide, contra, clearedAtYearEnd, this.code);
  }

  /** 1 for a first-level account, 2 for its sub-accounts, and so on. */
  public int level() {
    return AccountCode.level(code);
  }

  /** Whether this is a first-level account of the standard chart. */
  public boolean isFirstLevel() {
    return parentCode == null;
  }

  /** The code of the first-level account this one lies beneath (its own for a first-level one). */
  public String firstLevelCode() {
    return AccountCode.firstLevel(code);
  }
}
