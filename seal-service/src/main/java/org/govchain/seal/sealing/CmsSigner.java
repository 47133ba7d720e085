package org.govchain.seal.sealing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.govchain.anchor.crypto.BouncyCastle;

/**
 * Builds detached CMS SignedData over a precomputed content digest, with the signed attributes
 * content-type, message-digest, signing-certificate-v2, CMS algorithm protection and (when asked)
 * signing-time.
 */
final class CmsSigner {
  private CmsSigner() {}

  /**
   * Signs {@code digest} (the seal algorithm's digest of the content) with {@code key}.
   *
   * @param signingTime the signing-time attribute, or null to leave it out (PAdES baseline: the
   *     time is the signature dictionary's /M instead)
   */
  static byte[] signDigest(SigningKey key, byte[] digest, Instant signingTime) {
    try {
      X509Certificate cert = key.certificate();
      Hashtable<Object, Object> fixed = new Hashtable<>();
      fixed.put(
          PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(cert)}))));
      if (signingTime != null) {
        fixed.put(
            CMSAttributes.signingTime,
            new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
      }
      DefaultSignedAttributeTableGenerator base =
          new DefaultSignedAttributeTableGenerator(new AttributeTable(fixed));
      byte[] content = digest.clone();
      CMSAttributeTableGenerator signedAttributes =
          params -> {
            Map<Object, Object> withDigest = new HashMap<>();
            for (Object name : params.keySet()) {
              withDigest.put(name, params.get(name));
            }
            withDigest.put(CMSAttributeTableGenerator.DIGEST, content);
            AttributeTable table = base.getAttributes(withDigest);
            return signingTime == null ? table.remove(CMSAttributes.signingTime) : table;
          };
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder()
                      .setProvider(BouncyCastle.PROVIDER)
                      .build())
              .setSignedAttributeGenerator(signedAttributes)
              .build(
                  new JcaContentSignerBuilder(key.algorithm().jcaName())
                      .setProvider(BouncyCastle.PROVIDER)
                      .build(key.privateKey()),
                  cert));
      generator.addCertificates(new JcaCertStore(key.chain()));
      return generator.generate(new CMSAbsentContent(), false).getEncoded();
    } catch (OperatorCreationException | CMSException | IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the CMS signature", e);
    }
  }

  private static ESSCertIDv2 essCertId(X509Certificate cert)
      throws CertificateEncodingException, GeneralSecurityException {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
    IssuerSerial issuerSerial =
        new IssuerSerial(
            new GeneralNames(
                new GeneralName(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))),
            cert.getSerialNumber());
    return new ESSCertIDv2(hash, issuerSerial);
  }
}
