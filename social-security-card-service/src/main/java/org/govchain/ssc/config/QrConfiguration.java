package org.govchain.ssc.config;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import org.govchain.ssc.qr.QrIssuer;
import org.govchain.ssc.qr.QrKeys;
import org.govchain.ssc.qr.QrSignatureAlgorithm;
import org.govchain.ssc.qr.QrVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The QR signing key (configured, or a development key generated once into the data directory,
 * which the {@code prod} profile refuses), its issuer and its verifier.
 */
@Configuration(proxyBeanMethods = false)
class QrConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(QrConfiguration.class);
  static final String DEV_KEY_FILE = "dev-qr-signing-key.pem";

  @Bean
  QrKeys qrKeys(SscProperties properties, Environment env, SecureRandom random) throws IOException {
    SscProperties.Qr qr = properties.qr();
    QrSignatureAlgorithm algorithm;
    try {
      algorithm = QrSignatureAlgorithm.valueOf(qr.algorithm().strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "govchain.ssc.qr.algorithm must be one of "
              + Arrays.toString(QrSignatureAlgorithm.values()));
    }
    QrKeys keys;
    if (qr.keyPath() != null && !qr.keyPath().isBlank()) {
      keys = QrKeys.readPem(Path.of(qr.keyPath().strip()));
    } else if (env.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException(
          "the prod profile needs a configured QR signing key: set GOVCHAIN_SSC_QR_KEY to a PEM"
              + " file with the key pair");
    } else {
      Path file = properties.dataDir().resolve(DEV_KEY_FILE);
      keys = QrKeys.readOrGenerate(file, algorithm, random);
      LOG.warn("DEV-ONLY: QR codes are signed with a development key kept in {}", file);
    }
    if (keys.algorithm() != algorithm) {
      throw new IllegalStateException(
          "the QR signing key is "
              + keys.algorithm()
              + " but govchain.ssc.qr.algorithm is "
              + algorithm);
    }
    LOG.info("QR codes signed with {} key {}", keys.algorithm(), keys.keyId());
    return keys;
  }

  @Bean
  QrIssuer qrIssuer(QrKeys keys) {
    return new QrIssuer(keys);
  }

  @Bean
  QrVerifier qrVerifier(QrKeys keys) {
    return QrVerifier.of(keys.publicKey());
  }
}
