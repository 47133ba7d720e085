package org.govchain.seal.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.testing.TestSeals;
import org.govchain.seal.testing.TestSeals.Seal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HashSignerTest {
  static final byte[] DOCUMENT = "invoice 2026-0001".getBytes(StandardCharsets.UTF_8);
  static SealCertificateAuthority ca;
  static Seal ecdsa;
  static Seal sm2;

  @BeforeAll
  static void seals() {
    ca = TestSeals.devCa();
    ecdsa = TestSeals.seal(ca, SignatureAlgorithm.ECDSA_P256_SHA256);
    sm2 = TestSeals.seal(ca, SignatureAlgorithm.SM2_SM3);
  }

  @ParameterizedTest
  @CsvSource({
    "ECDSA_P256_SHA256, 2.16.840.1.101.3.4.2.1, 1.2.840.10045.4.3.2",
    "SM2_SM3, 1.2.156.10197.1.401, 1.2.156.10197.1.501"
  })
  void signsADetachedCmsWithTheSealsDigestAndAlgorithm(
      SignatureAlgorithm algorithm, String digestOid, String signatureOid) throws Exception {
    Seal seal = algorithm == SignatureAlgorithm.SM2_SM3 ? sm2 : ecdsa;
    DocumentHash hash = DocumentHash.of(algorithm, DOCUMENT);
    CMSSignedData cms =
        new CMSSignedData(new HashSigner().sign(hash, seal.signingKey(), TestSeals.SIGNING_TIME));
    assertThat(cms.isDetachedSignature()).isTrue();
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    assertThat(signer.getDigestAlgOID()).isEqualTo(digestOid);
    assertThat(signer.getEncryptionAlgOID()).isEqualTo(signatureOid);
    assertThat(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    signer
                        .getSignedAttributes()
                        .get(CMSAttributes.messageDigest)
                        .getAttrValues()
                        .getObjectAt(0))
                .getOctets())
        .isEqualTo(hash.value());
    Time time =
        Time.getInstance(
            signer
                .getSignedAttributes()
                .get(CMSAttributes.signingTime)
                .getAttrValues()
                .getObjectAt(0));
    assertThat(time.getDate().toInstant()).isEqualTo(TestSeals.SIGNING_TIME);
  }

  @Test
  void refusesAHashInAnotherDigestThanTheSeals() {
    assertThatThrownBy(
            () ->
                new HashSigner()
                    .sign(
                        DocumentHash.of(SignatureAlgorithm.ECDSA_P256_SHA256, DOCUMENT),
                        sm2.signingKey(),
                        TestSeals.SIGNING_TIME))
        .isInstanceOfSatisfying(
            HashAlgorithmMismatchException.class,
            e -> {
              assertThat(e.expected()).isEqualTo("SM3");
              assertThat(e.actual()).isEqualTo("SHA-256");
            });
  }

  @Test
  void documentHashesHave32Bytes() {
    assertThatThrownBy(() -> new DocumentHash(SignatureAlgorithm.SM2_SM3, new byte[20]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
