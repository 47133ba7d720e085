package org.govchain.accounting.redflags;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.govchain.accounting.vouchers.Period;

/**
 * Another voucher a flag points at, e.g. the one that carries the same invoice: its id, and the
 * period and number people know it by.
 *
 * @param voucherId the voucher's id
 * @param period the period it is booked in
 * @param number its number in that period; {@code null} if it has none
 */
public record VoucherRef(UUID voucherId, Period period, Integer number) {

  public VoucherRef {
    Objects.requireNonNull(voucherId, "voucherId");
    Objects.requireNonNull(period, "period");
  }

  /** How an explanation names it: {@code 2025-03 #12}, or {@code 2025-03 (unnumbered)}. */
  public String label() {
    return period + (number == null ? " (unnumbered)" : " #" + number);
  }

  /** Its entry in {@link Flag#numbers()}: {@code voucherId}, {@code period} and {@code number}. */
  Map<String, Object> toNumbers() {
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("voucherId", voucherId.toString());
    numbers.put("period", period.toString());
    if (number != null) {
      numbers.put("number", number);
    }
    return Collections.unmodifiableMap(numbers);
  }
}
