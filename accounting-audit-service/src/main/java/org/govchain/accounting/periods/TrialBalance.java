package org.govchain.accounting.periods;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.govchain.accounting.chart.Account;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.chart.Side;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.vouchers.VoucherLine;

/**
 * A period's trial balance (试算平衡表 / 科目余额表): for each account, its opening balance, the period's
 * debit and credit turnover and its closing balance, and per ledger the totals that must balance.
 * Computed from the leaves' opening balances and the period's posted lines; a parent's figures are
 * the sums of its children's. Lists the leaves with an opening balance or a posting and every
 * account above them, in code order.
 *
 * <p>A red reversal's negative amounts reduce the turnover of their side (红字冲销): a ¥500 debit
 * reversed shows ¥0 of debit turnover, not ¥500 of debit and ¥500 of credit, as the Ministry's
 * rules have red-ink entries reported.
 */
public final class TrialBalance {

  /**
   * A balance as a trial balance shows it: the side it lies on and a non-negative amount. An
   * account's balance normally lies on its normal side; one on the other side (a debit balance on a
   * payable) shows so. A zero balance shows on the normal side.
   */
  public record Balance(Side direction, BigDecimal amount) {

    /** The balance of {@code netDebit} (debit-positive) for an account of {@code normalSide}. */
    public static Balance of(BigDecimal netDebit, Side normalSide) {
      if (netDebit.signum() == 0) {
        return new Balance(normalSide, netDebit.abs());
      }
      return new Balance(netDebit.signum() > 0 ? Side.DEBIT : Side.CREDIT, netDebit.abs());
    }

    /** The amount in the debit column, zero if the balance is a credit one. */
    public BigDecimal debit() {
      return direction == Side.DEBIT ? amount : zero();
    }

    /** The amount in the credit column, zero if the balance is a debit one. */
    public BigDecimal credit() {
      return direction == Side.CREDIT ? amount : zero();
    }

    /** The balance debit-positive. */
    public BigDecimal netDebit() {
      return direction == Side.DEBIT ? amount : amount.negate();
    }
  }

  /**
   * One account's line.
   *
   * @param level 1 for a first-level account, more for sub-accounts
   * @param leaf whether it takes postings (its figures are not sums)
   */
  public record Row(
      String code,
      String nameZh,
      int level,
      boolean leaf,
      Ledger ledger,
      Side normalSide,
      Balance opening,
      BigDecimal debitTurnover,
      BigDecimal creditTurnover,
      Balance closing) {}

  /**
   * A ledger's totals over its first-level accounts: the six columns of the classic trial balance.
   */
  public record Totals(
      Ledger ledger,
      BigDecimal openingDebit,
      BigDecimal openingCredit,
      BigDecimal debitTurnover,
      BigDecimal creditTurnover,
      BigDecimal closingDebit,
      BigDecimal closingCredit) {

    /** Whether each pair of columns agrees: opening, turnover, closing. */
    public boolean balanced() {
      return openingDebit.compareTo(openingCredit) == 0
          && debitTurnover.compareTo(creditTurnover) == 0
          && closingDebit.compareTo(closingCredit) == 0;
    }
  }

  private final YearMonth period;
  private final List<Row> rows;
  private final Map<Ledger, Totals> totals;

  private TrialBalance(YearMonth period, List<Row> rows, Map<Ledger, Totals> totals) {
    this.period = period;
    this.rows = List.copyOf(rows);
    this.totals = Collections.unmodifiableMap(totals);
  }

