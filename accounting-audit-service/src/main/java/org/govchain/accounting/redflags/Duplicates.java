package org.govchain.accounting.redflags;

import java.util.List;
import java.util.stream.Collectors;

/** How the duplicate-document rules name the other vouchers in an explanation. */
final class Duplicates {

  private Duplicates() {}

  /** {@code voucher 2025-02 #7}, or {@code vouchers 2025-02 #7, 2025-03 #2}. */
  static String vouchers(List<VoucherRef> refs) {
    return (refs.size() == 1 ? "voucher " : "vouchers ")
        + refs.stream().map(VoucherRef::label).collect(Collectors.joining(", "));
  }
}
