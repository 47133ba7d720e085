package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govchain.accounting.redflags.VoucherFacts.Attachment;

/**
 * {@link RedFlagRule#INDIVIDUAL_PAYMENT_WITHOUT_SUPPORT}: a large payment to an individual with
 * nothing showing what it was for.
 *
 * <p>Support is a document of what was bought, agreed or owed: an invoice, a receipt, a contract or
 * a payroll sheet ({@link #SUPPORTING_KINDS}). A bank slip proves only that money moved, and {@code
 * OTHER} says nothing, so neither counts. The payment is {@link VoucherFacts#cashPaid()}; strictly
 * above the threshold trips.
 */
final class IndividualPaymentWithoutSupportCheck implements RuleCheck {

  /** The attachment kinds that support a payment. */
  static final Set<String> SUPPORTING_KINDS = Set.of("INVOICE", "RECEIPT", "CONTRACT", "PAYROLL");

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    if (voucher.counterparty() == null || !voucher.counterparty().isIndividual()) {
      return Optional.empty();
    }
    BigDecimal paid = voucher.cashPaid();
    BigDecimal threshold = settings.individualPaymentThreshold();
    boolean supported =
        voucher.attachments().stream().map(Attachment::kind).anyMatch(SUPPORTING_KINDS::contains);
    if (paid.compareTo(threshold) <= 0 || supported) {
      return Optional.empty();
    }
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("paid", Amounts.plain(paid));
    numbers.put("threshold", Amounts.plain(threshold));
    numbers.put(
        "attachmentKinds",
        voucher.attachments().stream().map(Attachment::kind).distinct().toList());
    return Optional.of(
        new Finding(
            "paid "
                + Amounts.display(paid)
                + " to an individual payee, above "
                + Amounts.display(threshold)
                + ", with no invoice, receipt, contract or payroll attached ("
                + (voucher.attachments().isEmpty()
                    ? "no attachments"
                    : voucher.attachments().size() + " other attachments")
                + ")",
            numbers));
  }
}
