package org.govchain.seal.verification;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.govchain.anchor.crypto.BouncyCastle;
import org.govchain.seal.ca.CertificateChainValidator;
import org.govchain.seal.ca.UntrustedCertificateException;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.sealing.DocumentHash;
import org.govchain.seal.seals.SealRecord;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.StatusChange;

/** The checks shared by PDF and detached signatures: CMS, digest, chain, seal and its status. */
final class CmsVerification {
  private final CertificateChainValidator validator;
  private final SealDirectory directory;

  CmsVerification(CertificateChainValidator validator, SealDirectory directory) {
    this.validator = validator;
    this.directory = directory;
  }

  /**
   * Verifies one CMS signature.
   *
   * @param digester the document's digest in the algorithm with the given OID, or empty if it
   *     cannot be had in that algorithm
   * @param byteRange the PDF byte-range finding, or null for detached signatures
   * @param fallbackTime the signing time when the CMS has none (the PDF's /M), or null
   */
  SignatureReport verify(
      byte[] cms,
      Function<ASN1ObjectIdentifier, Optional<byte[]>> digester,
      Finding byteRange,
      Instant fallbackTime) {
    Result r = new Result();
    if (byteRange == null) {
      r.add(Finding.skipped(Check.BYTE_RANGE, "not a PDF signature"), Verdict.SIGNATURE_VALID);
    } else {
      r.add(byteRange, byteRange.outcome() == Outcome.FAILED ? Verdict.ALTERED : null);
    }

    SignerInformation signer;
    X509Certificate cert;
    CMSSignedData signed;
    AttributeTable attributes;
    try {
      signed = new CMSSignedData(withoutPadding(cms));
      Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return r.fail(Check.CMS_STRUCTURE, "exactly one signer", signers.size() + " signers");
      }
      signer = signers.iterator().next();
      attributes = signer.getSignedAttributes();
      if (attributes == null || attributes.get(CMSAttributes.messageDigest) == null) {
        return r.fail(Check.CMS_STRUCTURE, "signed attributes with message-digest", "none");
      }
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> matches =
          signed.getCertificates().getMatches(signer.getSID());
      if (matches.isEmpty()) {
        return r.fail(Check.CMS_STRUCTURE, "the signer's certificate in the CMS", "absent");
      }
      cert = certificate(matches.iterator().next());
    } catch (CMSException | CertificateException | java.io.IOException | RuntimeException e) {
      return r.fail(Check.CMS_STRUCTURE, "a CMS SignedData", "unreadable: " + e.getMessage());
    }
    String subject = subjectOf(cert);
    r.signer = subject;
    r.add(Finding.passed(Check.CMS_STRUCTURE, "one signer with certificate", subject), null);

    ASN1ObjectIdentifier digestOid = signer.getDigestAlgorithmID().getAlgorithm();
    byte[] claimed = messageDigest(attributes.get(CMSAttributes.messageDigest));
    Optional<byte[]> actual = digester.apply(digestOid);
    HexFormat hex = HexFormat.of();
    if (actual.isEmpty()) {
      r.add(
          Finding.failed(
              Check.MESSAGE_DIGEST,
              "document digest in " + digestOid,
              "a digest in another algorithm"),
          Verdict.ALTERED);
    } else if (java.security.MessageDigest.isEqual(claimed, actual.get())) {
      r.add(
          Finding.passed(Check.MESSAGE_DIGEST, hex.formatHex(claimed), hex.formatHex(actual.get())),
          null);
    } else {
      r.add(
          Finding.failed(Check.MESSAGE_DIGEST, hex.formatHex(claimed), hex.formatHex(actual.get())),
          Verdict.ALTERED);
    }

    r.add(signatureValue(cms, signer, digestOid, claimed, cert), null);

    Attribute timeAttribute = attributes.get(CMSAttributes.signingTime);
    Instant time =
        timeAttribute != null
            ? Time.getInstance(timeAttribute.getAttrValues().getObjectAt(0)).getDate().toInstant()
            : fallbackTime;
    if (time == null) {
      return r.fail(Check.SIGNING_TIME, "a signing time", "none");
    }
    r.signingTime = time;
    r.add(
        Finding.passed(
            Check.SIGNING_TIME,
            "a signing time",
            time + (timeAttribute != null ? " (CMS signing-time)" : " (PDF /M)")),
        null);

    List<X509Certificate> chain = new ArrayList<>();
    chain.add(cert);
    try {
      for (Object holder : signed.getCertificates().getMatches(null)) {
        X509Certificate other = certificate((X509CertificateHolder) holder);
        if (!other.equals(cert)) {
          chain.add(other);
        }
      }
      validator.validate(chain, time);
      r.add(
          Finding.passed(Check.CERTIFICATE_CHAIN, "chains to the seal CA at " + time, subject),
          null);
    } catch (UntrustedCertificateException e) {
      return r.fail(Check.CERTIFICATE_CHAIN, "chains to the seal CA at " + time, e.reason());
    } catch (CertificateException e) {
      return r.fail(Check.CERTIFICATE_CHAIN, "readable certificates", e.getMessage());
    }
    if (r.verdict == Verdict.FORGED) {
      return r.done();
    }

