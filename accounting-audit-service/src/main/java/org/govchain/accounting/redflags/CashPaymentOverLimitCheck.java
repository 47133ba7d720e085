package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RedFlagRule#CASH_PAYMENT_OVER_LIMIT}: cash on hand paid out above the settlement
 * threshold.
 *
 * <p>现金管理暂行条例 (State Council, 1988, revised 2011) 第五条 lets units pay in cash only within its listed
 * uses, small payments among them "结算起点以下的零星支出", and sets 结算起点 at 1000元; above it units pay by
 * transfer. Wages and payments to individuals are listed uses too, so a flag asks for the reason,
 * it does not prove a breach.
 *
 * <p>What counts is cash that left the unit's monetary funds: {@link
 * VoucherFacts#cashOnHandPaid()}, but no more than {@link VoucherFacts#cashPaid()}, so that
 * depositing cash at the bank (借 银行存款, 贷 库存现金) is no payment.
 */
final class CashPaymentOverLimitCheck implements RuleCheck {

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    BigDecimal paid = voucher.cashOnHandPaid().min(voucher.cashPaid());
    BigDecimal threshold = settings.cashSettlementThreshold();
    if (paid.compareTo(threshold) <= 0) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("cashOnHandPaid", Amounts.plain(paid));
    numbers.put("threshold", Amounts.plain(threshold));
    return Optional.of(
        new Finding(
            "cash on hand paid "
                + Amounts.display(paid)
                + " exceeds the cash settlement threshold "
                + Amounts.display(threshold),
            numbers));
  }
}
