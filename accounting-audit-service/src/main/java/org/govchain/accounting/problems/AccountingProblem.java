package org.govchain.accounting.problems;

import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The accounting service's own problem kinds; the common ones (malformed-request, unauthorized,
 * forbidden, invalid-request, conflict, …) are anchor-web's {@code CommonProblem}.
 */
public final class AccountingProblem {

  /** A unified social credit code (GB 32100) that is not one: length, characters, check. */
  public static final ProblemKind INVALID_CREDIT_CODE =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "invalid-credit-code",
          "Invalid unified social credit code");

  /** An invoice number that is neither a 20-digit 数电 number nor a legacy code and number. */
  public static final ProblemKind INVALID_INVOICE_NUMBER =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "invalid-invoice-number", "Invalid invoice number");

  /** An amount that is not a positive CNY amount with two decimal places. */
  public static final ProblemKind INVALID_AMOUNT =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-amount", "Invalid amount");

  /** A period that is not {@code yyyy-MM}, or a date outside the voucher's period. */
  public static final ProblemKind INVALID_PERIOD =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-period", "Invalid period");

  /** An account code the unit's chart does not have, or one that is not a leaf. */
  public static final ProblemKind INVALID_ACCOUNT =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-account", "Invalid account");

  /** A voucher whose lines break a bookkeeping rule: balance, parallel budget lines. */
  public static final ProblemKind UNBALANCED_VOUCHER =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "unbalanced-voucher", "The voucher does not balance");

  /** A voucher that needs the parallel budget lines, or has budget lines without financial ones. */
  public static final ProblemKind PARALLEL_BOOKKEEPING =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "parallel-bookkeeping",
          "Financial and budget lines do not match");

  public static final ProblemKind UNKNOWN_UNIT =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-unit", "Unknown unit");

  public static final ProblemKind UNKNOWN_VOUCHER =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-voucher", "Unknown voucher");

  public static final ProblemKind UNKNOWN_FINDING =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-finding", "Unknown finding");

  /** A unit whose credit code is already registered. */
  public static final ProblemKind UNIT_EXISTS =
      ProblemKind.of(HttpStatus.CONFLICT, "unit-exists", "The unit is already registered");

  /** A sub-account code already in the unit's chart. */
  public static final ProblemKind ACCOUNT_EXISTS =
      ProblemKind.of(HttpStatus.CONFLICT, "account-exists", "The account already exists");

  /** A sub-account beneath an account that already has voucher lines. */
  public static final ProblemKind ACCOUNT_IN_USE =
      ProblemKind.of(HttpStatus.CONFLICT, "account-in-use", "The account already has postings");

  /** A clerk acting for a unit other than the one their token binds them to. */
  public static final ProblemKind FOREIGN_UNIT =
      ProblemKind.of(HttpStatus.FORBIDDEN, "foreign-unit", "Not a clerk of this unit");

  /** The preparer may not review their own voucher. */
  public static final ProblemKind SELF_REVIEW =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "self-review", "The preparer cannot review");

  /** An action the voucher's state does not allow (posting a draft, reversing twice, …). */
  public static final ProblemKind ILLEGAL_VOUCHER_STATE =
      ProblemKind.of(HttpStatus.CONFLICT, "illegal-voucher-state", "Illegal voucher state");

  /** A write into a closed period. */
  public static final ProblemKind PERIOD_CLOSED =
      ProblemKind.of(HttpStatus.CONFLICT, "period-closed", "The period is closed");

  /** A period that cannot be closed yet (vouchers not posted, an earlier period open). */
  public static final ProblemKind PERIOD_NOT_CLOSABLE =
      ProblemKind.of(HttpStatus.CONFLICT, "period-not-closable", "The period cannot be closed");

  /** A finding status change its current status does not allow. */
  public static final ProblemKind ILLEGAL_FINDING_STATE =
      ProblemKind.of(HttpStatus.CONFLICT, "illegal-finding-state", "Illegal finding state");

  private AccountingProblem() {}
}
