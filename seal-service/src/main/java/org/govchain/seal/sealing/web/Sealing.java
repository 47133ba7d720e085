package org.govchain.seal.sealing.web;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.govchain.anchor.spring.log.LogReferences;

/**
 * A sealing (R2DBC row of {@code sealing}): a PDF stamped or a document hash signed by a seal.
 *
 * @param documentSha256 the SHA-256 of the uploaded PDF, or the signed hash (see hashAlgorithm)
 * @param sealedSha256 the SHA-256 of the sealed PDF (PDF sealings only)
 * @param signatureSha256 the SHA-256 of the CMS signature: how verification finds the record
 */
public record Sealing(
    UUID id,
    UUID sealId,
    Kind kind,
    byte[] documentSha256,
    byte[] sealedSha256,
    String hashAlgorithm,
    String operator,
    Instant signedAt,
    byte[] signature,
    byte[] signatureSha256,
    Integer page,
    Double xMm,
    Double yMm,
    Double widthMm,
    Instant createdAt) {

  /** A stamped PDF, or a detached signature over a document hash. */
  public enum Kind {
    PDF,
    HASH
  }

  /**
   * The log event's {@code data}: the record's business content (the signature by its hash), the
   * operator — a person — only as a keyed reference: the sealing's bundle is public, handed out by
   * the public verification to anyone holding the sealed document.
   */
  Map<String, Object> toLogData(LogReferences references) {
    HexFormat hex = HexFormat.of();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id.toString());
    data.put("sealId", sealId.toString());
    data.put("kind", kind.name());
    data.put("documentHash", hex.formatHex(documentSha256));
    data.put("hashAlgorithm", hashAlgorithm);
    if (sealedSha256 != null) {
      data.put("sealedSha256", hex.formatHex(sealedSha256));
    }
    data.put("signatureSha256", hex.formatHex(signatureSha256));
    data.put("operator", references.staff(operator));
    data.put("signedAt", signedAt.toString());
    if (page != null) {
      data.put("page", page);
      data.put("xMm", xMm.toString());
      data.put("yMm", yMm.toString());
      data.put("widthMm", widthMm.toString());
    }
    data.put("createdAt", createdAt.toString());
    return data;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sealing other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Sealing[" + id + ", seal " + sealId + ", " + kind + ", " + signedAt + "]";
  }
}
