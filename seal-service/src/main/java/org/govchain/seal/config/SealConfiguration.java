package org.govchain.seal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.keys.PrivateKeyCipher;
import org.govchain.seal.sealing.HashSigner;
import org.govchain.seal.sealing.PdfSealer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The core's objects as beans, built from {@link SealProperties}; the {@code prod} profile refuses
 * the development KEK and a development CA root.
 */
@Configuration(proxyBeanMethods = false)
class SealConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(SealConfiguration.class);
  static final String DEV_ROOT_FILE = "dev-seal-root.p12";
  private static final char[] DEV_ROOT_PASSWORD = "dev-only".toCharArray();

  @Bean
  PrivateKeyCipher privateKeyCipher(
      SealProperties properties, Environment env, SecureRandom random) {
    if (properties.isDevKek()) {
      if (isProd(env)) {
        throw new IllegalStateException(
            "the prod profile refuses the development KEK: set GOVCHAIN_SEAL_KEK");
      }
      LOG.warn("DEV-ONLY: seal private keys are encrypted with the published development KEK");
    }
    return PrivateKeyCipher.withKek(properties.kekBytes(), random);
  }

  @Bean
  SealCertificateAuthority sealCertificateAuthority(
      SealProperties properties, Environment env, SecureRandom random, Clock clock)
      throws IOException {
    SealProperties.Ca ca = properties.ca();
    SealCertificateAuthority authority;
    if (ca.pkcs12Path() != null && !ca.pkcs12Path().isBlank()) {
      char[] password =
          ca.pkcs12Password() == null ? new char[0] : ca.pkcs12Password().toCharArray();
      authority =
          SealCertificateAuthority.fromPkcs12(
              Files.readAllBytes(Path.of(ca.pkcs12Path())), password, random);
    } else if (isProd(env)) {
      throw new IllegalStateException(
          "the prod profile needs a configured seal CA root (govchain.seal.ca.pkcs12-path)");
    } else {
      authority = devRoot(ca.dataDir(), random, clock);
    }
    if (authority.isDevRoot() && isProd(env)) {
      throw new IllegalStateException("the prod profile refuses a development seal CA root");
    }
    return authority;
  }

  /** The dev root kept under the data dir, generated on first start. */
  private static SealCertificateAuthority devRoot(Path dataDir, SecureRandom random, Clock clock)
      throws IOException {
    Path file = dataDir.resolve(DEV_ROOT_FILE);
    if (Files.exists(file)) {
      return SealCertificateAuthority.fromPkcs12(
          Files.readAllBytes(file), DEV_ROOT_PASSWORD, random);
    }
    SealCertificateAuthority authority =
        SealCertificateAuthority.generateDevRoot(clock.instant(), random);
    Files.createDirectories(dataDir);
    Path temporary = Files.createTempFile(dataDir, "dev-seal-root", ".tmp");
    Files.write(temporary, authority.toPkcs12(DEV_ROOT_PASSWORD));
    Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    LOG.warn(
        "DEV-ONLY: generated a development seal CA root, kept in {} ({})",
        file.toAbsolutePath(),
        new String(
            authority.root().getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8));
    return authority;
  }

  @Bean
  PdfSealer pdfSealer(SealProperties properties) {
    return new PdfSealer(properties.uploads().maxPdfSize().toBytes());
  }

  @Bean
  HashSigner hashSigner() {
    return new HashSigner();
  }

  private static boolean isProd(Environment env) {
    return env.acceptsProfiles(Profiles.of("prod"));
  }
}