    Optional<SealRecord> seal = directory.findByCertificate(cert);
    if (seal.isEmpty()) {
      return r.fail(
          Check.SEAL_KNOWN,
          "a known seal holding this certificate",
          "none for serial " + cert.getSerialNumber().toString(16));
    }
    SealRecord record = seal.get();
    r.sealId = record.id();
    r.add(
        Finding.passed(Check.SEAL_KNOWN, "a known seal", record.id() + " " + record.name()), null);

    StatusChange status = record.history().statusAt(time);
    String description =
        status.status()
            + " since "
            + status.at()
            + (status.reason() == null ? "" : " (" + status.reason() + ")");
    if (status.status() == SealStatus.ACTIVE) {
      r.add(Finding.passed(Check.SEAL_STATUS_AT_SIGNING, "ACTIVE at " + time, description), null);
    } else {
      r.add(
          Finding.failed(Check.SEAL_STATUS_AT_SIGNING, "ACTIVE at " + time, description),
          status.status() == SealStatus.REVOKED
              ? Verdict.REVOKED_BEFORE_SIGNING
              : Verdict.SEAL_NOT_ACTIVE_AT_SIGNING);
    }
    return r.done();
  }

  /** The digest of {@code content} in the algorithm with OID {@code oid}, if it is one of ours. */
  static Optional<byte[]> digestIn(ASN1ObjectIdentifier oid, byte[] content) {
    for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
      if (algorithm.digestOid().equals(oid)) {
        return Optional.of(DocumentHash.of(algorithm, content).value());
      }
    }
    return Optional.empty();
  }

  private static Finding signatureValue(
      byte[] cms,
      SignerInformation signer,
      ASN1ObjectIdentifier digestOid,
      byte[] claimed,
      X509Certificate cert) {
    // Verify over the claimed digest, so a changed document (MESSAGE_DIGEST) and a bad signature
    // value are told apart.
    String expected = "verifies with the key of " + subjectOf(cert);
    try {
      CMSSignedData withDigest =
          new CMSSignedData(Map.of(digestOid.getId(), claimed), withoutPadding(cms));
      SignerInformation same = withDigest.getSignerInfos().get(signer.getSID());
      boolean valid =
          same.verify(
              new JcaSimpleSignerInfoVerifierBuilder()
                  .setProvider(BouncyCastle.PROVIDER)
                  .build(cert));
      return valid
          ? Finding.passed(Check.SIGNATURE_VALUE, expected, "verifies")
          : Finding.failed(Check.SIGNATURE_VALUE, expected, "does not verify");
    } catch (CMSException | OperatorCreationException | java.io.IOException | RuntimeException e) {
      return Finding.failed(Check.SIGNATURE_VALUE, expected, "does not verify: " + e.getMessage());
    }
  }

  /** The first DER object of a PDF's /Contents (the zero padding after it removed). */
  private static byte[] withoutPadding(byte[] contents) throws java.io.IOException {
    try (ASN1InputStream in = new ASN1InputStream(contents)) {
      ASN1Primitive first = in.readObject();
      if (first == null) {
        throw new java.io.IOException("no CMS object");
      }
      return first.getEncoded();
    }
  }

  /** The subject in BouncyCastle's notation, which names SERIALNUMBER and UID. */
  private static String subjectOf(X509Certificate cert) {
    return org.bouncycastle.asn1.x500.X500Name.getInstance(
            cert.getSubjectX500Principal().getEncoded())
        .toString();
  }

  private static byte[] messageDigest(Attribute attribute) {
    return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
  }

  private static X509Certificate certificate(X509CertificateHolder holder)
      throws CertificateException {
    return new JcaX509CertificateConverter()
        .setProvider(BouncyCastle.PROVIDER)
        .getCertificate(holder);
  }

  /** Findings gathered so far, the verdict they imply, and what was learnt about the signer. */
  private static final class Result {
    private final Map<Check, Finding> findings = new EnumMap<>(Check.class);
    private Verdict verdict = Verdict.SIGNATURE_VALID;
    private String signer;
    private Instant signingTime;
    private UUID sealId;

    void add(Finding finding, Verdict ifFailed) {
      findings.put(finding.check(), finding);
      if (finding.outcome() == Outcome.FAILED) {
        verdict = Verdict.worst(verdict, ifFailed == null ? Verdict.FORGED : ifFailed);
      }
    }

    SignatureReport fail(Check check, String expected, String actual) {
      add(Finding.failed(check, expected, actual), forgedOrUnknown(check));
      return done();
    }

    private static Verdict forgedOrUnknown(Check check) {
      return check == Check.SEAL_KNOWN ? Verdict.UNKNOWN_SEAL : Verdict.FORGED;
    }

    SignatureReport done() {
      List<Finding> all = new ArrayList<>();
      for (Check check : Check.values()) {
        all.add(findings.getOrDefault(check, Finding.skipped(check, "an earlier check failed")));
      }
      return new SignatureReport(
          verdict,
          Optional.ofNullable(signer),
          Optional.ofNullable(signingTime),
          Optional.ofNullable(sealId),
          all);
    }
  }
}
