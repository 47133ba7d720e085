package org.govchain.ssc.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QrIssuerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final QrIssuer ISSUER =
      new QrIssuer(QrKeys.generate(QrSignatureAlgorithm.ED25519, RANDOM));
  private static final UUID CARD = UUID.randomUUID();

  @Test
  void issuedAtIsNowTruncatedToTheSecondAndExpiresAtValidityLater() {
    QrPayload payload =
        ISSUER.issue(
            CARD, Instant.parse("2025-06-01T08:30:15.999Z"), Duration.ofSeconds(90), RANDOM);

    assertThat(payload.issuedAtInstant()).isEqualTo(Instant.parse("2025-06-01T08:30:15Z"));
    assertThat(payload.expiresAtInstant()).isEqualTo(Instant.parse("2025-06-01T08:31:45Z"));
  }

  @Test
  void everyPayloadHasItsOwnTokenId() {
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      tokens.add(ISSUER.issue(CARD, Instant.now(), QrIssuer.DEFAULT_VALIDITY, RANDOM).tokenIdHex());
    }

    assertThat(tokens).hasSize(1_000);
  }

  @Test
  void validityMustBeWholeSecondsFromOneSecondToTheMaximum() {
    Instant now = Instant.now();

    assertThat(ISSUER.issue(CARD, now, Duration.ofSeconds(1), RANDOM)).isNotNull();
    assertThat(ISSUER.issue(CARD, now, QrIssuer.MAX_VALIDITY, RANDOM)).isNotNull();
    for (Duration wrong :
        new Duration[] {
          Duration.ZERO,
          Duration.ofSeconds(-60),
          Duration.ofMillis(1500),
          QrIssuer.MAX_VALIDITY.plusSeconds(1)
        }) {
      assertThatThrownBy(() -> ISSUER.issue(CARD, now, wrong, RANDOM))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("validity");
    }
  }

  @Test
  void timesBefore1970AreRefused() {
    assertThatThrownBy(
            () -> ISSUER.issue(CARD, Instant.ofEpochSecond(-1), QrIssuer.DEFAULT_VALIDITY, RANDOM))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
