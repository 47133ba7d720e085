package org.govchain.seal.sealing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.util.HexFormat;
import java.util.UUID;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.web.ProofResponses;
import org.govchain.anchor.spring.web.Uploads;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.validation.PlainText;
import org.govchain.seal.config.SealProperties;
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
@Tag(name = "sealings", description = "Stamping PDFs and signing document hashes (seal-clerk)")
class SealingResource {

  /** Response header naming the sealing record made by a stamp. */
  static final String SEALING_ID_HEADER = "Sealing-Id";

  private final SealingService service;
  private final LogReader logReader;
  private final SealProperties properties;
  private final Uploads uploads;

  SealingResource(
      SealingService service, LogReader logReader, SealProperties properties, Uploads uploads) {
    this.service = service;
    this.logReader = logReader;
    this.properties = properties;
    this.uploads = uploads;
  }

  /**
   * Multipart: {@code document} (the PDF), {@code page} (1-based), {@code x}, {@code y}, {@code
   * width} (mm).
   */
  /** The multipart form of a sealing request (for the API document). */
  @Schema(name = "SealingForm")
  record SealingForm(
      @Schema(type = "string", format = "binary", description = "the PDF to stamp") String document,
      @Schema(description = "1-based page number", example = "1") int page,
      @Schema(description = "mm from the page's left edge to the seal's left edge", example = "120")
          double x,
      @Schema(description = "mm from the page's top edge to the seal's top edge", example = "200")
          double y,
      @Schema(description = "seal width in mm (height follows the image)", example = "40")
          double width) {}

  @Operation(
      summary = "Stamp a PDF with the seal",
      description =
          "Draws the seal image at the placement and signs the PDF (PAdES B-B,"
              + " ETSI.CAdES.detached, incremental update); records and logs"
              + " seal.sealing.created. The operator is the token's subject.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                      schema = @Schema(implementation = SealingForm.class))),
      responses = {
        @ApiResponse(
            responseCode = "201",
            description =
                "the sealed PDF; headers Sealing-Id and Location (/api/seal/sealings/{id})",
            content =
                @Content(
                    mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary"))),
        @ApiResponse(responseCode = "400", description = "malformed-request"),
        @ApiResponse(responseCode = "404", description = "unknown-seal"),
        @ApiResponse(responseCode = "409", description = "seal-not-active"),
        @ApiResponse(responseCode = "413", description = "too-large"),
        @ApiResponse(responseCode = "415", description = "not-pdf"),
        @ApiResponse(responseCode = "422", description = "invalid-pdf, invalid-placement")
      })
  @PostMapping(
      value = "/api/seal/seals/{id}/sealings",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_PDF_VALUE)
  Mono<ResponseEntity<byte[]>> seal(@PathVariable UUID id, ServerWebExchange exchange) {
    long max = properties.uploads().maxPdfSize().toBytes();
    return uploads
        .read(exchange)
        .flatMap(
            form -> {
              SealPlacement placement =
                  placement(
                      form.intField("page"),
                      form.numberField("x"),
                      form.numberField("y"),
                      form.numberField("width"));
              return form.file("document", max)
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
  record SignHashRequest(
      @NotBlank @Size(max = 128) @PlainText String hash,
      @NotBlank @Size(max = 16) @PlainText String hashAlgorithm) {}

  @Operation(
      summary = "Sign a document hash with the seal (detached CMS)",
      description =
          "SHA-256 for ECDSA seals, SM3 for SM2 seals; the answer carries the base64 DER"
              + " signature. Records and logs seal.sealing.created.",
      responses = {
        @ApiResponse(responseCode = "201", description = "the sealing with its signature"),
        @ApiResponse(responseCode = "404", description = "unknown-seal"),
        @ApiResponse(responseCode = "409", description = "seal-not-active"),
        @ApiResponse(responseCode = "422", description = "invalid-request, hash-algorithm-mismatch")
      })
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

  @Operation(
      summary = "Read a sealing record",
      responses = {
        @ApiResponse(responseCode = "200", description = "the sealing"),
        @ApiResponse(responseCode = "404", description = "unknown-sealing")
      })
  @GetMapping("/api/seal/sealings/{id}")
  Mono<SealingView> get(@PathVariable UUID id) {
    return service.find(id).map(SealingView::of);
  }

  @Operation(
      summary = "Proof bundle of the sealing's event (govchain.proof/v1)",
      responses = {
        @ApiResponse(responseCode = "200", description = "the proof bundle"),
        @ApiResponse(responseCode = "404", description = "unknown-sealing"),
        @ApiResponse(
            responseCode = "409",
            description = "not-anchored-yet (with Retry-After) until the log is anchored")
      })
  @GetMapping("/api/seal/sealings/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(@PathVariable UUID id) {
    return service.find(id).flatMap(s -> ProofResponses.latest(logReader, id.toString()));
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
