package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SignerKeysTest {

  private static final String ORIGIN = "seal.govchain.example";

  @Test
  void missingKeyOutsideProdGeneratesADevKeyNamedAfterTheOrigin() {
    NoteSigner signer = SignerKeys.resolve(properties(null), new MockEnvironment());
    assertThat(signer.name()).isEqualTo(ORIGIN);
  }

  @Test
  void prodProfileRefusesToStartWithoutAKey() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");
    assertThatThrownBy(() -> SignerKeys.resolve(properties(null), prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("required in the prod profile");
    assertThatThrownBy(() -> SignerKeys.resolve(properties("  "), prod))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void configuredKeyIsUsedInProd() {
    NoteSigner configured = NoteSigner.generate(ORIGIN);
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");
    NoteSigner signer = SignerKeys.resolve(properties(configured.signerKey()), prod);
    assertThat(signer.verifierKey()).isEqualTo(configured.verifierKey());
  }

  @Test
  void keyNamedAfterAnotherLogIsRefused() {
    String other = NoteSigner.generate("ssc.govchain.example").signerKey();
    assertThatThrownBy(() -> SignerKeys.resolve(properties(other), new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ssc.govchain.example");
  }

  @Test
  void malformedKeyIsRefusedWithoutEchoingIt() {
    String broken = "PRIVATE+KEY+" + ORIGIN + "+00000000+c2VjcmV0LXNlY3JldC1zZWNyZXQ=";
    assertThatThrownBy(() -> SignerKeys.resolve(properties(broken), new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("c2VjcmV0");
  }

  @Test
  void lockKeyIsDerivedFromTheOriginUnlessConfigured() {
    assertThat(properties(null).sequencerLockKey())
        .isEqualTo(LogProperties.deriveLockKey(ORIGIN))
        .isNotEqualTo(LogProperties.deriveLockKey("ssc.govchain.example"));
    LogProperties fixed =
        new LogProperties(
            true,
            ORIGIN,
            null,
            null,
            new LogProperties.Api(true, "", Duration.ofSeconds(30)),
            new LogProperties.Sequencer(true, Duration.ofMillis(200), 1000, 42L),
            new LogProperties.Metrics(Duration.ofSeconds(10)));
    assertThat(fixed.sequencerLockKey()).isEqualTo(42L);
  }

  private static LogProperties properties(String signerKey) {
    return new LogProperties(
        true,
        ORIGIN,
        signerKey,
        null,
        new LogProperties.Api(true, "", Duration.ofSeconds(30)),
        new LogProperties.Sequencer(true, Duration.ofMillis(200), 1000, null),
        new LogProperties.Metrics(Duration.ofSeconds(10)));
  }
}
