package org.govchain.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.govchain.auth.clients.DemoSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

class ConfiguredHashEncoderTest {

  private final ConfiguredHashEncoder encoder = new ConfiguredHashEncoder();

  @Test
  void matchesHashesOfEveryEncoderIdLikeSpringsDelegatingEncoder() {
    String demo = DemoSecrets.hash("auditor-dev-secret");
    String pbkdf2 =
        "{pbkdf2@SpringSecurity_v5_8}"
            + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("city-secret");

    assertThat(encoder.matches("auditor-dev-secret", demo)).isTrue();
    assertThat(encoder.matches("auditor-dev-secreT", demo)).isFalse();
    assertThat(encoder.matches("city-secret", pbkdf2)).isTrue();
    assertThat(encoder.encode("x")).startsWith("{bcrypt}$2a$10$");
  }

  @Test
  void neverAsksToRehashACheapDemoHashThatSpringWouldUpgrade() {
    String demo = DemoSecrets.hash("auditor-dev-secret");

    assertThat(demo).startsWith("{bcrypt}$2a$04$");
    assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().upgradeEncoding(demo))
        .isTrue();
    assertThat(encoder.upgradeEncoding(demo)).isFalse();
  }
}
