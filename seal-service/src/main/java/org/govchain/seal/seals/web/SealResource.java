package org.govchain.seal.seals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.UUID;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.web.ProofResponses;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.validation.PlainText;
import org.govchain.seal.seals.CreditCode;
import org.govchain.seal.seals.SealAction;
import org.govchain.seal.seals.SealStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code /api/seal/seals}: create, list, read, suspend, resume, revoke, proof (DESIGN §5). */
@RestController
@RequestMapping("/api/seal/seals")
@Tag(name = "seals", description = "Seals and their lifecycle (seal-clerk changes, all roles read)")
class SealResource {

  private final SealService service;
  private final LogReader logReader;

  SealResource(SealService service, LogReader logReader) {
    this.service = service;
    this.logReader = logReader;
  }

  @Operation(
      summary = "Create a seal",
      description =
          "Generates the seal's key pair (ECDSA P-256 by default, or SM2), issues its certificate"
              + " from the seal CA and logs seal.seal.created. With an Idempotency-Key, a repeat"
              + " of the same body answers the first response again.",
      responses = {
        @ApiResponse(
            responseCode = "201",
            description = "the seal (no key material); Location names it",
            content = @Content(schema = @Schema(implementation = SealView.class))),
        @ApiResponse(responseCode = "400", description = "malformed-request"),
        @ApiResponse(responseCode = "413", description = "too-large (seal image)"),
        @ApiResponse(responseCode = "415", description = "not-png"),
        @ApiResponse(
            responseCode = "422",
            description =
                "invalid-request, invalid-credit-code, invalid-image, idempotency-key-reused")
      })
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> create(
      @Valid @RequestBody SealRequests.Create request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) Principal caller) {
    return Mono.defer(() -> service.create(request, caller.getName(), idempotencyKey))
        .map(StoredResponse::toResponseEntity);
  }

  @Operation(
      summary = "List seals",
      description = "Newest first; status filters on the effective status (EXPIRED included).",
      responses = {
        @ApiResponse(responseCode = "200", description = "a page of seals"),
        @ApiResponse(responseCode = "422", description = "invalid-credit-code, invalid-request")
      })
  @GetMapping
  Mono<Page<SealView>> list(
      @RequestParam(required = false) @PlainText String creditCode,
      @RequestParam(required = false) SealStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    String code = creditCode == null ? null : CreditCode.parse(creditCode).value();
    return service.list(code, status, page, size);
  }

  @Operation(
      summary = "Read a seal",
      responses = {
        @ApiResponse(responseCode = "200", description = "the seal"),
        @ApiResponse(responseCode = "404", description = "unknown-seal")
      })
  @GetMapping("/{id}")
  Mono<SealView> get(@PathVariable UUID id) {
    return service.find(id).map(s -> SealView.of(s, service.now()));
  }

  @Operation(
      summary = "The seal's image (PNG)",
      responses = {
        @ApiResponse(responseCode = "200", description = "the PNG"),
        @ApiResponse(responseCode = "404", description = "unknown-seal")
      })
  @GetMapping(value = "/{id}/image", produces = MediaType.IMAGE_PNG_VALUE)
  Mono<byte[]> image(@PathVariable UUID id) {
    return service.find(id).map(Seal::imagePng);
  }

  @Operation(
      summary = "Suspend a seal (ACTIVE → SUSPENDED)",
      responses = {
        @ApiResponse(responseCode = "200", description = "the seal"),
        @ApiResponse(responseCode = "404", description = "unknown-seal"),
        @ApiResponse(responseCode = "409", description = "illegal-transition, conflict")
      })
  @PostMapping("/{id}/suspend")
  Mono<SealView> suspend(@PathVariable UUID id) {
    return transition(id, SealAction.SUSPEND, null);
  }

  @Operation(
      summary = "Resume a suspended seal (SUSPENDED → ACTIVE)",
      responses = {
        @ApiResponse(responseCode = "200", description = "the seal"),
        @ApiResponse(responseCode = "404", description = "unknown-seal"),
        @ApiResponse(responseCode = "409", description = "illegal-transition, conflict")
      })
  @PostMapping("/{id}/resume")
  Mono<SealView> resume(@PathVariable UUID id) {
    return transition(id, SealAction.RESUME, null);
  }

  @Operation(
      summary = "Revoke a seal (terminal; a reason is required)",
      description =
          "Sealings made before the revocation stay valid; signatures dated after it verify as"
              + " REVOKED_BEFORE_SIGNING.",
      responses = {
        @ApiResponse(responseCode = "200", description = "the seal"),
        @ApiResponse(responseCode = "404", description = "unknown-seal"),
        @ApiResponse(responseCode = "409", description = "illegal-transition, conflict"),
        @ApiResponse(responseCode = "422", description = "revocation-reason-required")
      })
  @PostMapping("/{id}/revoke")
  Mono<SealView> revoke(
      @PathVariable UUID id, @Valid @RequestBody(required = false) SealRequests.Revoke request) {
    return transition(id, SealAction.REVOKE, request == null ? null : request.reason());
  }

  @Operation(
      summary = "Proof bundle of the seal's latest event (govchain.proof/v1)",
      responses = {
        @ApiResponse(responseCode = "200", description = "the proof bundle"),
        @ApiResponse(responseCode = "404", description = "unknown-seal"),
        @ApiResponse(
            responseCode = "409",
            description = "not-anchored-yet (with Retry-After) until the log is anchored")
      })
  @GetMapping("/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(@PathVariable UUID id) {
    return service.find(id).flatMap(s -> ProofResponses.latest(logReader, id.toString()));
  }

  private Mono<SealView> transition(UUID id, SealAction action, String reason) {
    return service.transition(id, action, reason).map(s -> SealView.of(s, service.now()));
  }
}
