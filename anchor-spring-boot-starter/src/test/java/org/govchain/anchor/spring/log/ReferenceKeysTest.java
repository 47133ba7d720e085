package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReferenceKeysTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void missingKeyOutsideProdIsThePublishedDevelopmentKeyTheSameOnEveryStart() {
    LogReferences first = ReferenceKeys.resolve(properties(null), new MockEnvironment());
    LogReferences second = ReferenceKeys.resolve(properties(" "), new MockEnvironment());
    assertThat(first.staff("clerk"))
        .isEqualTo(second.staff("clerk"))
        .isEqualTo(LogReferences.fromBase64(LogReferences.DEV_KEY).staff("clerk"));
  }

  @Test
  void prodRefusesToStartWithoutAKeyOrWithTheDevelopmentKey() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");
    assertThatThrownBy(() -> ReferenceKeys.resolve(properties(null), prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the prod profile refuses to start without a log reference key");
    assertThatThrownBy(() -> ReferenceKeys.resolve(properties(LogReferences.DEV_KEY + "\n"), prod))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the prod profile refuses the development log reference key");
  }

  @Test
  void configuredKeyIsUsedInProd() {
    MockEnvironment prod = new MockEnvironment();
    prod.setActiveProfiles("prod");
    assertThat(ReferenceKeys.resolve(properties(KEY), prod).staff("clerk"))
        .isEqualTo(LogReferences.fromBase64(KEY).staff("clerk"))
        .isNotEqualTo(LogReferences.fromBase64(LogReferences.DEV_KEY).staff("clerk"));
  }

  @Test
  void malformedOrShortKeysAreRefusedWithoutEchoingThem() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
    assertThatThrownBy(() -> ReferenceKeys.resolve(properties(shortKey), new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("govchain.log.reference-key is invalid")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(
            () -> ReferenceKeys.resolve(properties("not base64!"), new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("not base64!");
  }

  @Test
  void propertiesNeverPrintTheKeys() {
    assertThat(properties(KEY).toString())
        .doesNotContain(KEY)
        .contains("origin=seal.govchain.example");
  }

  private static LogProperties properties(String referenceKey) {
    return new LogProperties(
        true,
        "seal.govchain.example",
        null,
        referenceKey,
        new LogProperties.Api(true, "", Duration.ofSeconds(30)),
        new LogProperties.Sequencer(true, Duration.ofMillis(200), 1000, null),
        new LogProperties.Metrics(Duration.ofSeconds(10)));
  }
}
