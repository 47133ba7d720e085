package org.govchain.seal.verification;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.govchain.seal.ca.CertificateChainValidator;
import org.govchain.seal.sealing.PdfDocuments;

/**
 * Verifies every signature of a PDF: the CMS over its byte range, that the byte range covers the
 * whole file except the signature itself (so bytes appended after sealing are noticed), the
 * certificate chain to the seal CA at the signing time, and the seal's status at that time.
 *
 * <p>Several signatures: an earlier signature that covers only a prefix is accepted when a later
 * signature covers the rest; intermediate revisions are not compared object by object.
 */
public final class PdfSignatureVerifier {
  private final CmsVerification cms;
  private final long maxPdfBytes;

  public PdfSignatureVerifier(
      CertificateChainValidator validator, SealDirectory directory, long maxPdfBytes) {
    this.cms = new CmsVerification(validator, directory);
    this.maxPdfBytes = maxPdfBytes;
  }

  /**
   * The verdict on {@code pdf}.
   *
   * @throws org.govchain.seal.sealing.DocumentTooLargeException if it exceeds the limit
   * @throws org.govchain.seal.sealing.InvalidPdfException if it is not a readable, unencrypted PDF
   */
  public PdfVerificationReport verify(byte[] pdf) {
    List<PDSignature> signatures;
    try (PDDocument document = PdfDocuments.load(pdf, maxPdfBytes)) {
      signatures = new ArrayList<>(document.getSignatureDictionaries());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the PDF's signatures", e);
    }
    if (signatures.isEmpty()) {
      return new PdfVerificationReport(Verdict.NOT_SIGNED, List.of());
    }
    signatures.sort(Comparator.comparingLong(PdfSignatureVerifier::rangeEnd));
    List<SignatureReport> reports = new ArrayList<>();
    Verdict verdict = Verdict.SIGNATURE_VALID;
    for (int i = 0; i < signatures.size(); i++) {
      PDSignature signature = signatures.get(i);
      boolean laterCoversEnd = false;
      for (int j = i + 1; j < signatures.size(); j++) {
        laterCoversEnd |= rangeEnd(signatures.get(j)) == pdf.length;
      }
      SignatureReport report = verifyOne(pdf, signature, laterCoversEnd);
      reports.add(report);
      verdict = Verdict.worst(verdict, report.verdict());
    }
    return new PdfVerificationReport(verdict, reports);
  }

  private SignatureReport verifyOne(byte[] pdf, PDSignature signature, boolean laterCoversEnd) {
    Finding byteRange = byteRange(pdf, signature.getByteRange(), laterCoversEnd);
    byte[] contents;
    byte[] signedContent;
    if (byteRange.outcome() == Outcome.FAILED && !hasGap(pdf, signature.getByteRange())) {
      contents = new byte[0];
      signedContent = new byte[0];
    } else {
      try {
        contents = signature.getContents(pdf);
        signedContent = signature.getSignedContent(pdf);
      } catch (IOException | RuntimeException e) {
        contents = new byte[0];
        signedContent = new byte[0];
      }
    }
    Instant fallback = signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    byte[] content = signedContent;
    return cms.verify(contents, oid -> CmsVerification.digestIn(oid, content), byteRange, fallback);
  }

  private static Finding byteRange(byte[] pdf, int[] range, boolean laterCoversEnd) {
    String expected = "[0, a, b, c] around /Contents with b + c = " + pdf.length;
    if (range.length != 4 || range[0] != 0 || !hasGap(pdf, range)) {
      return Finding.failed(Check.BYTE_RANGE, expected, Arrays.toString(range));
    }
    long end = (long) range[2] + range[3];
    String actual = Arrays.toString(range);
    if (end == pdf.length) {
      return Finding.passed(Check.BYTE_RANGE, expected, actual);
    }
    if (end < pdf.length && laterCoversEnd) {
      return Finding.passed(
          Check.BYTE_RANGE,
          expected,
          actual + "; the " + (pdf.length - end) + " later bytes are covered by a later signature");
    }
    return Finding.failed(
        Check.BYTE_RANGE,
        expected,
        actual + "; " + (pdf.length - end) + " bytes were added after signing");
  }

  private static boolean hasGap(byte[] pdf, int[] range) {
    return range.length == 4
        && range[1] > 0
        && range[2] > range[1]
        && range[3] >= 0
        && (long) range[2] + range[3] <= pdf.length
        && pdf[range[1]] == '<'
        && pdf[range[2] - 1] == '>';
  }

  private static long rangeEnd(PDSignature signature) {
    int[] range = signature.getByteRange();
    return range.length == 4 ? (long) range[2] + range[3] : -1;
  }
}
