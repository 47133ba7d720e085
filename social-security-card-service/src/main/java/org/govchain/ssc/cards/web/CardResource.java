package org.govchain.ssc.cards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.web.ProofResponses;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.security.Role;
import org.govchain.anchor.web.validation.PlainText;
import org.govchain.ssc.cards.CardAction;
import org.govchain.ssc.cards.CardStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The card API under {@code /api/ssc} (README, API); roles per path in SscSecurityConfiguration.
 */
@RestController
@RequestMapping(path = "/api/ssc", produces = MediaType.APPLICATION_JSON_VALUE)
@Validated
@Tag(name = "cards", description = "Electronic social security cards and their lifecycle")
class CardResource {

  private final CardService service;
  private final LogReader logReader;

  CardResource(CardService service, LogReader logReader) {
    this.service = service;
    this.logReader = logReader;
  }

  @Operation(
      summary = "Issue a card (SEALED)",
      description =
          "A new card for a person: number, identification code, issue and expiry dates; the"
              + " personal data stored encrypted and answered masked. One card in force per"
              + " person. With an Idempotency-Key, a repeat by the same clerk answers the first"
              + " card. Logs ssc.card.issued with the person as a keyed hash only.",
      responses = {
        @ApiResponse(responseCode = "201", description = "the card, masked"),
        @ApiResponse(responseCode = "409", description = "card-in-force"),
        @ApiResponse(
            responseCode = "422",
            description = "invalid-citizen-id, invalid-region, invalid-request")
      })
  @PostMapping(path = "/cards", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<String>> issue(
      @Valid @RequestBody CardRequests.Issue request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.issue(request, actor(caller), idempotencyKey))
        .map(StoredResponse::toResponseEntity);
  }

  @Operation(summary = "List cards", description = "Newest first, masked; filter by status, region")
  @GetMapping("/cards")
  Mono<Page<CardView>> list(
      @RequestParam(required = false) CardStatus status,
      @RequestParam(required = false) @PlainText String region,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return Mono.defer(() -> service.list(status, region, page, size));
  }

  @Operation(
      summary = "Find a person's cards by ID number",
      description = "POST so that the ID number stays out of URLs and access logs; masked answers.")
  @PostMapping(path = "/cards/search", consumes = MediaType.APPLICATION_JSON_VALUE)
  Flux<CardView> search(@Valid @RequestBody CardRequests.Search request) {
    return Flux.defer(() -> service.search(request.idNumber()));
  }

  @Operation(
      summary = "A card (masked)",
      description = "A card holder sees only their own card; another is an unknown card.",
      responses = {@ApiResponse(responseCode = "404", description = "unknown-card")})
  @GetMapping("/cards/{id}")
  Mono<CardView> get(@PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service.find(id, actor(caller));
  }

  @Operation(summary = "The signed-in card holder's cards")
  @GetMapping("/my-cards")
  Flux<CardView> mine(@Parameter(hidden = true) Authentication caller) {
    return service.mine(actor(caller));
  }

  @Operation(
      summary = "A card's history",
      description = "Every event of the card with its version and, once sequenced, its log index.")
  @GetMapping("/cards/{id}/history")
  Mono<List<CardEvent.Logged>> history(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service.history(id, actor(caller));
  }

  @Operation(
      summary = "The proof bundle of a card's latest event",
      responses = {
        @ApiResponse(responseCode = "200", description = "the proof bundle"),
        @ApiResponse(responseCode = "404", description = "unknown-card"),
        @ApiResponse(
            responseCode = "409",
            description = "not-anchored-yet (with Retry-After) until the log is anchored")
      })
  @GetMapping("/cards/{id}/proof")
  Mono<ResponseEntity<byte[]>> proof(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service
        .visible(id, actor(caller))
        .flatMap(card -> ProofResponses.latest(logReader, id.toString()));
  }

  @Operation(
      summary = "The proof bundle of one of a card's events",
      description = "By the event's version, as the card's history lists them.",
      responses = {
        @ApiResponse(responseCode = "200", description = "the proof bundle"),
        @ApiResponse(responseCode = "404", description = "unknown-card, unknown-entry"),
        @ApiResponse(responseCode = "409", description = "not-anchored-yet (with Retry-After)")
      })
  @GetMapping("/cards/{id}/history/{version}/proof")
  Mono<ResponseEntity<byte[]>> eventProof(
      @PathVariable UUID id,
      @PathVariable @Min(1) long version,
      @Parameter(hidden = true) Authentication caller) {
    return service
        .visible(id, actor(caller))
        .flatMap(card -> ProofResponses.of(logReader, id.toString(), version));
  }

  @Operation(
      summary = "A one-time activation code for a sealed card",
      description = "Any earlier code is void. The clerk hands it over with the card.")
  @PostMapping("/cards/{id}/activation-code")
  Mono<CardService.ActivationCode> activationCode(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return service.activationCode(id, actor(caller));
  }

