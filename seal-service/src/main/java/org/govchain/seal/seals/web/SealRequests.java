package org.govchain.seal.seals.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govchain.anchor.web.validation.PlainText;
import org.govchain.anchor.web.validation.SupportedTime;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.seals.SealType;

/** The request bodies of the seal resource. */
final class SealRequests {
  private SealRequests() {}

  /**
   * Creates a seal; {@code imagePng} is the base64 PNG, {@code algorithm} defaults to ECDSA P-256.
   * Its text is plain (anchor-web's {@link PlainText}: the name and organisation become the seal
   * certificate's CN and O and show in every verification), its times within {@link SupportedTime}.
   */
  record Create(
      @NotBlank @Size(max = 200) @PlainText String name,
      @NotBlank @Size(max = 200) @PlainText String organisation,
      @NotBlank @Size(max = 32) @PlainText String creditCode,
      @NotNull SealType type,
      SignatureAlgorithm algorithm,
      @NotNull @SupportedTime Instant validFrom,
      @NotNull @SupportedTime Instant validUntil,
      @NotBlank @PlainText String imagePng) {

    SignatureAlgorithm algorithmOrDefault() {
      return algorithm == null ? SignatureAlgorithm.ECDSA_P256_SHA256 : algorithm;
    }

    /** The request's content for its Idempotency-Key fingerprint. */
    Map<String, Object> fingerprintContent() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("organisation", organisation);
      m.put("creditCode", creditCode);
      m.put("type", type.name());
      m.put("algorithm", algorithmOrDefault().name());
      m.put("validFrom", validFrom.toString());
      m.put("validUntil", validUntil.toString());
      m.put("imagePng", imagePng);
      return m;
    }
  }

  /** Revokes a seal; the reason is required and may run over several lines. */
  record Revoke(@Size(max = 1000) @PlainText(multiline = true) String reason) {}

  /** A page of seals. */
}
