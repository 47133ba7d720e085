package org.govchain.accounting.vouchers.web;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.govchain.accounting.reports.Csv;
import org.govchain.accounting.vouchers.Amount;
import org.govchain.accounting.vouchers.VoucherLine;

/** A voucher list as CSV: one line per voucher line, the voucher's own columns on each. */
final class VoucherCsv {

  static final List<String> HEADER =
      List.of(
          "period",
          "number",
          "date",
          "voucher_status",
          "kind",
          "summary",
          "line",
          "account",
          "side",
          "amount",
          "memo",
          "attachments",
          "preparer",
          "reviewer",
          "voucher_id",
          "hash");

  private VoucherCsv() {}

  static String write(List<Voucher> vouchers) {
    StringBuilder csv = new StringBuilder(Csv.line(HEADER));
    for (Voucher v : vouchers) {
      for (int i = 0; i < v.lines().size(); i++) {
        VoucherLine line = v.lines().get(i);
        csv.append(
            Csv.line(
                Arrays.asList(
                    v.period().toString(),
                    v.number() == null ? null : v.number().toString(),
                    v.date().toString(),
                    v.status().name(),
                    v.kind().name(),
                    v.summary(),
                    Integer.toString(i + 1),
                    line.account(),
                    line.side().name(),
                    Amount.format(line.amount()),
                    line.memo(),
                    Integer.toString(v.attachments().size()),
                    v.preparer(),
                    v.reviewer(),
                    v.id().toString(),
                    v.hash() == null ? null : HexFormat.of().formatHex(v.hash()))));
      }
    }
    return csv.toString();
  }
}
