package org.govchain.ssc.cards.web;

import java.time.Instant;
import java.util.UUID;

/** A verification's answer: the verdict and, for a genuine payload, the card masked. */
record QrVerificationView(
    UUID verificationId,
    QrVerdict verdict,
    String businessType,
    CardSummary card,
    Instant expiresAt,
    Instant checkedAt) {

  /** The card as a service point sees it: masked holder, status, region. */
  record CardSummary(
      String holderName,
      String holderIdNumber,
      String status,
      int statusCode,
      String statusLabel,
      String region) {}
}
