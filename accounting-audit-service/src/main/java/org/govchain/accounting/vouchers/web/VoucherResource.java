package org.govchain.accounting.vouchers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.reports.Csv;
import org.govchain.accounting.security.Caller;
import org.govchain.accounting.vouchers.VoucherStatus;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.web.ProofResponses;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.validation.PlainText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Vouchers under {@code /api/accounting} (README, API); roles per path in the security table. */
@RestController
@RequestMapping(path = "/api/accounting", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "vouchers", description = "Vouchers (记账凭证): prepare, review, post, reverse")
class VoucherResource {

  private final VoucherService service;
  private final LogReader logReader;

  VoucherResource(VoucherService service, LogReader logReader) {
    this.service = service;
    this.logReader = logReader;
  }

  @Operation(
      summary = "Prepare a voucher (a clerk of the unit)",
      description =
          "A draft in an open period of the caller's own unit: lines on leaf accounts, the"
              + " financial lines balanced, the budget lines balanced and mirroring the cash"
              + " moved under the budget (parallel bookkeeping), amounts as strings with two"
              + " decimal places, invoices validated. Logs accounting.voucher.prepared.",
      responses = {
        @ApiResponse(responseCode = "201", description = "the draft voucher"),
        @ApiResponse(responseCode = "403", description = "foreign-unit"),
        @ApiResponse(responseCode = "409", description = "period-closed"),
        @ApiResponse(
            responseCode = "422",
            description =
                "unbalanced-voucher, parallel-bookkeeping, invalid-account, invalid-amount,"
                    + " invalid-period, invalid-invoice-number, invalid-credit-code,"
                    + " invalid-request")
      })
  @PostMapping(path = "/units/{id}/vouchers", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> prepare(
      @PathVariable UUID id,
      @Valid @RequestBody VoucherRequests.Prepare request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.prepare(id, request, Caller.of(caller), idempotencyKey))
        .map(StoredResponse::toResponseEntity);
  }

  @Operation(
      summary = "A unit's vouchers",
      description =
          "By period and number; drafts and reviewed vouchers after the posted ones. JSON paged,"
              + " or every voucher line as CSV (Accept: text/csv; UTF-8 with BOM).")
  @GetMapping(path = "/units/{id}/vouchers", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Page<Map<String, Object>>> list(
      @PathVariable UUID id,
      @RequestParam(required = false) @PlainText String period,
      @RequestParam(required = false) VoucherStatus status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.list(id, period, status, Caller.of(caller), page, size));
  }

  @GetMapping(path = "/units/{id}/vouchers", produces = Csv.TEXT_CSV)
  Mono<ResponseEntity<byte[]>> listCsv(
      @PathVariable UUID id,
      @RequestParam(required = false) @PlainText String period,
      @RequestParam(required = false) VoucherStatus status,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.csv(id, period, status, Caller.of(caller)))
        .map(
            text ->
                ResponseEntity.ok()
                    .contentType(Csv.MEDIA_TYPE)
                    .header(
                        "Content-Disposition",
                        "attachment; filename=\"vouchers"
                            + (period == null ? "" : "-" + period)
                            + ".csv\"")
                    .body(Csv.withBom(text)));
  }

  @Operation(
      summary = "A voucher",
      description = "With reversedBy once a posted red reversal names it.",
      responses = {
        @ApiResponse(responseCode = "403", description = "foreign-unit"),
        @ApiResponse(responseCode = "404", description = "unknown-voucher")
      })
  @GetMapping("/vouchers/{id}")
  Mono<Map<String, Object>> get(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.find(id, Caller.of(caller)));
  }

  @Operation(
      summary = "Review a voucher (another clerk of the unit)",
      description =
          "The preparer cannot review their own voucher. Logs accounting.voucher.reviewed.",
      responses = {
        @ApiResponse(responseCode = "409", description = "illegal-voucher-state, period-closed"),
        @ApiResponse(responseCode = "422", description = "self-review")
      })
  @PostMapping("/vouchers/{id}/review")
  Mono<Map<String, Object>> review(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.review(id, Caller.of(caller)));
  }

  @Operation(
      summary = "Post a reviewed voucher",
      description =
          "Numbers it in its period (consecutive, no gaps), chains it to the unit's previous"
              + " voucher by hash and logs accounting.voucher.posted. A posted voucher is never"
              + " changed or deleted.",
      responses = {
        @ApiResponse(responseCode = "409", description = "illegal-voucher-state, period-closed")
      })
  @PostMapping("/vouchers/{id}/posting")
  Mono<Map<String, Object>> post(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.post(id, Caller.of(caller)));
  }

  @Operation(
      summary = "Prepare the red reversal of a posted voucher (红字冲销)",
      description =
          "A draft with the original's lines negated and a summary naming it, dated today or on"
              + " the given date in an open period; reviewed and posted like any voucher. A"
              + " voucher is reversed once.",
      responses = {
        @ApiResponse(responseCode = "201", description = "the reversal, a draft"),
        @ApiResponse(responseCode = "409", description = "illegal-voucher-state, period-closed")
      })
  @PostMapping("/vouchers/{id}/reversal")
  Mono<ResponseEntity<String>> reverse(
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) VoucherRequests.Reverse request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.reverse(id, request, Caller.of(caller), idempotencyKey))
        .map(StoredResponse::toResponseEntity);
  }

  @Operation(
      summary = "Discard a voucher that is not posted",
      description = "Logs accounting.voucher.discarded. A posted voucher is refused (409).",
      responses = {@ApiResponse(responseCode = "409", description = "illegal-voucher-state")})
  @DeleteMapping("/vouchers/{id}")
  Mono<ResponseEntity<Void>> discard(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.discard(id, Caller.of(caller)))
        .then(Mono.just(ResponseEntity.noContent().build()));
  }

  @Operation(
      summary = "The proof bundle of a voucher's latest event",
      responses = {
        @ApiResponse(responseCode = "409", description = "not-anchored-yet (with Retry-After)")
      })
  @GetMapping("/vouchers/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service
        .readable(id, Caller.of(caller))
        .flatMap(found -> ProofResponses.latest(logReader, id.toString()));
  }
}
