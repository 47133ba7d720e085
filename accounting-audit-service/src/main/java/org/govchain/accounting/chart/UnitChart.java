package org.govchain.accounting.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * One unit's chart: a version of the standard chart and the sub-accounts (明细科目) the unit has opened
 * beneath its first-level accounts. Immutable; {@link #withSubAccount} answers a new chart,
 * validating the code first, so the service checks a sub-account before it stores one. Vouchers
 * post to leaves only (accounts without sub-accounts).
 */
public final class UnitChart {

  private final ChartOfAccounts standard;
  private final NavigableMap<String, Account> accounts;

  private UnitChart(ChartOfAccounts standard, NavigableMap<String, Account> accounts) {
    this.standard = standard;
    this.accounts = Collections.unmodifiableNavigableMap(accounts);
  }

  /** The standard chart alone, before the unit opens any sub-account. */
  public static UnitChart of(ChartOfAccounts standard) {
    return new UnitChart(standard, new TreeMap<>(standard.byCode()));
  }

  /**
   * The standard chart with these sub-accounts, given in any order (as read from storage): each is
   * added parent first, with the checks of {@link #withSubAccount}.
   *
   * @param subAccounts code → name
   */
  public static UnitChart of(ChartOfAccounts standard, Map<String, String> subAccounts) {
    UnitChart chart = of(standard);
    for (Map.Entry<String, String> sub : new TreeMap<>(subAccounts).entrySet()) {
      chart = chart.withSubAccount(sub.getKey(), sub.getValue());
    }
    return chart;
  }

  /**
   * This chart with one more sub-account, which inherits ledger, element, normal side, contra and
   * clearing from its first-level account.
   *
   * @param code {@code dddd(.dd){1,3}} (see {@link AccountCode}), one level beneath an account of
   *     this chart
   * @param name its Chinese name, not blank
   * @throws InvalidAccountException (field {@code code}) if the code is malformed, first-level or
   *     its parent is not in the chart
   * @throws AccountExistsException if the chart has the code already
   * @throws ProblemException {@code invalid-request} (field {@code name}) if the name is blank
   */
  public UnitChart withSubAccount(String code, String name) {
    if (AccountCode.isFirstLevel(code)) {
      throw new InvalidAccountException(
          "code", code, "first-level accounts are the standard chart's; open a sub-account");
    }
    if (!AccountCode.isSubAccount(code)) {
      throw new InvalidAccountException(
          "code",
          code,
          "a sub-account code is dddd.dd, dddd.dd.dd or dddd.dd.dd.dd, segments 01 to 99");
    }
    Account existing = accounts.get(code);
    if (existing != null) {
      throw new AccountExistsException(code, existing.nameZh());
    }
    String parentCode = AccountCode.parent(code).orElseThrow();
    Account parent = accounts.get(parentCode);
    if (parent == null) {
      throw new InvalidAccountException(
          "code", code, "its parent " + parentCode + " is not in the unit's chart");
    }
    if (name == null || name.isBlank()) {
      throw ProblemException.invalidField("name", "a sub-account needs a name");
    }
    NavigableMap<String, Account> more = new TreeMap<>(accounts);
    more.put(code, parent.subAccount(code, name.strip()));
    return new UnitChart(standard, more);
  }

  /** The standard chart this unit's chart extends. */
  public ChartOfAccounts standard() {
    return standard;
  }

  /** The account with this code, first-level or sub-account. */
  public Optional<Account> find(String code) {
    return Optional.ofNullable(code == null ? null : accounts.get(code));
  }

  /**
   * The account with this code.
   *
   * @param field the request field naming it, for the problem
   * @throws InvalidAccountException if the chart has no such account
   */
  public Account require(String code, String field) {
    return find(code)
        .orElseThrow(
            () -> new InvalidAccountException(field, code, "not an account of the unit's chart"));
  }

  /**
   * Whether the chart has this account and it has no sub-accounts: only such accounts take
   * postings. {@code false} for a code the chart does not have.
   */
  public boolean isLeaf(String code) {
    return find(code).isPresent() && !hasChildren(code);
  }

  /**
   * The first-level account an account lies beneath (itself if first-level).
   *
   * @throws InvalidAccountException (field {@code code}) if the chart has no such account
   */
  public Account firstLevel(String code) {
    return require(require(code, "code").firstLevelCode(), "code");
  }

  /**
   * The sub-accounts directly beneath an account, in code order.
   *
   * @throws InvalidAccountException (field {@code code}) if the chart has no such account
   */
  public List<Account> children(String code) {
    require(code, "code");
    List<Account> children = new ArrayList<>();
    for (Account account : accounts.tailMap(code + ".", false).values()) {
      if (!account.code().startsWith(code + ".")) {
        break;
      }
      if (code.equals(account.parentCode())) {
        children.add(account);
      }
    }
    return List.copyOf(children);
  }

  /** Every account, first-level and sub-accounts, in code order (a parent before its children). */
  public List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /** The accounts that take postings, in code order. */
  public List<Account> leaves() {
    return accounts.values().stream().filter(a -> !hasChildren(a.code())).toList();
  }

  /** The unit's own sub-accounts, in code order. */
  public List<Account> subAccounts() {
    return accounts.values().stream().filter(a -> !a.isFirstLevel()).toList();
  }

  private boolean hasChildren(String code) {
    String next = accounts.higherKey(code);
    return next != null && next.startsWith(code + ".");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnitChart other
        && standard.version().equals(other.standard.version())
        && accounts.equals(other.accounts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(standard.version(), accounts);
  }

  @Override
  public String toString() {
    return "UnitChart[" + standard.version() + ", " + subAccounts().size() + " sub-accounts]";
  }
}
