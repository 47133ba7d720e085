package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.govchain.accounting.vouchers.Period;

/**
 * What the service looks up in its database before the rules run on a voucher, so that the rules
 * themselves stay pure.
 *
 * <p>The voucher itself may appear in the look-ups (at period close it is in the database too): the
 * rules ignore entries with its own id. The look-ups should leave out red reversals and the
 * vouchers they reverse: a corrected voucher legitimately carries the invoice of the voucher it
 * replaces.
 *
 * @param recentPayments earlier posted payments of the same unit to the voucher's counterparty,
 *     reaching back at least {@link RedFlagSettings#splitPaymentWindowDays()} days; empty when it
 *     has no counterparty
 * @param sameInvoiceVouchers for each invoice key on the voucher, the other posted vouchers that
 *     carry it
 * @param sameAttachmentVouchers for each attachment file hash on the voucher, the other posted
 *     vouchers that carry it; keys are read in any case and kept in lower case
 * @param calendar the public holidays and adjusted working days
 */
public record Context(
    List<PriorPayment> recentPayments,
    Map<String, List<VoucherRef>> sameInvoiceVouchers,
    Map<String, List<VoucherRef>> sameAttachmentVouchers,
    HolidayCalendar calendar) {

  public Context {
    recentPayments = List.copyOf(Objects.requireNonNull(recentPayments, "recentPayments"));
    sameInvoiceVouchers = copy(sameInvoiceVouchers, "sameInvoiceVouchers", false);
    sameAttachmentVouchers = copy(sameAttachmentVouchers, "sameAttachmentVouchers", true);
    Objects.requireNonNull(calendar, "calendar");
  }

  /** No earlier payments and no other voucher with the same documents. */
  public static Context of(HolidayCalendar calendar) {
    return new Context(List.of(), Map.of(), Map.of(), calendar);
  }

  /** The other vouchers carrying invoice {@code key}, {@code self} left out. */
  List<VoucherRef> otherVouchersWithInvoice(String key, UUID self) {
    return others(sameInvoiceVouchers.get(key), self);
  }

  /** The other vouchers carrying the file hashed {@code sha256}, {@code self} left out. */
  List<VoucherRef> otherVouchersWithAttachment(String sha256, UUID self) {
    return others(sameAttachmentVouchers.get(sha256), self);
  }

  private static List<VoucherRef> others(List<VoucherRef> refs, UUID self) {
    if (refs == null) {
      return List.of();
    }
    return refs.stream().filter(ref -> !ref.voucherId().equals(self)).toList();
  }

  private static Map<String, List<VoucherRef>> copy(
      Map<String, List<VoucherRef>> map, String name, boolean hashes) {
    Objects.requireNonNull(map, name);
    Map<String, List<VoucherRef>> copy = new LinkedHashMap<>();
    map.forEach(
        (key, refs) -> {
          Objects.requireNonNull(key, name + " key");
          String normalised = hashes ? Sha256.normalise(key) : key;
          if (copy.put(normalised, List.copyOf(refs)) != null) {
            throw new IllegalArgumentException(name + " has " + key + " twice");
          }
        });
    return Map.copyOf(copy);
  }

  /**
   * An earlier posted payment of the unit to the same counterparty.
   *
   * @param voucherId the paying voucher
   * @param period its period
   * @param number its number; {@code null} if it has none
   * @param date its date
   * @param amount what it paid (its {@link VoucherFacts#cashPaid()}), positive
   */
  public record PriorPayment(
      UUID voucherId, Period period, Integer number, LocalDate date, BigDecimal amount) {

    public PriorPayment {
      Objects.requireNonNull(voucherId, "voucherId");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(amount, "amount");
      amount = Amounts.fen(amount, "the payment of voucher " + voucherId);
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException(
            "a payment is positive, voucher " + voucherId + " paid " + amount.toPlainString());
      }
    }

    /** The paying voucher as a reference. */
    public VoucherRef voucher() {
      return new VoucherRef(voucherId, period, number);
    }
  }
}
