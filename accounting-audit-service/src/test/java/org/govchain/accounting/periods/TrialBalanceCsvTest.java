package org.govchain.accounting.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.accounting.vouchers.VoucherLine.credit;
import static org.govchain.accounting.vouchers.VoucherLine.debit;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialBalanceCsvTest {

  @Test
  void writesAHeaderAndOneLinePerRowWithDirectionsAndPlainAmounts() {
    TrialBalance march =
        TrialBalance.compute(
            YearMonth.of(2026, 3), SampleMonth.CHART, SampleMonth.OPENING, SampleMonth.lines());
    List<String> lines = TrialBalanceCsv.write(march).lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "period,code,name_zh,level,leaf,ledger,normal_side,opening_direction,opening_amount,"
                + "debit_turnover,credit_turnover,closing_direction,closing_amount");
    assertThat(lines).hasSize(1 + march.rows().size());
    assertThat(lines)
        .contains(
            "2026-03,1002,银行存款,1,false,financial,debit,debit,400000.00,32000.00,21000.00,debit,"
                + "411000.00",
            "2026-03,1602,固定资产累计折旧,1,true,financial,credit,credit,240000.00,0.00,5000.00,"
                + "credit,245000.00",
            "2026-03,7201.01,事业支出—财政拨款支出,2,true,budget,debit,debit,0.00,185800.00,0.00,"
                + "debit,185800.00");
  }

  @Test
  void quotesANameHoldingACommaOrAQuote() {
    TrialBalance trialBalance =
        TrialBalance.compute(
            YearMonth.of(2026, 3),
            SampleMonth.CHART.withSubAccount("1001.01", "备用金,\"零用\""),
            Map.of(),
            List.of(debit("1001.01", new BigDecimal("1.00")), credit("1011", "1.00")));
    assertThat(TrialBalanceCsv.write(trialBalance))
        .contains("2026-03,1001.01,\"备用金,\"\"零用\"\"\",2,true,");
  }
}
