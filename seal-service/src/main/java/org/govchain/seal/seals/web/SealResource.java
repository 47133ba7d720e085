package org.govchain.seal.seals.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.UUID;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.seal.problems.ProblemException;
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
class SealResource {

  private final SealService service;
  private final LogReader logReader;

  SealResource(SealService service, LogReader logReader) {
    this.service = service;
    this.logReader = logReader;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> create(
      @Valid @RequestBody SealRequests.Create request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
      throw ProblemException.invalidField("Idempotency-Key", "1..200 characters");
    }
    return Mono.defer(() -> service.create(request, idempotencyKey))
        .map(
            r ->
                ResponseEntity.status(r.status())
                    .location(URI.create(r.location()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(r.body()));
  }

  @GetMapping
  Mono<SealRequests.Page> list(
      @RequestParam(required = false) String creditCode,
      @RequestParam(required = false) SealStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    String code = creditCode == null ? null : CreditCode.parse(creditCode).value();
    return service.list(code, status, page, size);
  }

  @GetMapping("/{id}")
  Mono<SealView> get(@PathVariable UUID id) {
    return service.find(id).map(s -> SealView.of(s, service.now()));
  }

  @GetMapping(value = "/{id}/image", produces = MediaType.IMAGE_PNG_VALUE)
  Mono<byte[]> image(@PathVariable UUID id) {
    return service.find(id).map(Seal::imagePng);
  }

  @PostMapping("/{id}/suspend")
  Mono<SealView> suspend(@PathVariable UUID id) {
    return transition(id, SealAction.SUSPEND, null);
  }

  @PostMapping("/{id}/resume")
  Mono<SealView> resume(@PathVariable UUID id) {
    return transition(id, SealAction.RESUME, null);
  }

  @PostMapping("/{id}/revoke")
  Mono<SealView> revoke(
      @PathVariable UUID id, @Valid @RequestBody(required = false) SealRequests.Revoke request) {
    return transition(id, SealAction.REVOKE, request == null ? null : request.reason());
  }

  @GetMapping("/{id}/proof")
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

  private Mono<SealView> transition(UUID id, SealAction action, String reason) {
    return service.transition(id, action, reason).map(s -> SealView.of(s, service.now()));
  }
}
