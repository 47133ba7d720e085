package org.govchain.accounting.redflags;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.govchain.accounting.vouchers.Period;

/**
 * What the red-flag rules know of one posted voucher; the service maps its vouchers into this.
 *
 * <p>Inconsistent facts are refused at construction (a date outside the period, an unknown kind, a
 * reversal's original on a voucher that reverses nothing), so that no rule works on nonsense.
 *
 * @param id the voucher's id
 * @param unitCreditCode the unified social credit code of the unit whose books hold it
 * @param period the period it is booked in
 * @param number its number in the period; {@code null} if it has none
 * @param date its date, within {@code period}
 * @param kind {@value #ORDINARY}, {@value #REVERSAL} (a red reversal, negative amounts) or {@value
 *     #CLOSING} (a period-closing entry the system computed)
 * @param preparer who prepared it (制单), a user reference; never printed in a flag
 * @param reviewer who reviewed it (审核); {@code null} if imported history names nobody
 * @param lines its entry lines, financial and budget ledger alike
 * @param counterparty whom it pays or receives from; {@code null} if nobody in particular
 * @param attachments its source documents (原始凭证)
 * @param reversesClosedPeriod for a reversal: whether its original lies in a closed period
 * @param originalPeriod for a reversal: the original's period, if known
 * @param originalNumber for a reversal: the original's number, if known
 */
public record VoucherFacts(
    UUID id,
    String unitCreditCode,
    Period period,
    Integer number,
    LocalDate date,
    String kind,
    String preparer,
    String reviewer,
    List<Line> lines,
    Counterparty counterparty,
    List<Attachment> attachments,
    boolean reversesClosedPeriod,
    Period originalPeriod,
    Integer originalNumber) {

  public static final String ORDINARY = "ORDINARY";
  public static final String REVERSAL = "REVERSAL";
  public static final String CLOSING = "CLOSING";

  /** The voucher kinds, as {@link #kind()} spells them. */
  public static final Set<String> KINDS = Set.of(ORDINARY, REVERSAL, CLOSING);

  /**
   * First-level codes of the monetary accounts money is paid from: 1001 库存现金 (cash on hand), 1002
   * 银行存款 (bank), 1011 零余额账户用款额度 (zero-balance quota), 1021 其他货币资金 (other monetary funds).
   */
  public static final Set<String> CASH_ACCOUNTS = Set.of("1001", "1002", "1011", "1021");

  /** First-level code of 库存现金, cash on hand. */
  public static final String CASH_ON_HAND = "1001";

  /**
   * @throws NullPointerException if a required fact is missing
   * @throws IllegalArgumentException if the facts contradict each other
   */
  public VoucherFacts {
    Objects.requireNonNull(id, "id");
    requireText(unitCreditCode, "unitCreditCode");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
    requireText(preparer, "preparer");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    if (!period.contains(date)) {
      throw new IllegalArgumentException(
          "voucher " + id + " is dated " + date + ", outside its period " + period);
    }
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "voucher kind must be ORDINARY, REVERSAL or CLOSING, is " + kind);
    }
    boolean reversal = REVERSAL.equals(kind);
    if (!reversal && (reversesClosedPeriod || originalPeriod != null || originalNumber != null)) {
      throw new IllegalArgumentException(
          "only a REVERSAL has an original, voucher " + id + " is " + kind);
    }
    if (originalNumber != null && originalPeriod == null) {
      throw new IllegalArgumentException("the original's number without its period, voucher " + id);
    }
  }

  /** Whether it is a red reversal. */
  public boolean isReversal() {
    return REVERSAL.equals(kind);
  }

  /**
   * The net cash outflow: credits minus debits on the {@link #CASH_ACCOUNTS} when positive, else
   * 0.00. A transfer between cash accounts (a withdrawal from the bank into the till) pays nobody
   * and nets out; so does a red reversal, whose amounts are negative.
   */
  public BigDecimal cashPaid() {
    return netCredit(line -> CASH_ACCOUNTS.contains(line.firstLevel()));
  }

  /** {@link #cashPaid()} for 1001 库存现金 (cash on hand) alone. */
  public BigDecimal cashOnHandPaid() {
    return netCredit(line -> CASH_ON_HAND.equals(line.firstLevel()));
  }

  private BigDecimal netCredit(Predicate<Line> accounts) {
    BigDecimal net = Amounts.ZERO;
    for (Line line : lines) {
      if (accounts.test(line)) {
        net = line.debit() ? net.subtract(line.amount()) : net.add(line.amount());
      }
    }
    return net.signum() > 0 ? net : Amounts.ZERO;
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }

  /**
   * One entry line.
   *
   * @param account the account code, first-level (four digits, e.g. {@code 1002}) or a sub-account
   *     whose first four characters are its first-level code ({@code 1002.01}, {@code 100201})
   * @param debit {@code true} for a debit, {@code false} for a credit
   * @param amount CNY with at most two decimal places, normalised to two; negative on a red
   *     reversal
   */
  public record Line(String account, boolean debit, BigDecimal amount) {

    public Line {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(amount, "amount");
      if (account.length() < 4 || !account.substring(0, 4).chars().allMatch(Line::isDigit)) {
        throw new IllegalArgumentException(
            "account must start with a four-digit first-level code, is " + account);
      }
      amount = Amounts.fen(amount, "the amount on " + account);
    }

    /** The first-level account code: the first four characters. */
    public String firstLevel() {
      return account.substring(0, 4);
    }

    /**
     * Whether it is on the financial ledger (财务会计): first digit 1-5, assets to expenses; 6-8 are
     * the parallel budget ledger (预算会计), which repeats the same money.
     */
    public boolean isFinancial() {
      char first = account.charAt(0);
      return first >= '1' && first <= '5';
    }

    private static boolean isDigit(int c) {
      return c >= '0' && c <= '9';
    }
  }

  /**
   * Whom the voucher pays or receives from.
   *
   * @param kind {@value #ORGANIZATION} or {@value #INDIVIDUAL}
   * @param code an organization's unified social credit code, or a payee reference for an
   *     individual: personal data, never printed in a flag
   */
  public record Counterparty(String kind, String code) {

    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String INDIVIDUAL = "INDIVIDUAL";

    public Counterparty {
      Objects.requireNonNull(kind, "kind");
      requireText(code, "code");
      if (!ORGANIZATION.equals(kind) && !INDIVIDUAL.equals(kind)) {
        throw new IllegalArgumentException(
            "counterparty kind must be ORGANIZATION or INDIVIDUAL, is " + kind);
      }
    }

    public boolean isIndividual() {
      return INDIVIDUAL.equals(kind);
    }
  }

  /**
   * A source document attached to the voucher.
   *
   * @param kind what it is, upper case: {@code INVOICE}, {@code RECEIPT}, {@code CONTRACT}, {@code
   *     BANK_SLIP}, {@code PAYROLL}, {@code OTHER}, …
   * @param invoiceKey for an invoice, the key it may be attached under only once ({@code
   *     InvoiceNumber.canonical()}); else {@code null}
   * @param sha256 the SHA-256 of the file, hex; stored in lower case
   */
  public record Attachment(String kind, String invoiceKey, String sha256) {

    public Attachment {
      requireText(kind, "kind");
      kind = kind.strip().toUpperCase(Locale.ROOT);
      if (invoiceKey != null && invoiceKey.isBlank()) {
        throw new IllegalArgumentException("invoiceKey is blank; null when there is none");
      }
      sha256 = Sha256.normalise(sha256);
    }
  }
}
