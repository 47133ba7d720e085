package org.govchain.accounting.periods;

import java.util.List;
import org.govchain.accounting.chart.Ledger;
import org.govchain.accounting.vouchers.VoucherLine;

/**
 * One system closing voucher (结转凭证), to be posted in the order {@link ClosingEntries} gives.
 *
 * @param step 0 for the period's revenue and expense into 本期盈余, 1 and on for year-end steps
 * @param ledger the one ledger its lines are in
 * @param summary the voucher's summary (摘要), also each line's memo
 * @param lines positive amounts, balanced, on leaves
 */
public record ClosingVoucher(int step, Ledger ledger, String summary, List<VoucherLine> lines) {

  public ClosingVoucher {
    lines = List.copyOf(lines);
  }
}
