package org.govchain.accounting.periods;

import static org.govchain.accounting.vouchers.VoucherLine.credit;
import static org.govchain.accounting.vouchers.VoucherLine.debit;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.chart.UnitChart;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherRules;

/**
 * A public institution's month, worked by hand: a quota received, salaries accrued and paid, a
 * purchase with invoices part paid, inventory used, depreciation, service revenue, an office
 * expense posted at ¥8,500 instead of ¥5,800, its red reversal and the correction, cash deposited,
 * an old payable paid.
 */
final class SampleMonth {

  static final UnitChart CHART =
      UnitChart.of(
          ChartOfAccounts.standard(),
          Map.of(
              "1002.01", "工商银行基本户",
              "1002.02", "建设银行专户",
              "5001.01", "业务活动费用—工资福利费用",
              "5001.02", "业务活动费用—商品和服务费用",
              "5001.03", "业务活动费用—固定资产折旧费",
              "7201.01", "事业支出—财政拨款支出",
              "7201.02", "事业支出—其他资金支出"));

  /** Debit-positive; financial and budget each sum to zero. */
  static final Map<String, BigDecimal> OPENING = opening();

  static final List<VoucherLine> OFFICE_EXPENSE_WRONG =
      List.of(
          debit("5001.02", "8500.00"),
          credit("1011", "8500.00"),
          debit("7201.01", "8500.00"),
          credit("8001", "8500.00"));

  /** The month's vouchers in posting order, each one keeping {@link VoucherRules}. */
  static final List<List<VoucherLine>> VOUCHERS =
      List.of(
          List.of( // quota received
              debit("1011", "1000000.00"),
              credit("4001", "1000000.00"),
              debit("8001", "1000000.00"),
              credit("6001", "1000000.00")),
          List.of( // salaries accrued
              debit("5001.01", "180000.00"), credit("2201", "180000.00")),
          List.of( // salaries paid
              debit("2201", "180000.00"),
              credit("1011", "180000.00"),
              debit("7201.01", "180000.00"),
              credit("8001", "180000.00")),
          List.of( // purchase with invoices, part paid
              debit("1302", "10000.00"),
              credit("1002.01", "6000.00"),
              credit("2302", "4000.00"),
              debit("7201.02", "6000.00"),
              credit("8001", "6000.00")),
          List.of( // inventory used
              debit("5001.02", "12000.00"), credit("1302", "12000.00")),
          List.of( // depreciation
              debit("5001.03", "5000.00"), credit("1602", "5000.00")),
          List.of( // service revenue
              debit("1002.02", "30000.00"),
              credit("4101", "30000.00"),
              debit("8001", "30000.00"),
              credit("6101", "30000.00")),
          OFFICE_EXPENSE_WRONG,
          VoucherRules.reversalOf(OFFICE_EXPENSE_WRONG),
          List.of( // the correction
              debit("5001.02", "5800.00"),
              credit("1011", "5800.00"),
              debit("7201.01", "5800.00"),
              credit("8001", "5800.00")),
          List.of( // cash deposited
              debit("1002.01", "2000.00"), credit("1001", "2000.00")),
          List.of( // last month's payable paid
              debit("2302", "15000.00"),
              credit("1002.01", "15000.00"),
              debit("7201.02", "15000.00"),
              credit("8001", "15000.00")));

  /** Whether the voucher at this index is the red reversal. */
  static boolean isReversal(int index) {
    return index == 8;
  }

  static List<VoucherLine> lines() {
    return VOUCHERS.stream().flatMap(List::stream).toList();
  }

  private static Map<String, BigDecimal> opening() {
    Map<String, BigDecimal> opening = new LinkedHashMap<>();
    opening.put("1001", new BigDecimal("5000.00"));
    opening.put("1002.01", new BigDecimal("300000.00"));
    opening.put("1002.02", new BigDecimal("100000.00"));
    opening.put("1302", new BigDecimal("20000.00"));
    opening.put("1601", new BigDecimal("1200000.00"));
    opening.put("1602", new BigDecimal("-240000.00"));
    opening.put("2302", new BigDecimal("-15000.00"));
    opening.put("3001", new BigDecimal("-1370000.00"));
    opening.put("8001", new BigDecimal("405000.00"));
    opening.put("8101", new BigDecimal("-250000.00"));
    opening.put("8201", new BigDecimal("-100000.00"));
    opening.put("8202", new BigDecimal("-55000.00"));
    return Map.copyOf(opening);
  }

  private SampleMonth() {}
}
