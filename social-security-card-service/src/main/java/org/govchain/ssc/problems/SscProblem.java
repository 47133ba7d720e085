package org.govchain.ssc.problems;

import org.govchain.anchor.web.problem.ProblemKind;
import org.springframework.http.HttpStatus;

/**
 * The social security card service's own problem kinds; the common ones (malformed-request,
 * unauthorized, forbidden, invalid-request, conflict, …) are anchor-web's {@code CommonProblem},
 * and {@code invalid-region} is anchor-web's {@code InvalidRegionException.KIND}, shared with every
 * service that reads a GB/T 2260 region code. No problem's detail or members ever hold personal
 * data in clear: ID numbers, names, phones and bank accounts appear masked or not at all.
 */
public final class SscProblem {

  /** A 社会保障号码 (GB 11643 citizen ID) that is not one: format, check character, birth date. */
  public static final ProblemKind INVALID_CITIZEN_ID =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "invalid-citizen-id", "Invalid citizen ID number");

  /** A card number that does not follow the service's scheme or fails its check character. */
  public static final ProblemKind INVALID_CARD_NUMBER =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "invalid-card-number", "Invalid card number");

  public static final ProblemKind UNKNOWN_CARD =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-card", "Unknown card");

  /** The person already holds a card in force (one per person). */
  public static final ProblemKind CARD_IN_FORCE =
      ProblemKind.of(HttpStatus.CONFLICT, "card-in-force", "The person already has a card");

  /** An action the card's current status does not allow. */
  public static final ProblemKind ILLEGAL_TRANSITION =
      ProblemKind.of(HttpStatus.CONFLICT, "illegal-transition", "Illegal card transition");

  /** An action that needs a stated reason was asked without one. */
  public static final ProblemKind REASON_REQUIRED =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "reason-required", "A reason is required");

  /** An activation code that is wrong, already used or expired. */
  public static final ProblemKind INVALID_ACTIVATION_CODE =
      ProblemKind.of(
          HttpStatus.UNPROCESSABLE_CONTENT, "invalid-activation-code", "Invalid activation code");

  /** The card is not normal, so it cannot be used (QR codes). */
  public static final ProblemKind CARD_NOT_USABLE =
      ProblemKind.of(HttpStatus.CONFLICT, "card-not-usable", "The card cannot be used");

  /** No usable QR code of the card with that token (used, expired or never issued). */
  public static final ProblemKind UNKNOWN_QR_CODE =
      ProblemKind.of(HttpStatus.NOT_FOUND, "unknown-qr-code", "Unknown QR code");

  private SscProblem() {}
}
