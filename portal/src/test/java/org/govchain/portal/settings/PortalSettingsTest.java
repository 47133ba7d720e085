package org.govchain.portal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.junit.jupiter.api.Test;

class PortalSettingsTest {

  private static final String ORIGIN = "seal.city.example";
  private static final String REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  @Test
  void publishesEachLogWithItsOnChainIdAndKey() {
    String key = NoteSigner.generate(ORIGIN).verifierKey();

    PortalSettings.View view = settings(key).view();

    assertThat(view.publicUrl()).isEqualTo("https://city.example/portal/");
    assertThat(view.chain().registryAddress()).isEqualTo(REGISTRY.toLowerCase());
    PortalSettings.LogView log = view.logs().get(0);
    assertThat(log.verifierKey()).isEqualTo(key);
    // keccak256("seal.city.example"), as the registry names the log
    assertThat(log.logId()).startsWith("0x").hasSize(66);
  }

  @Test
  void aLogWithoutAKeyIsPublishedWithoutOne() {
    assertThat(settings("").view().logs().get(0).verifierKey()).isNull();
    assertThat(settings(null).view().logs().get(0).verifierKey()).isNull();
  }

  @Test
  void refusesAMalformedKeyOrOneNamedAfterAnotherLog() {
    assertThatThrownBy(() -> settings("seal.city.example+12345678+AAAA"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("malformed");
    String other = NoteSigner.generate("ssc.city.example").verifierKey();
    assertThatThrownBy(() -> settings(other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("named 'ssc.city.example'");
  }

  @Test
  void refusesAPublicUrlThatIsNotADirectory() {
    PortalProperties properties =
        new PortalProperties(
            URI.create("https://city.example/portal"),
            new PortalProperties.Chain("https://rpc.city.example", 1, REGISTRY, 12),
            List.of(new PortalProperties.Log("seal", ORIGIN, "/api/seal", null)));
    assertThatThrownBy(() -> new PortalSettings(properties))
        .hasMessageContaining("must end with '/'");
  }

  private static PortalSettings settings(String key) {
    return new PortalSettings(
        new PortalProperties(
            URI.create("https://city.example/portal/"),
            new PortalProperties.Chain("https://rpc.city.example", 1, REGISTRY, 12),
            List.of(new PortalProperties.Log("seal", ORIGIN, "/api/seal", key))));
  }
}
