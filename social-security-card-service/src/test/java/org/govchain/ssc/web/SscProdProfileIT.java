package org.govchain.ssc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.ssc.config.SscProperties;
import org.govchain.ssc.qr.QrKeys;
import org.govchain.ssc.qr.QrSignatureAlgorithm;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.Test;

/**
 * The {@code prod} profile refuses the published development keys of personal data and a generated
 * QR key, and starts with configured ones (SM4 and HMAC-SM3 and SM2 here: a 密评 deployment), under
 * which a card's data is encrypted with the configured key id.
 */
@WithPostgres
class SscProdProfileIT {

  private static final String ORIGIN = "ssc.govchain.example";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void prodRefusesTheDevelopmentDataKeys(PostgresServer.Database db) throws Exception {
    List<String> settings = prod(qrKeyFile());
    settings.add(
        "govchain.ssc.personal-data.keys=dev-1=" + SscProperties.PersonalData.DEV_DATA_KEY);
    refused(db, settings, "the prod profile refuses the development personal-data keys");

    List<String> devHash = prod(qrKeyFile());
    devHash.add("govchain.ssc.personal-data.hash-key=" + SscProperties.PersonalData.DEV_HASH_KEY);
    refused(db, devHash, "the prod profile refuses the development personal-data keys");
  }

  @Test
  void prodRefusesToGenerateAQrKey(PostgresServer.Database db) {
    refused(db, prod(null), "the prod profile needs a configured QR signing key");
  }

  @Test
  void prodStartsWithConfiguredNationalAlgorithmKeys(PostgresServer.Database db) throws Exception {
    List<String> settings = prod(qrKeyFile());
    try (SscApp app = SscApp.start(db, settings.toArray(String[]::new))) {
      assertThat(app.service.context().getEnvironment().getActiveProfiles())
          .containsExactly("prod");
      String card = app.issueCard();
      // algorithm byte 2 (SM4-GCM) and the configured key id follow the version byte
      assertThat(
              app.count(
                  "SELECT count(*) FROM card WHERE id = '"
                      + card
                      + "' AND get_byte(name_enc, 1) = 2"
                      + " AND convert_from(substring(name_enc from 4 for 8), 'UTF8') = 'city-sm4'"))
          .isOne();
    }
  }

  /** The prod settings with real keys (SM4, HMAC-SM3) and the QR key file, if any. */
  private static List<String> prod(Path qrKey) {
    List<String> settings = new ArrayList<>();
    settings.add("spring.profiles.active=prod");
    settings.add("govchain.log.signer-key=" + NoteSigner.generate(ORIGIN).signerKey());
    settings.add("govchain.log.reference-key=" + randomKey(32));
    settings.add("govchain.ssc.personal-data.algorithm=SM4_GCM");
    settings.add("govchain.ssc.personal-data.keys=city-sm4=" + randomKey(16));
    settings.add("govchain.ssc.personal-data.active-key=city-sm4");
    settings.add("govchain.ssc.personal-data.hash-algorithm=HMAC_SM3");
    settings.add("govchain.ssc.personal-data.hash-key=" + randomKey(32));
    settings.add("govchain.ssc.qr.algorithm=SM2");
    if (qrKey != null) {
      settings.add("govchain.ssc.qr.key-path=" + qrKey);
    }
    return settings;
  }

  private static void refused(PostgresServer.Database db, List<String> settings, String message) {
    assertThatThrownBy(() -> SscApp.start(db, settings.toArray(String[]::new)).close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(message);
  }

  private static Path qrKeyFile() throws Exception {
    Path dir = Files.createTempDirectory("ssc-qr-key");
    Path file = dir.resolve("qr.pem");
    QrKeys.generate(QrSignatureAlgorithm.SM2, RANDOM).writePem(file);
    file.toFile().deleteOnExit();
    dir.toFile().deleteOnExit();
    return file;
  }

  private static String randomKey(int bytes) {
    byte[] key = new byte[bytes];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
