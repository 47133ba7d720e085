package org.govchain.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductionGuardTest {

  private static final String BCRYPT =
      "{bcrypt}$2a$10$abcdefghijklmnopqrstuu1234567890abcdefghijklmnopqrstu";

  private static TestSettings fit() {
    return TestSettings.local()
        .issuer("https://auth.city.example")
        .demo(false)
        .keystore("/etc/govchain/auth-signing.p12");
  }

  @Test
  void fitSettingsHaveNoProblems() {
    assertThat(ProductionGuard.problems(fit().build())).isEmpty();
  }

  @Test
  void theLocalDefaultsAreRefusedForTheDevKeyTheDemoAccountsAndTheLocalIssuer() {
    List<String> problems = ProductionGuard.problems(TestSettings.local().build());

    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).contains("development key", "GOVCHAIN_AUTH_KEYSTORE");
    assertThat(problems.get(1)).contains("demo clients and users", "GOVCHAIN_AUTH_DEMO_ENABLED");
    assertThat(problems.get(2)).contains("http://localhost:9000", "GOVCHAIN_AUTH_ISSUER");
    assertThatThrownBy(() -> ProductionGuard.check(TestSettings.local().build()))
        .hasMessageStartingWith("the prod profile refuses to start: ")
        .hasMessageContaining("development key")
        .hasMessageContaining("demo clients");
  }

  @Test
  void theDevelopmentKeyAloneIsRefused() {
    assertThat(ProductionGuard.problems(fit().keystore("").build()))
        .singleElement()
        .asString()
        .contains("development key");
  }

  @Test
  void demoAccountsAloneAreRefused() {
    assertThat(ProductionGuard.problems(fit().demo(true).build()))
        .singleElement()
        .asString()
        .contains("demo clients");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:9000",
        "https://LOCALHOST",
        "http://auth.localhost",
        "http://127.0.0.1:9000",
        "http://127.1.2.3",
        "http://[::1]:9000",
        "http://0.0.0.0:9000"
      })
  void issuersOnThisMachineAreRefused(String issuer) {
    assertThat(ProductionGuard.problems(fit().issuer(issuer).build()))
        .singleElement()
        .asString()
        .contains("issuer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"https://auth.city.example", "http://10.0.0.5:9000", "https://[2001:db8::1]"})
  void publicIssuersAreAccepted(String issuer) {
    assertThat(ProductionGuard.problems(fit().issuer(issuer).build())).isEmpty();
  }

  @Test
  void unhashedConfiguredSecretsAreRefusedWithoutShowingThem() {
    List<String> problems =
        ProductionGuard.problems(
            fit()
                .clients(
                    new AuthServerProperties.Client(
                        "front-desk", "{noop}plain-secret-1", List.of(Role.SERVICE_POINT)),
                    new AuthServerProperties.Client("ok", BCRYPT, List.of(Role.AUDITOR)))
                .users(
                    new AuthServerProperties.User(
                        "li.na", "{noop}plain-secret-2", List.of(Role.SEAL_CLERK)))
                .build());

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("client 'front-desk'", "{bcrypt}");
    assertThat(problems.get(1)).contains("user 'li.na'");
    assertThat(String.join(" ", problems)).doesNotContain("plain-secret");
  }
}
