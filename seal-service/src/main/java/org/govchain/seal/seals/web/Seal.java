package org.govchain.seal.seals.web;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.govchain.anchor.crypto.BouncyCastle;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.seals.SealLifecycle;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.SealType;
import org.govchain.seal.seals.ValidityPeriod;

/** A stored seal (R2DBC row of {@code seal}); its private key only ever encrypted. */
public record Seal(
    UUID id,
    String name,
    String organisation,
    String creditCode,
    SealType type,
    SignatureAlgorithm algorithm,
    SealStatus status,
    Instant notBefore,
    Instant notAfter,
    byte[] imagePng,
    byte[] certificateDer,
    String certificateSerial,
    byte[] encryptedKey,
    long version,
    String revocationReason,
    Instant createdAt,
    Instant updatedAt) {

  public ValidityPeriod validity() {
    return ValidityPeriod.of(notBefore, notAfter);
  }

  /** The status at {@code at}: stored, or EXPIRED / NOT_YET_VALID by the validity period. */
  public SealStatus effectiveStatus(Instant at) {
    return SealLifecycle.effectiveStatus(status, validity(), at);
  }

  public X509Certificate certificate() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
              .generateCertificate(new ByteArrayInputStream(certificateDer));
    } catch (CertificateException e) {
      throw new IllegalStateException("stored certificate of seal " + id + " does not parse", e);
    }
  }

  /** The seal after a status change. */
  Seal withStatus(SealStatus next, String reason, Instant now) {
    return new Seal(
        id,
        name,
        organisation,
        creditCode,
        type,
        algorithm,
        next,
        notBefore,
        notAfter,
        imagePng,
        certificateDer,
        certificateSerial,
        encryptedKey,
        version + 1,
        reason,
        createdAt,
        now);
  }

  /**
   * The log event's {@code data}: the seal's business content, with the image as its SHA-256 and
   * the public certificate; never the (encrypted) private key. A revocation's reason, typed by a
   * clerk and possibly naming people, only as its keyed reference (the bundle is public).
   */
  Map<String, Object> toLogData(LogReferences references) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", id.toString());
    data.put("name", name);
    data.put("organisation", organisation);
    data.put("creditCode", creditCode);
    data.put("type", type.name());
    data.put("algorithm", algorithm.name());
    data.put("status", status.name());
    data.put("validFrom", notBefore.toString());
    data.put("validUntil", notAfter.toString());
    data.put("imageSha256", sha256Hex(imagePng));
    data.put("certificate", Base64.getEncoder().encodeToString(certificateDer));
    data.put("certificateSerial", certificateSerial);
    data.put("version", version);
    if (revocationReason != null) {
      data.put("revocationReason", references.reason(revocationReason));
    }
    data.put("createdAt", createdAt.toString());
    data.put("updatedAt", updatedAt.toString());
    return data;
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Seal other && id.equals(other.id) && version == other.version;
  }

  @Override
  public int hashCode() {
    return id.hashCode() * 31 + Long.hashCode(version);
  }

  /** Never prints key material or image bytes. */
  @Override
  public String toString() {
    return "Seal[" + id + ", " + name + ", " + status + ", v" + version + "]";
  }
}
