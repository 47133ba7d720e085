package org.govchain.ssc.cards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.govchain.anchor.web.validation.PlainText;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Dynamic QR codes: a holder asks for one, a service point verifies it. */
@RestController
@RequestMapping(path = "/api/ssc", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "qr-codes", description = "Single-use signed QR codes of electronic cards")
class QrResource {

  private final QrCodeService qr;

  QrResource(QrCodeService qr) {
    this.qr = qr;
  }

  @Operation(
      summary = "A QR payload for the holder's own normal card",
      description =
          "Signed by the service, valid 60 s by default, single use, no personal data inside.",
      responses = {
        @ApiResponse(responseCode = "200", description = "the payload and its image's path"),
        @ApiResponse(responseCode = "409", description = "card-not-usable")
      })
  @PostMapping("/cards/{id}/qr-codes")
  Mono<QrCodeService.IssuedQr> issue(
      @PathVariable UUID id, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> qr.issue(id, CardResource.actor(caller)));
  }

  @Operation(
      summary = "The image of an issued QR code",
      description = "PNG, for as long as the code is unused and valid.",
      responses = {@ApiResponse(responseCode = "404", description = "unknown-qr-code")})
  @GetMapping(path = "/cards/{id}/qr-codes/{token}.png", produces = MediaType.IMAGE_PNG_VALUE)
  Mono<ResponseEntity<byte[]>> image(
      @PathVariable UUID id,
      @PathVariable @PlainText String token,
      @RequestParam(defaultValue = "320") int size,
      @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(() -> qr.image(id, token, CardResource.actor(caller), size))
        .map(
            png ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_PNG)
                    .cacheControl(CacheControl.noStore())
                    .body(png));
  }

  @Operation(
      summary = "Verify a scanned QR code (a service point)",
      description =
          "VALID (the code is now used) with the masked holder, card status and region; or"
              + " EXPIRED, ALREADY_USED, FORGED, CARD_NOT_USABLE. Every verification is logged.")
  @PostMapping(path = "/qr-verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<QrVerificationView> verify(
      @Valid @RequestBody Verification request, @Parameter(hidden = true) Authentication caller) {
    return Mono.defer(
        () -> qr.verify(request.payload(), request.businessType(), CardResource.actor(caller)));
  }

  /** A scanned payload and the business it is for. */
  record Verification(
      @Schema(description = "the scanned text") @NotBlank @Size(max = 512) @PlainText
          String payload,
      @Schema(description = "01 query, 02 payment, 03 other, 04 cross-region medical care")
          @NotBlank
          @Size(max = 2)
          @PlainText
          String businessType) {}
}
