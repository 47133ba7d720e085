package org.govchain.anchor.spring.anchoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

class AnchoringPropertiesTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    AnchoringProperties p = bind(Map.of());

    assertThat(p.enabled()).isFalse();
    assertThat(p.rpcUrl()).hasToString("http://127.0.0.1:8545");
    assertThat(p.chainId()).isEqualTo(31337);
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.everyEntries()).isEqualTo(1000);
    assertThat(p.checkInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.confirmations()).isEqualTo(1);
    assertThat(p.stuckAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.feeBumpPercent()).isEqualTo(12);
    assertThat(p.maxFeePerGas()).isEqualTo(new BigInteger("500000000000"));
    assertThat(p.lagDegradedAfter()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.resilience().callTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.resilience().retryAttempts()).isEqualTo(3);
    assertThat(p.resilience().circuitOpenFor()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void toStringNeverShowsTheSubmitterKey() {
    AnchoringProperties p =
        bind(
            Map.of(
                "govchain.anchor.enabled", "true",
                "govchain.anchor.registry-address", "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                "govchain.anchor.submitter-key", "0x1234567890abcdef"));

    assertThat(p.toString()).doesNotContain("1234567890abcdef").contains("<secret>");
  }

  @Test
  void enabledWithoutRegistryOrKeyFailsAtStartup() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AnchoringAutoConfiguration.class))
        .withPropertyValues("govchain.anchor.enabled=true", "govchain.log.origin=x.example")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void hardhatDevelopmentAccountsAreRecognisedAndRandomKeysAreNot() throws Exception {
    // Hardhat's account #0, published in its documentation (an address, not a key).
    assertThat(DevelopmentKeys.hardhatAddresses())
        .hasSize(20)
        .contains("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    assertThat(DevelopmentKeys.isDevelopmentKey(Credentials.create(Keys.createEcKeyPair())))
        .isFalse();
  }

  @Test
  void prodProfileRefusesAHardhatDevelopmentKeyButDevAcceptsIt() {
    String devKey =
        org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
            DevelopmentKeys.hardhatAccount(0).getEcKeyPair().getPrivateKey(), 64);
    org.springframework.mock.env.MockEnvironment prod =
        new org.springframework.mock.env.MockEnvironment();
    prod.setActiveProfiles("prod");

    assertThat(
            AnchoringAutoConfiguration.Enabled.requireAllowedKey(
                    devKey, new org.springframework.mock.env.MockEnvironment())
                .getAddress())
        .isEqualTo("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AnchoringAutoConfiguration.Enabled.requireAllowedKey(devKey, prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("prod profile refuses it");
  }

  private static AnchoringProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("govchain.anchor", AnchoringProperties.class);
  }
}
