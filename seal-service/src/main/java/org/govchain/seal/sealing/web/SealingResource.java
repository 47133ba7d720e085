package org.govchain.seal.sealing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.security.Principal;
import java.util.HexFormat;
import java.util.UUID;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.problems.ProblemException;
import org.govchain.seal.sealing.SealPlacement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/seal/seals/{id}/sealings} (stamp a PDF), {@code …/signatures} (sign a hash) and
 * {@code /api/seal/sealings/{id}} with its proof.
 */
@RestController
class SealingResource {

  /** Response header naming the sealing record made by a stamp. */
  static final String SEALING_ID_HEADER = "Sealing-Id";

  private final SealingService service;
  private final LogReader logReader;
  private final SealProperties properties;

  SealingResource(SealingService service, LogReader logReader, SealProperties properties) {
    this.service = service;
    this.logReader = logReader;
    this.properties = properties;
  }

  /**
   * Multipart: {@code document} (the PDF), {@code page} (1-based), {@code x}, {@code y}, {@code
   * width} (mm).
   */
  @PostMapping(
      value = "/api/seal/seals/{id}/sealings",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_PDF_VALUE)
  Mono<ResponseEntity<byte[]>> seal(@PathVariable UUID id, ServerWebExchange exchange) {
    long max = properties.uploads().maxPdfSize().toBytes();
    return exchange
        .getMultipartData()
        .flatMap(
            parts -> {
              SealPlacement placement =
                  placement(
                      Uploads.intField(parts, "page"),
                      Uploads.numberField(parts, "x"),
                      Uploads.numberField(parts, "y"),
                      Uploads.numberField(parts, "width"));
              return Uploads.file(parts, "document", max)
                  .flatMap(
                      pdf ->
                          operator(exchange)
                              .flatMap(op -> service.sealPdf(id, pdf, placement, op)));
            })
        .map(
            result ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/seal/sealings/" + result.sealing().id()))
                    .header(SEALING_ID_HEADER, result.sealing().id().toString())
                    .contentType(MediaType.APPLICATION_PDF)
                    .body(result.pdf()));
  }

  /** A document hash to sign: hex, with its algorithm (SHA-256 for ECDSA seals, SM3 for SM2). */
  record SignHashRequest(@NotBlank String hash, @NotBlank String hashAlgorithm) {}

  @PostMapping(
      value = "/api/seal/seals/{id}/signatures",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<SealingView>> sign(
      @PathVariable UUID id,
      @Valid @RequestBody SignHashRequest request,
      ServerWebExchange exchange) {
    byte[] hash;
    try {
      hash = HexFormat.of().parseHex(request.hash().strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("hash", "must be hex");
    }
    if (hash.length != 32) {
      throw ProblemException.invalidField("hash", "must be 32 bytes (64 hex digits)");
    }
    return operator(exchange)
        .flatMap(op -> service.signHash(id, request.hashAlgorithm(), hash, op))
        .map(
            s ->
                ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/seal/sealings/" + s.id()))
                    .body(SealingView.of(s)));
  }

  @GetMapping("/api/seal/sealings/{id}")
  Mono<SealingView> get(@PathVariable UUID id) {
    return service.find(id).map(SealingView::of);
  }

  @GetMapping("/api/seal/sealings/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(@PathVariable UUID id) {
    return service
        .find(id)
        .flatMap(s -> logReader.bundleForLatestEvent(id.toString()))
        .map(
            b ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ProofBundleJson.write(b)));
  }

  private static SealPlacement placement(int page, double x, double y, double width) {
    try {
      return SealPlacement.of(page, x, y, width);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          org.govchain.seal.problems.ProblemType.PLACEMENT,
          e.getMessage(),
          java.util.Map.of(
              "errors",
              java.util.List.of(ProblemException.FieldError.of("page/x/y/width", e.getMessage()))));
    }
  }

  /**
   * Who seals: the authenticated principal's name, i.e. the token's {@code sub} claim (the security
   * rules let only authenticated seal clerks reach the sealing endpoints).
   */
  private static Mono<String> operator(ServerWebExchange exchange) {
    return exchange
        .getPrincipal()
        .map(Principal::getName)
        .switchIfEmpty(
            Mono.error(new IllegalStateException("a sealing request reached without a principal")));
  }
}
