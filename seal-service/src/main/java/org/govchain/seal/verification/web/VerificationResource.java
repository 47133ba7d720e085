package org.govchain.seal.verification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.log.NotAnchoredYetException;
import org.govchain.anchor.spring.log.UnknownEntryException;
import org.govchain.anchor.spring.web.Uploads;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.sealing.web.SealingService;
import org.govchain.seal.verification.DetachedSignatureVerifier;
import org.govchain.seal.verification.PdfSignatureVerifier;
import org.govchain.seal.verification.PdfVerificationReport;
import org.govchain.seal.verification.SignatureReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/seal/verifications} (public): multipart {@code document} (a sealed PDF), or
 * {@code document} + {@code signature} (a detached CMS, DER) → the verdict with its reasons.
 */
@RestController
@Tag(name = "verifications", description = "Public verification of sealed documents (no token)")
class VerificationResource {

  private final PdfSignatureVerifier pdfVerifier;
  private final DetachedSignatureVerifier detachedVerifier;
  private final SealingService sealings;
  private final LogReader logReader;
  private final SealProperties properties;
  private final Uploads uploads;

  VerificationResource(
      PdfSignatureVerifier pdfVerifier,
      DetachedSignatureVerifier detachedVerifier,
      SealingService sealings,
      LogReader logReader,
      SealProperties properties,
      Uploads uploads) {
    this.pdfVerifier = pdfVerifier;
    this.detachedVerifier = detachedVerifier;
    this.sealings = sealings;
    this.logReader = logReader;
    this.properties = properties;
    this.uploads = uploads;
  }

  /** The multipart form of a verification request (for the API document). */
  @Schema(name = "VerificationForm")
  record VerificationForm(
      @Schema(
              type = "string",
              format = "binary",
              requiredMode = Schema.RequiredMode.REQUIRED,
              description = "a sealed PDF, or the document a detached signature signs")
          String document,
      @Schema(
              type = "string",
              format = "binary",
              description = "a detached CMS signature (DER); absent for a PDF")
          String signature) {}

  @Operation(
      summary = "Verify a sealed PDF or a detached signature",
      description =
          "Checks each signature (structure, byte range, digest, signature value, signing time,"
              + " certificate chain, seal known, seal status at signing) and answers a verdict:"
              + " SIGNATURE_VALID, NOT_SIGNED, SEAL_NOT_ACTIVE_AT_SIGNING, REVOKED_BEFORE_SIGNING,"
              + " UNKNOWN_SEAL, ALTERED or FORGED, with the sealing's record in the anchored log"
              + " (logRecord) beside it. Public: no token needed.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = VerificationForm.class))),
      responses = {
        @ApiResponse(responseCode = "200", description = "the verdict and its reasons"),
        @ApiResponse(responseCode = "400", description = "malformed-request"),
        @ApiResponse(responseCode = "413", description = "too-large"),
        @ApiResponse(responseCode = "415", description = "not-pdf"),
        @ApiResponse(responseCode = "422", description = "invalid-pdf")
      })
  @PostMapping(value = "/api/seal/verifications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Mono<VerificationView> verify(ServerWebExchange exchange) {
    long max = properties.uploads().maxPdfSize().toBytes();
    return uploads
        .read(exchange)
        .flatMap(
            form ->
                form.file("document", max)
                    .zipWith(
                        form.optionalFile("signature", 1024 * 1024)
                            .map(List::of)
                            .defaultIfEmpty(List.of())))
        .flatMap(
            t ->
                t.getT2().isEmpty()
                    ? verifyPdf(t.getT1())
                    : verifyDetached(t.getT1(), t.getT2().get(0)));
  }

  private Mono<VerificationView> verifyPdf(byte[] pdf) {
    return Mono.fromCallable(
            () -> {
              PdfVerificationReport report = pdfVerifier.verify(pdf);
              List<byte[]> digests =
                  report.signatures().isEmpty()
                      ? List.of()
                      : SealingService.signatureDigests(pdf, Long.MAX_VALUE);
              return new PdfResult(report, digests);
            })
        .subscribeOn(Schedulers.boundedElastic()) // PDFBox, crypto and the directory block
        .flatMap(
            r ->
                Flux.range(0, r.report.signatures().size())
                    .concatMap(
                        i ->
                            logRecord(i < r.digests.size() ? r.digests.get(i) : new byte[0])
                                .map(
                                    log ->
                                        VerificationView.SignatureView.of(
                                            r.report.signatures().get(i), log)))
                    .collectList()
                    .map(views -> new VerificationView(r.report.verdict().name(), "PDF", views)));
  }

  private record PdfResult(PdfVerificationReport report, List<byte[]> digests) {}

  private Mono<VerificationView> verifyDetached(byte[] document, byte[] signature) {
    return Mono.fromCallable(() -> detachedVerifier.verify(document, signature))
        .subscribeOn(Schedulers.boundedElastic()) // crypto and the directory block
        .flatMap(
            (SignatureReport report) ->
                logRecord(sha256(signature))
                    .map(
                        log ->
                            new VerificationView(
                                report.verdict().name(),
                                "DETACHED",
                                List.of(VerificationView.SignatureView.of(report, log)))));
  }

  private Mono<VerificationView.LogRecord> logRecord(byte[] signatureSha256) {
    return sealings
        .findBySignatureSha256(signatureSha256)
        .flatMap(
            sealing -> {
              String id = sealing.id().toString();
              return logReader
                  .bundleForLatestEvent(id)
                  .map(
                      b ->
                          new VerificationView.LogRecord(
                              "ANCHORED", id, Jcs.parse(ProofBundleJson.write(b))))
                  .onErrorResume(
                      NotAnchoredYetException.class,
                      e -> Mono.just(new VerificationView.LogRecord("NOT_ANCHORED_YET", id, null)))
                  .onErrorResume(
                      UnknownEntryException.class,
                      e -> Mono.just(new VerificationView.LogRecord("NOT_IN_LOG", id, null)));
            })
        .defaultIfEmpty(new VerificationView.LogRecord("NO_SEALING_RECORD", null, null));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
