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
 * {@link RedFlagRule#DUPLICATE_ATTACHMENT}: a file attached to this voucher, by its SHA-256, is
 * attached to another voucher too: the same receipt or bank slip may support two payments. One flag
 * lists every such file.
 *
 * <p>Contracts ({@value #CONTRACT}) are left out: one contract governs several payments (deposit,
 * instalments, final payment) and is rightly attached to each. A duplicated invoice is caught by
 * its number ({@link RedFlagRule#DUPLICATE_INVOICE}) even when the files differ.
 */
final class DuplicateAttachmentCheck implements RuleCheck {

  static final String CONTRACT = "CONTRACT";

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    Set<String> seen = new LinkedHashSet<>();
    List<Object> files = new ArrayList<>();
    List<String> clauses = new ArrayList<>();
    for (Attachment attachment : voucher.attachments()) {
      if (CONTRACT.equals(attachment.kind()) || !seen.add(attachment.sha256())) {
        continue;
      }
      List<VoucherRef> others =
          context.otherVouchersWithAttachment(attachment.sha256(), voucher.id());
      if (!others.isEmpty()) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("sha256", attachment.sha256());
        file.put("kind", attachment.kind());
        file.put("vouchers", others.stream().map(VoucherRef::toNumbers).toList());
        files.add(Collections.unmodifiableMap(file));
        clauses.add(
            attachment.kind()
                + " file sha256 "
                + Sha256.abbreviate(attachment.sha256())
                + " is also on "
                + Duplicates.vouchers(others));
      }
    }
    if (files.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            String.join("; ", clauses),
            Map.of("attachments", Collections.unmodifiableList(files))));
  }
}
