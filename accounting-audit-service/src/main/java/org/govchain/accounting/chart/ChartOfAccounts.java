package org.govchain.accounting.chart;

import java.io.Reader;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A version of the standard chart of accounts: the first-level accounts every government unit uses,
 * as the Ministry of Finance lists them. The chart is data ({@value #RESOURCE}); an amendment by a
 * later rule (1821 was renamed 文物资源) is a new version beside this one, never an edit of it, so
 * books kept under a version read the same forever. See {@code chart/README.md} beside the data for
 * its source.
 */
public final class ChartOfAccounts {

  /**
   * The Government Accounting System of 2017: 政府会计制度——行政事业单位会计科目和报表, 财会〔2017〕25号, in force from 1
   * January 2019.
   */
  public static final String GAS_2017 = "GAS-2017";

  /** Where {@link #GAS_2017} lives on the classpath. */
  public static final String RESOURCE = "/chart/government-chart-of-accounts.csv";

  /** The columns of the chart's CSV, in order. */
  public static final List<String> HEADER =
      List.of(
          "code",
          "name_zh",
          "name_en",
          "element",
          "ledger",
          "normal_side",
          "contra",
          "cleared_at_year_end");

  private static final class Standard {
    static final ChartOfAccounts GAS_2017_CHART =
        of(GAS_2017, RESOURCE, ChartCsv.readResource(RESOURCE, HEADER));
  }

  private final String version;
  private final NavigableMap<String, Account> accounts;

  private ChartOfAccounts(String version, NavigableMap<String, Account> accounts) {
    this.version = version;
    this.accounts = Collections.unmodifiableNavigableMap(accounts);
  }

  /** The chart in force: {@link #GAS_2017}, loaded once from the classpath. */
  public static ChartOfAccounts standard() {
    return Standard.GAS_2017_CHART;
  }

  /**
   * A chart read from CSV with {@link #HEADER}: first-level codes only, each once, every field
   * valid, the element agreeing with the ledger and with the code's first digit.
   *
   * @param source names the data in failures
   * @throws MalformedChartException on the first row that is not so
   */
  public static ChartOfAccounts fromCsv(String version, String source, Reader csv) {
    return of(version, source, ChartCsv.read(source, csv, HEADER));
  }

  private static ChartOfAccounts of(String version, String source, List<ChartCsv.Row> rows) {
    NavigableMap<String, Account> accounts = new TreeMap<>();
    for (ChartCsv.Row row : rows) {
      Account account = account(source, row);
      if (accounts.putIfAbsent(account.code(), account) != null) {
        throw new MalformedChartException(source, row.line(), "duplicate code " + account.code());
      }
    }
    return new ChartOfAccounts(version, accounts);
  }

  private static Account account(String source, ChartCsv.Row row) {
    String code = row.get(0);
    if (!AccountCode.isFirstLevel(code)) {
      throw new MalformedChartException(source, row.line(), "not a first-level code: " + code);
    }
    Element element = constant(source, row, 3, Element.class);
    Ledger ledger = constant(source, row, 4, Ledger.class);
    Side normalSide = constant(source, row, 5, Side.class);
    try {
      return new Account(
          code,
          row.get(1),
          row.get(2),
          element,
          ledger,
          normalSide,
          ChartCsv.parseBoolean(source, row, 6),
          ChartCsv.parseBoolean(source, row, 7),
          null);
    } catch (IllegalArgumentException e) {
      throw new MalformedChartException(source, row.line(), e.getMessage());
    }
  }

  private static <E extends Enum<E>> E constant(
      String source, ChartCsv.Row row, int index, Class<E> type) {
    String value = row.get(index);
    if (!value.equals(value.toLowerCase(Locale.ROOT))) {
      throw new MalformedChartException(source, row.line(), "not lower case: " + value);
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MalformedChartException(
          source, row.line(), "not a " + type.getSimpleName() + ": " + value);
    }
  }

  /** The version, e.g. {@link #GAS_2017}. */
  public String version() {
    return version;
  }

  /** The first-level account with this code. */
  public Optional<Account> find(String code) {
    return Optional.ofNullable(code == null ? null : accounts.get(code));
  }

  /** Every account, in code order. */
  public List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /** The accounts of one ledger, in code order. */
  public List<Account> accounts(Ledger ledger) {
    return accounts.values().stream().filter(a -> a.ledger() == ledger).toList();
  }

  /** The accounts by code, in code order. */
  Map<String, Account> byCode() {
    return accounts;
  }

  /** How many accounts the chart has. */
  public int size() {
    return accounts.size();
  }

  @Override
  public String toString() {
    return "ChartOfAccounts[" + version + ", " + accounts.size() + " accounts]";
  }
}
