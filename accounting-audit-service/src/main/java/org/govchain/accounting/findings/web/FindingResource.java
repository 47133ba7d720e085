package org.govchain.accounting.findings.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.findings.FindingStatus;
import org.govchain.accounting.redflags.Severity;
import org.govchain.accounting.security.Caller;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.web.ProofResponses;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.validation.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Red-flag findings under {@code /api/accounting} (README, API). */
@RestController
@RequestMapping(path = "/api/accounting", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "findings", description = "Red-flag findings and auditors' work on them")
class FindingResource {

  private final FindingService service;
  private final LogReader logReader;

  FindingResource(FindingService service, LogReader logReader) {
    this.service = service;
    this.logReader = logReader;
  }

  /** An auditor's comment on an action. */
  record Comment(@Size(max = 2000) @PlainText(multiline = true) String comment) {}

  @Operation(
      summary = "List findings",
      description =
          "Newest first, filtered by unit, rule id, severity, status or voucher. Auditors and"
              + " admins see every unit; a clerk gives their own unit.")
  @GetMapping("/findings")
  Mono<Page<Map<String, Object>>> list(
      @RequestParam(required = false) UUID unit,
      @RequestParam(required = false) @PlainText String rule,
      @RequestParam(required = false) Severity severity,
      @RequestParam(required = false) FindingStatus status,
      @RequestParam(required = false) UUID voucher,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(
        () -> service.list(unit, rule, severity, status, voucher, Caller.of(caller), page, size));
  }

  @Operation(
      summary = "A finding",
      responses = {@ApiResponse(responseCode = "404", description = "unknown-finding")})
  @GetMapping("/findings/{id}")
  Mono<Map<String, Object>> get(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.find(id, Caller.of(caller)));
  }

  @Operation(summary = "The proof bundle of a finding's latest event")
  @GetMapping("/findings/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service
        .readable(id, Caller.of(caller))
        .flatMap(f -> ProofResponses.latest(logReader, id.toString()));
  }

  @Operation(
      summary = "Acknowledge a finding (auditor, with a comment)",
      responses = {@ApiResponse(responseCode = "409", description = "illegal-finding-state")})
  @PostMapping(path = "/findings/{id}/acknowledge", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> acknowledge(
      @PathVariable UUID id,
      @Valid @RequestBody Comment body,
      @Parameter(hidden = true) Authentication caller) {
    return act(id, FindingStatus.Action.ACKNOWLEDGE, body, caller);
  }

  @Operation(
      summary = "Escalate a finding (auditor, with a comment)",
      responses = {@ApiResponse(responseCode = "409", description = "illegal-finding-state")})
  @PostMapping(path = "/findings/{id}/escalate", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> escalate(
      @PathVariable UUID id,
      @Valid @RequestBody Comment body,
      @Parameter(hidden = true) Authentication caller) {
    return act(id, FindingStatus.Action.ESCALATE, body, caller);
  }

  @Operation(
      summary = "Resolve a finding (auditor, with a comment; final)",
      responses = {@ApiResponse(responseCode = "409", description = "illegal-finding-state")})
  @PostMapping(path = "/findings/{id}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> resolve(
      @PathVariable UUID id,
      @Valid @RequestBody Comment body,
      @Parameter(hidden = true) Authentication caller) {
    return act(id, FindingStatus.Action.RESOLVE, body, caller);
  }

  private Mono<Map<String, Object>> act(
      UUID id, FindingStatus.Action action, Comment body, Authentication caller) {
    return Mono.defer(() -> service.act(id, action, body.comment(), Caller.of(caller)));
  }
}
