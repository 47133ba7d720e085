package org.govchain.accounting.units.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.chart.ChartOfAccounts;
import org.govchain.accounting.security.Caller;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.web.ProofResponses;
import org.govchain.anchor.web.paging.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Units and their charts under {@code /api/accounting} (README, API). */
@RestController
@RequestMapping(path = "/api/accounting", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "units", description = "Government units and their charts of accounts")
class UnitResource {

  private final UnitService service;
  private final ChartOfAccounts chart;
  private final LogReader logReader;

  UnitResource(UnitService service, ChartOfAccounts chart, LogReader logReader) {
    this.service = service;
    this.chart = chart;
    this.logReader = logReader;
  }

  @Operation(
      summary = "Register a unit (admin)",
      description =
          "A government unit by its unified social credit code (GB 32100, check characters"
              + " validated), name, GB/T 2260 region, type and the first period of its books."
              + " Clerks are bound to it by the unit claim of their tokens (the credit code)."
              + " Logs accounting.unit.registered.",
      responses = {
        @ApiResponse(responseCode = "201", description = "the unit"),
        @ApiResponse(responseCode = "409", description = "unit-exists"),
        @ApiResponse(
            responseCode = "422",
            description = "invalid-credit-code, invalid-region, invalid-period, invalid-request")
      })
  @PostMapping(path = "/units", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> register(
      @Valid @RequestBody UnitRequests.Register request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.register(request, Caller.of(caller), idempotencyKey))
        .map(StoredResponse::toResponseEntity);
  }

  @Operation(
      summary = "List units",
      description = "Auditors and admins see every unit; a clerk sees the unit of their token.")
  @GetMapping("/units")
  Mono<Page<Map<String, Object>>> list(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.list(Caller.of(caller), page, size));
  }

  @Operation(
      summary = "A unit",
      responses = {
        @ApiResponse(responseCode = "403", description = "foreign-unit"),
        @ApiResponse(responseCode = "404", description = "unknown-unit")
      })
  @GetMapping("/units/{id}")
  Mono<Map<String, Object>> get(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service.readable(id, Caller.of(caller)).map(Unit::toData);
  }

  @Operation(
      summary = "The proof bundle of a unit's registration",
      responses = {
        @ApiResponse(responseCode = "409", description = "not-anchored-yet (with Retry-After)")
      })
  @GetMapping("/units/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service
        .readable(id, Caller.of(caller))
        .flatMap(unit -> ProofResponses.latest(logReader, id.toString()));
  }

  @Operation(
      summary = "The standard chart of accounts",
      description =
          "The first-level accounts of the Government Accounting System (财会〔2017〕25号) in the"
              + " version units use: code, names, ledger (financial or budget), normal side,"
              + " contra, cleared at year end.")
  @GetMapping("/chart")
  Map<String, Object> chart() {
    return Map.of("version", chart.version(), "accounts", chart.accounts());
  }

  @Operation(
      summary = "A unit's chart",
      description = "The standard chart with the unit's sub-accounts; leaves take postings.")
  @GetMapping("/units/{id}/accounts")
  Mono<List<Map<String, Object>>> accounts(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service
        .readable(id, Caller.of(caller))
        .flatMap(unit -> service.chartOf(id).zipWith(service.subAccounts(id), UnitChartViews::of));
  }

  @Operation(
      summary = "Add a sub-account (a clerk of the unit)",
      description =
          "A 明细科目 beneath an account of the unit's chart, e.g. 1002.01 工商银行基本户: its parent"
              + " stops being a leaf once it has one. Kept for ever. Logs accounting.account.added.",
      responses = {
        @ApiResponse(responseCode = "201", description = "the sub-account"),
        @ApiResponse(responseCode = "403", description = "foreign-unit"),
        @ApiResponse(responseCode = "409", description = "account-exists"),
        @ApiResponse(responseCode = "422", description = "invalid-account, invalid-request")
      })
  @PostMapping(path = "/units/{id}/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> addAccount(
      @PathVariable UUID id,
      @Valid @RequestBody UnitRequests.AddAccount request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.addAccount(id, request, Caller.of(caller), idempotencyKey))
        .map(StoredResponse::toResponseEntity);
  }
}
