package org.govchain.accounting.redflags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govchain.accounting.redflags.VoucherFacts.Attachment;

/**
 * {@link RedFlagRule#DUPLICATE_INVOICE}: an invoice on this voucher is on another voucher too, so
 * the same expense may have been claimed twice. One flag lists every such invoice.
 */
final class DuplicateInvoiceCheck implements RuleCheck {

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    Set<String> keys = new LinkedHashSet<>();
    for (Attachment attachment : voucher.attachments()) {
      if (attachment.invoiceKey() != null) {
        keys.add(attachment.invoiceKey());
      }
    }
    List<Object> invoices = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    for (String key : keys) {
      List<VoucherRef> others = context.otherVouchersWithInvoice(key, voucher.id());
      if (!others.isEmpty()) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("invoiceKey", key);
        invoice.put("vouchers", others.stream().map(VoucherRef::toNumbers).toList());
        invoices.add(Collections.unmodifiableMap(invoice));
        clauses.add("invoice " + key + " is also on " + Duplicates.vouchers(others));
      }
    }
    if (invoices.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            String.join("; ", clauses),
            Map.of("invoices", Collections.unmodifiableList(invoices))));
  }
}
