package org.govchain.accounting.vouchers;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.ChartCsv;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.MalformedChartException;

/**
 * The financial accounts whose cash settlement falls under the departmental budget, so that cash
 * moved against them is also recorded in budget accounting (平行记账): every revenue and expense
 * account, and the assets, liabilities and net assets that are bought, paid, borrowed or received
 * with budget funds. The list is data ({@value #RESOURCE}), each row with its reason; accounts not
 * in it — other receivables and payables (deposits, advances), amounts due to the treasury, agency
 * assets and liabilities, contra accounts — move cash in financial accounting only.
 */
public final class BudgetManagedAccounts {

  /** Where the standard chart's list lives on the classpath. */
  public static final String RESOURCE = "/chart/budget-managed-accounts.csv";

  /** The columns of the CSV. */
  public static final List<String> HEADER = List.of("code", "reason");

  /**
   * The cash accounts (货币资金 and the fiscal quota), whose movement budget accounting mirrors in 8001
   * 资金结存: 库存现金, 银行存款, 零余额账户用款额度, 其他货币资金, 财政应返还额度. They are the three parts of 资金结存 (货币资金,
   * 零余额账户用款额度, 财政应返还资金), fixed by the system's structure rather than by a unit's choices, hence not
   * data.
   */
  public static final Set<String> CASH_ACCOUNTS = Set.of("1001", "1002", "1011", "1021", "1201");

  /** 资金结存: the budget account that mirrors the cash accounts. */
  public static final String FUNDS_ON_HAND = "8001";

  private static final class Standard {
    static final BudgetManagedAccounts LIST =
        of(ChartOfAccounts.standard(), RESOURCE, ChartCsv.readResource(RESOURCE, HEADER));
  }

  private final Map<String, String> reasons;

  private BudgetManagedAccounts(Map<String, String> reasons) {
    this.reasons = Collections.unmodifiableMap(reasons);
  }

  /** The list for {@link ChartOfAccounts#standard()}, loaded once. */
  public static BudgetManagedAccounts standard() {
    return Standard.LIST;
  }

  /**
   * A list read from CSV rows: each code once, a first-level financial account of {@code chart},
   * not a cash account.
   *
   * @throws MalformedChartException on the first row that is not so
   */
  public static BudgetManagedAccounts of(
      ChartOfAccounts chart, String source, List<ChartCsv.Row> rows) {
    Map<String, String> reasons = new TreeMap<>();
    for (ChartCsv.Row row : rows) {
      String code = row.get(0);
      Optional<Account> account = chart.find(code);
      if (account.isEmpty()) {
        throw new MalformedChartException(source, row.line(), "no account " + code + " in chart");
      }
      if (account.get().ledger() != Ledger.FINANCIAL || CASH_ACCOUNTS.contains(code)) {
        throw new MalformedChartException(
            source, row.line(), code + " is not a financial counterpart of cash");
      }
      if (reasons.putIfAbsent(code, row.get(1)) != null) {
        throw new MalformedChartException(source, row.line(), "duplicate code " + code);
      }
    }
    return new BudgetManagedAccounts(reasons);
  }

  /** Whether cash moved against this first-level account is under the budget. */
  public boolean contains(String firstLevelCode) {
    return reasons.containsKey(firstLevelCode);
  }

  /** Why the account is budget-managed, if it is. */
  public Optional<String> reason(String firstLevelCode) {
    return Optional.ofNullable(reasons.get(firstLevelCode));
  }

  /** The first-level codes, in order. */
  public Set<String> codes() {
    return reasons.keySet();
  }

  /** Whether this first-level code is one of {@link #CASH_ACCOUNTS}. */
  public static boolean isCash(String firstLevelCode) {
    return CASH_ACCOUNTS.contains(firstLevelCode);
  }
}
