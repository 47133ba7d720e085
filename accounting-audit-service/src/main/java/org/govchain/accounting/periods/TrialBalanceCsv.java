package org.govchain.accounting.periods;

import java.util.List;
import java.util.Locale;
import org.govchain.accounting.periods.TrialBalance.Row;
import org.govchain.accounting.reports.Csv;

/**
 * A trial balance as CSV (RFC 4180, UTF-8, LF line ends) for spreadsheets: one line per row, the
 * balances as a direction ({@code debit} / {@code credit}, as the chart's CSV writes sides) and an
 * amount, amounts as plain decimals with two places. Fields are quoted only when they hold a comma,
 * a quote or a line break (a unit's sub-account name may).
 */
public final class TrialBalanceCsv {

  /** The header line's fields. */
  public static final List<String> HEADER =
      List.of(
          "period",
          "code",
          "name_zh",
          "level",
          "leaf",
          "ledger",
          "normal_side",
          "opening_direction",
          "opening_amount",
          "debit_turnover",
          "credit_turnover",
          "closing_direction",
          "closing_amount");

  private TrialBalanceCsv() {}

  /** The header and one line per row, each line ending with a line feed. */
  public static String write(TrialBalance trialBalance) {
    StringBuilder csv = new StringBuilder(Csv.line(HEADER));
    for (Row row : trialBalance.rows()) {
      List<String> fields =
          List.of(
              trialBalance.period().toString(),
              row.code(),
              row.nameZh(),
              Integer.toString(row.level()),
              Boolean.toString(row.leaf()),
              lower(row.ledger()),
              lower(row.normalSide()),
              lower(row.opening().direction()),
              row.opening().amount().toPlainString(),
              row.debitTurnover().toPlainString(),
              row.creditTurnover().toPlainString(),
              lower(row.closing().direction()),
              row.closing().amount().toPlainString());
      csv.append(Csv.line(fields));
    }
    return csv.toString();
  }

  private static String lower(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