  @Operation(
      summary = "Activate a sealed card (the holder)",
      description = "Binds the card to the holder's account: NORMAL.",
      responses = {@ApiResponse(responseCode = "422", description = "invalid-activation-code")})
  @PostMapping(path = "/cards/{id}/activation", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<CardView> activate(
      @PathVariable UUID id,
      @Valid @RequestBody CardRequests.Activation request,
      @Parameter(hidden = true) Authentication caller) {
    return service.activate(id, request.activationCode(), actor(caller));
  }

  @Operation(summary = "Report a temporary loss (临时挂失), online or at a counter")
  @PostMapping("/cards/{id}/temporary-loss")
  Mono<CardView> temporaryLoss(
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return change(id, CardAction.REPORT_TEMPORARY_LOSS, request, caller);
  }

  @Operation(summary = "Lift a temporary loss (解挂)")
  @PostMapping("/cards/{id}/loss-lifting")
  Mono<CardView> liftLoss(
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return change(id, CardAction.LIFT_LOSS, request, caller);
  }

  @Operation(summary = "Report a formal loss (正式挂失), at a counter")
  @PostMapping("/cards/{id}/formal-loss")
  Mono<CardView> formalLoss(
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return change(id, CardAction.REPORT_FORMAL_LOSS, request, caller);
  }

  @Operation(summary = "Lock the card's applications (应用锁定), with a reason")
  @PostMapping(path = "/cards/{id}/lock", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<CardView> lock(
      @PathVariable UUID id,
      @Valid @RequestBody CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return change(id, CardAction.LOCK, request, caller);
  }

  @Operation(summary = "Unlock the card's applications, with a reason")
  @PostMapping(path = "/cards/{id}/unlock", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<CardView> unlock(
      @PathVariable UUID id,
      @Valid @RequestBody CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return change(id, CardAction.UNLOCK, request, caller);
  }

  @Operation(summary = "Cancel the card (注销), terminal, with a reason (death, moved away, …)")
  @PostMapping(path = "/cards/{id}/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<CardView> cancel(
      @PathVariable UUID id,
      @Valid @RequestBody CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return change(id, CardAction.CANCEL, request, caller);
  }

  @Operation(
      summary = "Replace a formally lost card (补卡)",
      description =
          "A new SEALED card with a new number; the old card stays FORMAL_LOSS for ever. Both"
              + " link to each other (replaces, replacedBy).")
  @PostMapping("/cards/{id}/replacement")
  Mono<ResponseEntity<CardView>> replace(
      @PathVariable UUID id,
      @Valid @RequestBody(required = false) CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return service
        .successor(id, CardAction.REPLACE, null, reason(request), actor(caller))
        .map(created -> ResponseEntity.created(location(created)).body(created));
  }

  @Operation(
      summary = "Exchange a card (换卡, ordinary or under warranty)",
      description = "A new SEALED card with a new number; the old card is cancelled.")
  @PostMapping(path = "/cards/{id}/exchange", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<CardView>> exchange(
      @PathVariable UUID id,
      @Valid @RequestBody CardRequests.Exchange request,
      @Parameter(hidden = true) Authentication caller) {
    return service
        .successor(id, CardAction.EXCHANGE, request.kind(), request.reason(), actor(caller))
        .map(created -> ResponseEntity.created(location(created)).body(created));
  }

  @Operation(
      summary = "Read a card's personal data in clear, stating why",
      description =
          "For a clerk or auditor with a reason; the read is logged (ssc.card.personal-data-read:"
              + " who, when, which card, why) before the answer.",
      responses = {@ApiResponse(responseCode = "422", description = "reason-required")})
  @PostMapping(path = "/cards/{id}/personal-data", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<CardPrivacy.ClearPersonalData> personalData(
      @PathVariable UUID id,
      @Valid @RequestBody CardRequests.Reason request,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> service.readPersonalData(id, request.reason(), actor(caller)));
  }

  private Mono<CardView> change(
      UUID id, CardAction action, CardRequests.Reason request, Authentication caller) {
    return Mono.defer(() -> service.transition(id, action, reason(request), actor(caller)));
  }

  private static String reason(CardRequests.Reason request) {
    return request == null ? null : request.reason();
  }

  private static URI location(CardView card) {
    return URI.create("/api/ssc/cards/" + card.id());
  }

  /** The caller's subject and GovChain roles (authorities {@code ROLE_<role>}). */
  static Actor actor(Authentication authentication) {
    Set<String> roles =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(a -> a.startsWith(Role.AUTHORITY_PREFIX))
            .map(a -> a.substring(Role.AUTHORITY_PREFIX.length()))
            .collect(Collectors.toUnmodifiableSet());
    return new Actor(authentication.getName(), roles);
  }
}
