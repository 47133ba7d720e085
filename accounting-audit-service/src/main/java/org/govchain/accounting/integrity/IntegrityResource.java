package org.govchain.accounting.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.govchain.accounting.security.Caller;
import org.govchain.anchor.web.validation.PlainText;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The integrity report of a unit's books. */
@RestController
@RequestMapping(path = "/api/accounting", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "integrity", description = "Whether a unit's books are as posted, logged and anchored")
class IntegrityResource {

  private final IntegrityService service;

  IntegrityResource(IntegrityService service) {
    this.service = service;
  }

  @Operation(
      summary = "The integrity report of a unit's books",
      description =
          "Recomputes every posted voucher's hash from its row and the unit's hash chain, compares"
              + " each with the log's posting event and, for the vouchers of the period (every"
              + " voucher when no period is given), checks its inclusion in an anchored checkpoint"
              + " — on chain when the service anchors. verdict: INTACT, BROKEN (firstBreak names"
              + " the voucher and what broke: CONTENT_ALTERED, CHAIN_LINK_BROKEN,"
              + " MISSING_FROM_LOG, LOG_MISMATCH, ANCHOR_INVALID) or NOT_ANCHORED_YET.")
  @GetMapping("/units/{id}/integrity")
  Mono<Map<String, Object>> report(
      @PathVariable UUID id,
      @RequestParam(required = false) @PlainText String period,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.report(id, period, Caller.of(caller)));
  }
}
