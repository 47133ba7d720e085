package org.govchain.accounting.periods;

import static org.govchain.accounting.vouchers.VoucherLine.credit;
import static org.govchain.accounting.vouchers.VoucherLine.debit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.govchain.accounting.vouchers.VoucherLine;
import org.govchain.accounting.vouchers.VoucherRules;

/**
 * Vouchers of the kinds a public institution posts, with seeded random amounts, on {@link
 * SampleMonth#CHART}; each keeps {@link VoucherRules}. Now and then the red reversal of an earlier
 * one.
 */
final class RandomVouchers {

  private final Random random;
  private final VoucherRules rules = VoucherRules.standard();
  private final List<List<VoucherLine>> posted = new ArrayList<>();

  RandomVouchers(long seed) {
    this.random = new Random(seed);
  }

  /** The lines of {@code count} vouchers. */
  List<VoucherLine> month(int count) {
    List<VoucherLine> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.addAll(next());
    }
    return lines;
  }

  List<VoucherLine> next() {
    if (!posted.isEmpty() && random.nextInt(12) == 0) {
      List<VoucherLine> reversal =
          VoucherRules.reversalOf(posted.remove(random.nextInt(posted.size())));
      rules.check(reversal, SampleMonth.CHART, true);
      return reversal;
    }
    BigDecimal a = fen();
    BigDecimal b = fen();
    List<VoucherLine> voucher =
        switch (random.nextInt(12)) {
          case 0 ->
              List.of(debit("1011", a), credit("4001", a), debit("8001", a), credit("6001", a));
          case 1 -> List.of(debit("5001.01", a), credit("2201", a));
          case 2 ->
              List.of(debit("2201", a), credit("1011", a), debit("7201.01", a), credit("8001", a));
          case 3 ->
              List.of(
                  debit("1302", a.add(b)),
                  credit("1002.01", a),
                  credit("2302", b),
                  debit("7201.02", a),
                  credit("8001", a));
          case 4 ->
              List.of(debit("1002.02", a), credit("4101", a), debit("8001", a), credit("6101", a));
          case 5 ->
              List.of(debit("1002.01", a), credit("4401", a), debit("8001", a), credit("6401", a));
          case 6 ->
              List.of(debit("5201", a), credit("1002.01", a), debit("7301", a), credit("8001", a));
          case 7 -> List.of(debit("5001.03", a), credit("1602", a));
          case 8 -> List.of(debit("1601", a), credit("3401", a));
          case 9 ->
              List.of(debit("1002.01", a), credit("3501", a), debit("8001", a), credit("8201", a));
          case 10 ->
              List.of(debit("1501", a), credit("1002.01", a), debit("7601", a), credit("8001", a));
          default ->
              List.of(debit("4101", a), credit("1002.02", a), debit("6101", a), credit("8001", a));
        };
    rules.check(voucher, SampleMonth.CHART, false);
    posted.add(voucher);
    return voucher;
  }

  private BigDecimal fen() {
    return BigDecimal.valueOf(1 + random.nextInt(5_000_000), 2);
  }
}
