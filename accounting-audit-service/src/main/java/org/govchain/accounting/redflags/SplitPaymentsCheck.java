package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govchain.accounting.redflags.Context.PriorPayment;
import org.govchain.accounting.redflags.VoucherFacts.Counterparty;

/**
 * {@link RedFlagRule#SPLIT_PAYMENTS} (拆分支付): payments to one counterparty, each below the approval
 * threshold, that together cross it within the window, as when one purchase is split to avoid
 * approval or tendering.
 *
 * <p>The window reaches back from the voucher's date: a payment dated {@code windowDays} days
 * earlier is in it, one a day earlier still is not. Payments at or above the threshold went through
 * approval and do not count; payments dated after the voucher are not earlier ones. The voucher
 * that makes the sum cross trips: earlier payments summing to at most the threshold, plus this one,
 * above it. Once crossed, the next payments do not trip again while the crossing payments stay in
 * the window; the sum they add to is in the flag already raised.
 */
final class SplitPaymentsCheck implements RuleCheck {

  private static final Comparator<PriorPayment> IN_ORDER =
      Comparator.comparing(PriorPayment::date)
          .thenComparing(p -> p.number() == null ? Integer.MAX_VALUE : p.number());

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    Counterparty counterparty = voucher.counterparty();
    BigDecimal paid = voucher.cashPaid();
    BigDecimal threshold = settings.splitPaymentThreshold();
    if (counterparty == null || paid.signum() == 0 || paid.compareTo(threshold) >= 0) {
      return Optional.empty();
    }
    int windowDays = settings.splitPaymentWindowDays();
    List<PriorPayment> earlier =
        context.recentPayments().stream()
            .filter(p -> !p.voucherId().equals(voucher.id()))
            .filter(p -> inWindow(p.date(), voucher.date(), windowDays))
            .filter(p -> p.amount().compareTo(threshold) < 0)
            .sorted(IN_ORDER)
            .toList();
    BigDecimal before =
        earlier.stream().map(PriorPayment::amount).reduce(Amounts.ZERO, BigDecimal::add);
    BigDecimal sum = before.add(paid);
    if (before.compareTo(threshold) > 0 || sum.compareTo(threshold) <= 0) {
      return Optional.empty();
    }
    List<Object> payments = new ArrayList<>();
    earlier.forEach(p -> payments.add(payment(p.voucher(), p.date(), p.amount())));
    payments.add(
        payment(
            new VoucherRef(voucher.id(), voucher.period(), voucher.number()),
            voucher.date(),
            paid));
    LocalDate from = earlier.get(0).date();
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("payments", Collections.unmodifiableList(payments));
    numbers.put("sum", Amounts.plain(sum));
    numbers.put("threshold", Amounts.plain(threshold));
    numbers.put("windowDays", windowDays);
    numbers.put("from", from.toString());
    numbers.put("to", voucher.date().toString());
    numbers.put("counterpartyKind", counterparty.kind());
    if (!counterparty.isIndividual()) {
      numbers.put("counterpartyCode", counterparty.code());
    }
    return Optional.of(
        new Finding(
            payments.size()
                + " payments to "
                + (counterparty.isIndividual()
                    ? "the same individual payee"
                    : "the same organization")
                + " within "
                + windowDays
                + " days ("
                + from
                + " to "
                + voucher.date()
                + ") total "
                + Amounts.display(sum)
                + ", above the approval threshold "
                + Amounts.display(threshold)
                + ", while each is below it",
            numbers));
  }

  /** Whether {@code earlier} is on {@code date} or at most {@code windowDays} days before it. */
  static boolean inWindow(LocalDate earlier, LocalDate date, int windowDays) {
    long daysBefore = ChronoUnit.DAYS.between(earlier, date);
    return daysBefore >= 0 && daysBefore <= windowDays;
  }

  private static Map<String, Object> payment(VoucherRef ref, LocalDate date, BigDecimal amount) {
    Map<String, Object> payment = new LinkedHashMap<>(ref.toNumbers());
    payment.put("date", date.toString());
    payment.put("amount", Amounts.plain(amount));
    return Collections.unmodifiableMap(payment);
  }
}
