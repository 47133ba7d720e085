package org.govchain.accounting.redflags;

import static org.govchain.accounting.redflags.VoucherFacts.CLOSING;
import static org.govchain.accounting.redflags.VoucherFacts.ORDINARY;
import static org.govchain.accounting.redflags.VoucherFacts.REVERSAL;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The regulator's red-flag rules: what each is called, how severe it is by default, and on which
 * kinds of voucher it runs.
 *
 * <p>The payment rules, and the rules on documents and round amounts, run on ORDINARY vouchers
 * only. A red reversal (REVERSAL) carries its original's negative amounts and documents: it pays
 * nothing, and its original was checked when posted. A closing entry (CLOSING) is computed by the
 * system from balances and pays nothing either; it is also dated on the period's last day, weekend
 * or not, so the non-working-day rule skips it.
 */
public enum RedFlagRule {
  CASH_PAYMENT_OVER_LIMIT(
      "cash-payment-over-limit",
      "现金支付超过结算起点",
      "Cash payment above the cash settlement threshold",
      Severity.MEDIUM,
      Set.of(ORDINARY),
      new CashPaymentOverLimitCheck()),
  SPLIT_PAYMENTS(
      "split-payments",
      "拆分支付",
      "Payments split to stay below the approval threshold",
      Severity.HIGH,
      Set.of(ORDINARY),
      new SplitPaymentsCheck()),
  DUPLICATE_INVOICE(
      "duplicate-invoice",
      "发票重复报销",
      "Invoice on more than one voucher",
      Severity.HIGH,
      Set.of(ORDINARY),
      new DuplicateInvoiceCheck()),
  DUPLICATE_ATTACHMENT(
      "duplicate-attachment",
      "附件重复使用",
      "Attachment file on more than one voucher",
      Severity.MEDIUM,
      Set.of(ORDINARY),
      new DuplicateAttachmentCheck()),
  PREPARER_IS_REVIEWER(
      "preparer-is-reviewer",
      "制单与审核为同一人",
      "Prepared and reviewed by the same person",
      Severity.HIGH,
      Set.of(ORDINARY, REVERSAL, CLOSING),
      new PreparerIsReviewerCheck()),
  INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT(
      "individual-payment-without-support",
      "向个人大额付款无原始凭证",
      "Large payment to an individual without supporting documents",
      Severity.HIGH,
      Set.of(ORDINARY),
      new IndividualPaymentWithoutSupportCheck()),
  NON_WORKING_DAY(
      "non-working-day",
      "非工作日记账",
      "Voucher dated on a non-working day",
      Severity.LOW,
      Set.of(ORDINARY, REVERSAL),
      new NonWorkingDayCheck()),
  ROUND_AMOUNT(
      "round-amount",
      "大额整数金额",
      "Large round amount",
      Severity.LOW,
      Set.of(ORDINARY),
      new RoundAmountCheck()),
  REVERSAL_OF_CLOSED_PERIOD(
      "reversal-of-closed-period",
      "红字冲销已结账期间凭证",
      "Red reversal of a voucher in a closed period",
      Severity.MEDIUM,
      Set.of(REVERSAL),
      new ReversalOfClosedPeriodCheck());

  private final String id;
  private final String titleZh;
  private final String titleEn;
  private final Severity defaultSeverity;
  private final Set<String> voucherKinds;
  private final RuleCheck check;

  RedFlagRule(
      String id,
      String titleZh,
      String titleEn,
      Severity defaultSeverity,
      Set<String> voucherKinds,
      RuleCheck check) {
    this.id = id;
    this.titleZh = titleZh;
    this.titleEn = titleEn;
    this.defaultSeverity = defaultSeverity;
    this.voucherKinds = voucherKinds;
    this.check = check;
  }

  /** The rule with {@code id}, e.g. {@code cash-payment-over-limit}. */
  public static Optional<RedFlagRule> byId(String id) {
    return Arrays.stream(values()).filter(rule -> rule.id.equals(id)).findFirst();
  }

  /** The stable id, kebab-case: in settings, in the API and in stored findings. */
  public String id() {
    return id;
  }

  public String titleZh() {
    return titleZh;
  }

  public String titleEn() {
    return titleEn;
  }

  /** The severity unless {@link RedFlagSettings#severities()} overrides it. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** The {@link VoucherFacts#kind() voucher kinds} it runs on. */
  public Set<String> voucherKinds() {
    return voucherKinds;
  }

  /** Whether it runs on vouchers of {@code kind}. */
  public boolean appliesTo(String kind) {
    return voucherKinds.contains(kind);
  }

  RuleCheck check() {
    return check;
  }
}
