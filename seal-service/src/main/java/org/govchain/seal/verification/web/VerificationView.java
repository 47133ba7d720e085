package org.govchain.seal.verification.web;

import java.util.List;
import org.govchain.seal.verification.Finding;
import org.govchain.seal.verification.SignatureReport;

/**
 * A verification's answer: the overall verdict, and for each signature its verdict, every check's
 * finding and what the seal log says of the sealing record.
 */
record VerificationView(String verdict, String kind, List<SignatureView> signatures) {

  /** One signature. */
  record SignatureView(
      String verdict,
      String signer,
      String signingTime,
      String sealId,
      List<Finding> findings,
      LogRecord logRecord) {

    static SignatureView of(SignatureReport report, LogRecord log) {
      return new SignatureView(
          report.verdict().name(),
          report.signer().orElse(null),
          report.signingTime().map(Object::toString).orElse(null),
          report.sealId().map(Object::toString).orElse(null),
          report.findings(),
          log);
    }
  }

  /**
   * The sealing record of a signature in the seal log.
   *
   * @param status ANCHORED (with the proof bundle), NOT_ANCHORED_YET, NOT_IN_LOG, or
   *     NO_SEALING_RECORD (the service has no record of making this signature)
   * @param proof the {@code govchain.proof/v1} bundle when anchored
   */
  record LogRecord(String status, String sealingId, Object proof) {}
}
