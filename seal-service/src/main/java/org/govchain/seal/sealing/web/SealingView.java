package org.govchain.seal.sealing.web;

import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A sealing as the API shows it; the signature only for hash signatures (a PDF carries its own).
 */
public record SealingView(
    UUID id,
    UUID sealId,
    String kind,
    String documentHash,
    String hashAlgorithm,
    String sealedSha256,
    String signatureSha256,
    String signature,
    String operator,
    String signedAt,
    Integer page,
    Double xMm,
    Double yMm,
    Double widthMm,
    String createdAt) {

  static SealingView of(Sealing s) {
    HexFormat hex = HexFormat.of();
    return new SealingView(
        s.id(),
        s.sealId(),
        s.kind().name(),
        hex.formatHex(s.documentSha256()),
        s.hashAlgorithm(),
        s.sealedSha256() == null ? null : hex.formatHex(s.sealedSha256()),
        hex.formatHex(s.signatureSha256()),
        s.kind() == Sealing.Kind.HASH ? Base64.getEncoder().encodeToString(s.signature()) : null,
        s.operator(),
        s.signedAt().toString(),
        s.page(),
        s.xMm(),
        s.yMm(),
        s.widthMm(),
        s.createdAt().toString());
  }
}
