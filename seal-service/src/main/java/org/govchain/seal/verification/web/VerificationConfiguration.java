package org.govchain.seal.verification.web;

import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.seals.web.SealService;
import org.govchain.seal.verification.DetachedSignatureVerifier;
import org.govchain.seal.verification.PdfSignatureVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's verifiers over the database-backed seal directory. */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

  @Bean
  DatabaseSealDirectory sealDirectory(SealService seals) {
    return new DatabaseSealDirectory(seals);
  }

  @Bean
  PdfSignatureVerifier pdfSignatureVerifier(
      SealCertificateAuthority ca, DatabaseSealDirectory directory, SealProperties properties) {
    return new PdfSignatureVerifier(
        ca.validator(), directory, properties.uploads().maxPdfSize().toBytes());
  }

  @Bean
  DetachedSignatureVerifier detachedSignatureVerifier(
      SealCertificateAuthority ca, DatabaseSealDirectory directory) {
    return new DetachedSignatureVerifier(ca.validator(), directory);
  }
}
