package org.govchain.accounting.periods.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.periods.TrialBalanceCsv;
import org.govchain.accounting.reports.Csv;
import org.govchain.accounting.security.Caller;
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

/** Periods, trial balances and ledgers under {@code /api/accounting} (README, API). */
@RestController
@RequestMapping(path = "/api/accounting")
@Validated
@Tag(name = "periods", description = "Closing periods, trial balances and general ledgers")
class PeriodResource {

  private final PeriodService service;

  PeriodResource(PeriodService service) {
    this.service = service;
  }

  /** Why an auditor reopens a period (several lines if need be). */
  record Reopen(@Size(max = 1000) @PlainText(multiline = true) String reason) {}

  @Operation(
      summary = "Close a period (a clerk of the unit)",
      description =
          "Every voucher of the period posted, every earlier period closed: posts the closing"
              + " entries (revenue and expense into 3301; in December the budget accounts into"
              + " their balance accounts and the net-asset clearing), computes the trial balance"
              + " (financial and budget ledgers each balanced) and logs its digest"
              + " (accounting.period.closed). A closed period takes no voucher.",
      responses = {
        @ApiResponse(responseCode = "200", description = "the closing entries and trial balance"),
        @ApiResponse(
            responseCode = "409",
            description = "period-closed (already), period-not-closable (why)")
      })
  @PostMapping(
      path = "/units/{id}/periods/{period}/close",
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> close(
      @PathVariable UUID id,
      @PathVariable @PlainText String period,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.close(id, period, Caller.of(caller)));
  }

  @Operation(
      summary = "Reopen a closed period (an auditor, with a reason)",
      description =
          "Only the latest closed period; logged as accounting.period.reopened with the reason and"
              + " the digest of the trial balance it had.",
      responses = {
        @ApiResponse(responseCode = "409", description = "period-not-closable"),
        @ApiResponse(responseCode = "422", description = "invalid-request (no reason)")
      })
  @PostMapping(
      path = "/units/{id}/periods/{period}/reopen",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> reopen(
      @PathVariable UUID id,
      @PathVariable @PlainText String period,
      @Valid @RequestBody Reopen request,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.reopen(id, period, request.reason(), Caller.of(caller)));
  }

  @Operation(summary = "A unit's closed and reopened periods")
  @GetMapping(path = "/units/{id}/periods", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<List<Map<String, Object>>> periods(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.periods(id, Caller.of(caller)));
  }

  @Operation(
      summary = "A period's trial balance (试算平衡表)",
      description =
          "Per account (leaves and first-level sums): opening, debit and credit turnover, closing,"
              + " with each ledger's totals. JSON paged by rows, or CSV (Accept: text/csv; UTF-8"
              + " with BOM).")
  @GetMapping(path = "/units/{id}/trial-balance", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> trialBalance(
      @PathVariable UUID id,
      @RequestParam @PlainText String period,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.trialBalance(id, period, Caller.of(caller)))
        .map(tb -> TrialBalanceViews.of(tb, page, size));
  }

  @GetMapping(path = "/units/{id}/trial-balance", produces = Csv.TEXT_CSV)
  Mono<ResponseEntity<byte[]>> trialBalanceCsv(
      @PathVariable UUID id,
      @RequestParam @PlainText String period,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.trialBalance(id, period, Caller.of(caller)))
        .map(tb -> csv(TrialBalanceCsv.write(tb), "trial-balance-" + period + ".csv"));
  }

  @Operation(
      summary = "The general ledger of an account",
      description =
          "The account and the accounts beneath it, from one period to another: opening balance,"
              + " each posted line with the running balance, turnover, closing. JSON paged by"
              + " entries, or CSV (Accept: text/csv).")
  @GetMapping(path = "/units/{id}/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
  Mono<Map<String, Object>> ledger(
      @PathVariable UUID id,
      @RequestParam @PlainText String account,
      @RequestParam @PlainText String from,
      @RequestParam(required = false) @PlainText String to,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.ledger(id, account, from, to, Caller.of(caller)))
        .map(view -> LedgerView.page(view, page, size));
  }

  @GetMapping(path = "/units/{id}/ledger", produces = Csv.TEXT_CSV)
  Mono<ResponseEntity<byte[]>> ledgerCsv(
      @PathVariable UUID id,
      @RequestParam @PlainText String account,
      @RequestParam @PlainText String from,
      @RequestParam(required = false) @PlainText String to,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.ledger(id, account, from, to, Caller.of(caller)))
        .map(view -> csv(LedgerView.csv(view), "ledger-" + account + "-" + from + ".csv"));
  }

  static ResponseEntity<byte[]> csv(String text, String filename) {
    return ResponseEntity.ok()
        .contentType(Csv.MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .body(Csv.withBom(text));
  }
}
