package org.govchain.accounting.periods;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.ChartCsv;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.Element;
import org.govchain.accounting.chart.MalformedChartException;

/**
 * Where year-end closing carries each cleared account's balance ({@value #RESOURCE}): budget
 * revenue and expenditure into the budget balances, the surplus accounts into 累计盈余, and in which
 * step. Revenue and expense go into {@value ClosingEntries#SURPLUS} 本期盈余 every period (step 0) and
 * are not listed. A row's step is later than the step of every row that carries a balance into its
 * source, so an account is cleared only once everything due to it has arrived (本期盈余 after
 * December's revenue and expense, 本年盈余分配 after 本期盈余).
 *
 * <p>Loading checks the data against the chart: the sources are exactly the accounts the chart
 * marks cleared at year end, less revenue and expense; each target is a net-asset or budget-balance
 * account of the source's ledger.
 */
public final class YearEndClearing {

  /** Where the standard chart's mapping lives on the classpath. */
  public static final String RESOURCE = "/chart/year-end-clearing.csv";

  /** The columns of the CSV. */
  public static final List<String> HEADER = List.of("source", "target", "step", "reason");

  /**
   * One row: the first-level account cleared, where its balance goes, in which step, and why.
   *
   * @param step 1 or more; step 0 is the period's revenue and expense into 本期盈余
   */
  public record Rule(String source, String target, int step, String reason) {}

  private static final class Standard {
    static final YearEndClearing MAPPING =
        of(ChartOfAccounts.standard(), RESOURCE, ChartCsv.readResource(RESOURCE, HEADER));
  }

  private final Map<String, Rule> rules;

  private YearEndClearing(Map<String, Rule> rules) {
    this.rules = rules;
  }

  /** The mapping for {@link ChartOfAccounts#standard()}, loaded once. */
  public static YearEndClearing standard() {
    return Standard.MAPPING;
  }

  /**
   * A mapping read from CSV rows and checked against {@code chart}.
   *
   * @throws MalformedChartException on the first row or account that breaks a rule above
   */
  public static YearEndClearing of(ChartOfAccounts chart, String source, List<ChartCsv.Row> rows) {
    Map<String, Rule> rules = new TreeMap<>();
    for (ChartCsv.Row row : rows) {
      Rule rule = rule(chart, source, row);
      if (rules.putIfAbsent(rule.source(), rule) != null) {
        throw new MalformedChartException(source, row.line(), "duplicate source " + rule.source());
      }
    }
    for (Rule rule : rules.values()) {
      int due = ClosingEntries.SURPLUS.equals(rule.source()) ? 0 : -1;
      for (Rule into : rules.values()) {
        if (into.target().equals(rule.source())) {
          due = Math.max(due, into.step());
        }
      }
      if (rule.step() <= due) {
        throw new MalformedChartException(
            source,
            0,
            rule.source() + " is cleared in step " + rule.step() + " but receives in step " + due);
      }
    }
    for (Account account : chart.accounts()) {
      if (account.clearedAtYearEnd()
          && !isRevenueOrExpense(account)
          && !rules.containsKey(account.code())) {
        throw new MalformedChartException(
            source, 0, account.code() + " is cleared at year end but has no row");
      }
    }
    return new YearEndClearing(Collections.unmodifiableMap(rules));
  }

  private static Rule rule(ChartOfAccounts chart, String source, ChartCsv.Row row) {
    Account from = account(chart, source, row, 0);
    Account to = account(chart, source, row, 1);
    if (!from.clearedAtYearEnd() || isRevenueOrExpense(from)) {
      throw new MalformedChartException(
          source, row.line(), from.code() + " is not cleared at year end by this mapping");
    }
    if (to.ledger() != from.ledger()
        || !(to.element() == Element.NET_ASSETS || to.element() == Element.BUDGET_BALANCE)) {
      throw new MalformedChartException(
          source,
          row.line(),
          to.code() + " is not a balance account of " + from.code() + "'s ledger");
    }
    int step;
    try {
      step = Integer.parseInt(row.get(2));
    } catch (NumberFormatException e) {
      step = 0;
    }
    if (step < 1) {
      throw new MalformedChartException(
          source, row.line(), "step must be a whole number from 1, was " + row.get(2));
    }
    return new Rule(from.code(), to.code(), step, row.get(3));
  }

  private static Account account(
      ChartOfAccounts chart, String source, ChartCsv.Row row, int index) {
    return chart
        .find(row.get(index))
        .orElseThrow(
            () ->
                new MalformedChartException(
                    source, row.line(), "no account " + row.get(index) + " in chart"));
  }

  static boolean isRevenueOrExpense(Account account) {
    return account.element() == Element.REVENUE || account.element() == Element.EXPENSE;
  }

  /** The rule clearing this first-level account at year end, if any. */
  public Optional<Rule> rule(String firstLevelCode) {
    return Optional.ofNullable(rules.get(firstLevelCode));
  }

  /** Every rule, by step and then source. */
  public List<Rule> rules() {
    List<Rule> all = new ArrayList<>(rules.values());
    all.sort(Comparator.comparingInt(Rule::step).thenComparing(Rule::source));
    return List.copyOf(all);
  }

  /** The last step of year-end closing. */
  public int lastStep() {
    return rules.values().stream().mapToInt(Rule::step).max().orElse(0);
  }
}