  /**
   * The trial balance of a period.
   *
   * @param opening each leaf's opening balance, debit-positive; missing leaves open at zero
   * @param lines the lines of the vouchers posted in the period, red reversals included
   * @throws IllegalArgumentException if a balance or line is on an account that is not a leaf of
   *     {@code chart}
   */
  public static TrialBalance compute(
      YearMonth period,
      UnitChart chart,
      Map<String, BigDecimal> opening,
      Collection<VoucherLine> lines) {
    Map<String, Figures> figures = new TreeMap<>();
    opening.forEach(
        (code, balance) -> {
          if (balance.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(
                code + " opens at " + balance + ", not yuan and fen");
          }
          leaf(chart, figures, code).opening = balance.setScale(2);
        });
    for (VoucherLine line : lines) {
      Figures leaf = leaf(chart, figures, line.account());
      if (line.side() == Side.DEBIT) {
        leaf.debit = leaf.debit.add(line.amount());
      } else {
        leaf.credit = leaf.credit.add(line.amount());
      }
    }
    Map<String, Figures> all = new TreeMap<>(figures);
    for (Map.Entry<String, Figures> leaf : figures.entrySet()) {
      Optional<String> parent = chart.find(leaf.getKey()).map(Account::parentCode);
      while (parent.isPresent()) {
        all.computeIfAbsent(parent.get(), code -> new Figures()).add(leaf.getValue());
        parent = chart.find(parent.get()).map(Account::parentCode);
      }
    }
    List<Row> rows = new ArrayList<>();
    all.forEach((code, f) -> rows.add(f.row(chart.find(code).orElseThrow(), chart.isLeaf(code))));
    Map<Ledger, Totals> totals = new EnumMap<>(Ledger.class);
    for (Ledger ledger : Ledger.values()) {
      totals.put(ledger, totals(ledger, rows));
    }
    return new TrialBalance(period, rows, totals);
  }

  private static Figures leaf(UnitChart chart, Map<String, Figures> figures, String code) {
    if (!chart.isLeaf(code)) {
      throw new IllegalArgumentException(code + " is not a leaf of the unit's chart");
    }
    return figures.computeIfAbsent(code, c -> new Figures());
  }

  private static Totals totals(Ledger ledger, List<Row> rows) {
    BigDecimal[] sums = new BigDecimal[6];
    Arrays.fill(sums, zero());
    for (Row row : rows) {
      if (row.ledger() == ledger && row.level() == 1) {
        sums[0] = sums[0].add(row.opening().debit());
        sums[1] = sums[1].add(row.opening().credit());
        sums[2] = sums[2].add(row.debitTurnover());
        sums[3] = sums[3].add(row.creditTurnover());
        sums[4] = sums[4].add(row.closing().debit());
        sums[5] = sums[5].add(row.closing().credit());
      }
    }
    return new Totals(ledger, sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
  }

  /** The period. */
  public YearMonth period() {
    return period;
  }

  /** Every row, in code order (a parent before its children). */
  public List<Row> rows() {
    return rows;
  }

  /** The row of one account, if it has figures this period. */
  public Optional<Row> row(String code) {
    return rows.stream().filter(r -> r.code().equals(code)).findFirst();
  }

  /** A ledger's totals. */
  public Totals totals(Ledger ledger) {
    return totals.get(ledger);
  }

  /**
   * Whether the ledger balances on its own: opening debits equal opening credits, debit turnover
   * equals credit turnover, closing debits equal closing credits ({@link #totals} shows the sums).
   */
  public boolean balanced(Ledger ledger) {
    return totals(ledger).balanced();
  }

  /** Each listed leaf's closing balance, debit-positive: the next period's opening balances. */
  public Map<String, BigDecimal> closingBalances() {
    Map<String, BigDecimal> closing = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.leaf()) {
        closing.put(row.code(), row.closing().netDebit());
      }
    }
    return Collections.unmodifiableMap(closing);
  }

  private static BigDecimal zero() {
    return new BigDecimal("0.00");
  }

  /** An account's figures while they are summed, debit-positive. */
  private static final class Figures {
    BigDecimal opening = zero();
    BigDecimal debit = zero();
    BigDecimal credit = zero();

    void add(Figures other) {
      opening = opening.add(other.opening);
      debit = debit.add(other.debit);
      credit = credit.add(other.credit);
    }

    Row row(Account account, boolean leaf) {
      BigDecimal open = opening;
      return new Row(
          account.code(),
          account.nameZh(),
          account.level(),
          leaf,
          account.ledger(),
          account.normalSide(),
          Balance.of(open, account.normalSide()),
          debit,
          credit,
          Balance.of(open.add(debit).subtract(credit), account.normalSide()));
    }
  }
}
