package org.govchain.seal.sealing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.govchain.seal.keys.SignatureAlgorithm;

/**
 * A seal's decrypted private key with its certificate chain (seal certificate first, then the CA
 * root), as the sealers need it. Keep instances short-lived.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
  public SigningKey {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a signing key needs its certificate chain");
    }
  }

  public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
    return new SigningKey(privateKey, chain);
  }

  /** The seal certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The seal's signature algorithm, from its certificate's key. */
  public SignatureAlgorithm algorithm() {
    return SignatureAlgorithm.of(certificate().getPublicKey());
  }
}
