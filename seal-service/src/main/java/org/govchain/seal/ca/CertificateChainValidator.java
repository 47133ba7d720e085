package org.govchain.seal.ca;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.govchain.anchor.crypto.BouncyCastle;

/**
 * PKIX validation of a seal certificate chain against the seal CA root at a given time (the signing
 * time). Revocation is not checked here: a seal's status history decides that.
 */
public final class CertificateChainValidator {
  private final X509Certificate root;

  public CertificateChainValidator(X509Certificate root) {
    this.root = root;
  }

  /**
   * Validates the chain at {@code at}.
   *
   * <p>Precondition: {@code chain} starts with the end-entity certificate; the root may be present
   * and is ignored (it is the trust anchor).
   *
   * @throws UntrustedCertificateException if the chain does not lead to the root, or a certificate
   *     is not valid at {@code at}
   */
  public void validate(List<X509Certificate> chain, Instant at) {
    List<X509Certificate> path = new ArrayList<>(chain);
    path.removeIf(root::equals);
    String subject =
        chain.isEmpty()
            ? "(none)"
            : org.bouncycastle.asn1.x500.X500Name.getInstance(
                    chain.get(0).getSubjectX500Principal().getEncoded())
                .toString();
    if (path.isEmpty()) {
      throw new UntrustedCertificateException(subject, at, "no end-entity certificate");
    }
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
      CertPath certPath = factory.generateCertPath(path);
      PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER).validate(certPath, params);
    } catch (CertPathValidatorException e) {
      throw new UntrustedCertificateException(subject, at, e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PKIX validation is not available", e);
    }
  }
}
