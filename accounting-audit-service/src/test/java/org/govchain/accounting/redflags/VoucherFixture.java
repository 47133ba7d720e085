package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.govchain.accounting.redflags.VoucherFacts.Attachment;
import org.govchain.accounting.redflags.VoucherFacts.Counterparty;
import org.govchain.accounting.redflags.VoucherFacts.Line;
import org.govchain.accounting.vouchers.Period;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Vouchers for the rule tests: an ordinary voucher on a working day (Wednesday 2025-03-12) that
 * trips nothing, changed one fact at a time.
 */
final class VoucherFixture {

  /** A Wednesday in a covered year, no holiday. */
  static final LocalDate WORKING_DAY = LocalDate.of(2025, 3, 12);

  /** An individual's payee reference: must never appear in a flag. */
  static final String PAYEE_REFERENCE = "PAYEE-110101199003077777";

  static final String ORGANIZATION_CODE = "91110000600037341L";

  static final HolidayCalendar CALENDAR = HolidayCalendar.load();

  private static final AtomicLong FILES = new AtomicLong();

  private UUID id = UUID.randomUUID();
  private Period period = Period.containing(WORKING_DAY);
  private Integer number = 12;
  private LocalDate date = WORKING_DAY;
  private String kind = VoucherFacts.ORDINARY;
  private String preparer = "clerk-1";
  private String reviewer = "clerk-2";
  private List<Line> lines = List.of(debit("5001", "1234.56"), credit("2307", "1234.56"));
  private Counterparty counterparty;
  private final List<Attachment> attachments = new ArrayList<>();
  private boolean reversesClosedPeriod;
  private Period originalPeriod;
  private Integer originalNumber;

  /**
   * Settings as the application binds them from {@code govchain.accounting.red-flags.*}, e.g.
   * {@code settings("cash-settlement-threshold", "2000.00")}; the defaults for the rest.
   */
  static RedFlagSettings settings(String... namesAndValues) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      properties.put("govchain.accounting.red-flags." + namesAndValues[i], namesAndValues[i + 1]);
    }
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("govchain.accounting.red-flags", RedFlagSettings.class);
  }

  /** The flag of {@code rule} among all flags {@code voucher} raises; at most one. */
  static Optional<Flag> flag(
      RedFlagRule rule, VoucherFacts voucher, Context context, RedFlagSettings settings) {
    List<Flag> flags =
        RedFlags.evaluate(voucher, context, settings).stream()
            .filter(flag -> flag.rule() == rule)
            .toList();
    if (flags.size() > 1) {
      throw new AssertionError("more than one " + rule + " flag: " + flags);
    }
    return flags.stream().findFirst();
  }

  /** {@link #flag(RedFlagRule, VoucherFacts, Context, RedFlagSettings)} with nothing looked up. */
  static Optional<Flag> flag(RedFlagRule rule, VoucherFacts voucher) {
    return flag(rule, voucher, Context.of(CALENDAR), RedFlagSettings.defaults());
  }

  static VoucherFixture voucher() {
    return new VoucherFixture();
  }

  /** A payment of {@code amount} from {@code cashAccount} on the financial and budget ledgers. */
  static VoucherFixture payment(String cashAccount, String amount) {
    return voucher()
        .lines(
            debit("5001", amount),
            credit(cashAccount, amount),
            debit("7201", amount),
            credit("8001", amount));
  }

  static Line debit(String account, String amount) {
    return new Line(account, true, new BigDecimal(amount));
  }

  static Line credit(String account, String amount) {
    return new Line(account, false, new BigDecimal(amount));
  }

  static Counterparty individual() {
    return new Counterparty(Counterparty.INDIVIDUAL, PAYEE_REFERENCE);
  }

  static Counterparty organization() {
    return new Counterparty(Counterparty.ORGANIZATION, ORGANIZATION_CODE);
  }

  /** An attachment of {@code kind} with a file of its own. */
  static Attachment attachment(String kind) {
    return new Attachment(kind, null, newSha256());
  }

  static Attachment invoice(String key) {
    return new Attachment("INVOICE", key, newSha256());
  }

  /** A SHA-256 no other call returns. */
  static String newSha256() {
    byte[] digest = new byte[32];
    long n = FILES.incrementAndGet();
    for (int i = 0; i < 8; i++) {
      digest[31 - i] = (byte) (n >>> (8 * i));
    }
    digest[0] = (byte) 0xab;
    return HexFormat.of().formatHex(digest);
  }

  VoucherFixture id(UUID id) {
    this.id = id;
    return this;
  }

  VoucherFixture number(Integer number) {
    this.number = number;
    return this;
  }

  /** Dates it {@code date}, in that date's period. */
  VoucherFixture dated(LocalDate date) {
    this.date = date;
    this.period = Period.containing(date);
    return this;
  }

  VoucherFixture kind(String kind) {
    this.kind = kind;
    return this;
  }

  VoucherFixture preparedBy(String preparer) {
    this.preparer = preparer;
    return this;
  }

  VoucherFixture reviewedBy(String reviewer) {
    this.reviewer = reviewer;
    return this;
  }

  VoucherFixture lines(Line... lines) {
    this.lines = List.of(lines);
    return this;
  }

  VoucherFixture to(Counterparty counterparty) {
    this.counterparty = counterparty;
    return this;
  }

  VoucherFixture attach(Attachment... attachments) {
    this.attachments.addAll(List.of(attachments));
    return this;
  }

  /** Makes it a red reversal of {@code originalPeriod} #{@code originalNumber}. */
  VoucherFixture reversing(Period originalPeriod, Integer originalNumber, boolean closed) {
    this.kind = VoucherFacts.REVERSAL;
    this.originalPeriod = originalPeriod;
    this.originalNumber = originalNumber;
    this.reversesClosedPeriod = closed;
    return this;
  }

  VoucherFacts build() {
    return new VoucherFacts(
        id,
        "12100000400012345X",
        period,
        number,
        date,
        kind,
        preparer,
        reviewer,
        lines,
        counterparty,
        attachments,
        reversesClosedPeriod,
        originalPeriod,
        originalNumber);
  }
}
