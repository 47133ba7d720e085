package org.govchain.seal.seals.web;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A seal as the API shows it: the effective status, the public certificate, no key material. */
public record SealView(
    UUID id,
    String name,
    String organisation,
    String creditCode,
    String type,
    String typeName,
    String algorithm,
    String status,
    String validFrom,
    String validUntil,
    long version,
    String revocationReason,
    String certificate,
    String certificateSerial,
    String createdAt,
    String updatedAt) {

  static SealView of(Seal s, Instant now) {
    return new SealView(
        s.id(),
        s.name(),
        s.organisation(),
        s.creditCode(),
        s.type().name(),
        s.type().chineseName(),
        s.algorithm().name(),
        s.effectiveStatus(now).name(),
        s.notBefore().toString(),
        s.notAfter().toString(),
        s.version(),
        s.revocationReason(),
        Base64.getEncoder().encodeToString(s.certificateDer()),
        s.certificateSerial(),
        s.createdAt().toString(),
        s.updatedAt().toString());
  }
}
