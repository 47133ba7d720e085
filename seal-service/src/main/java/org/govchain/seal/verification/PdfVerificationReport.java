package org.govchain.seal.verification;

import java.util.List;

/**
 * The verdict on a PDF: NOT_SIGNED without signatures, else the most severe verdict of its
 * signatures (in file order).
 */
public record PdfVerificationReport(Verdict verdict, List<SignatureReport> signatures) {
  public PdfVerificationReport {
    signatures = List.copyOf(signatures);
  }
}
