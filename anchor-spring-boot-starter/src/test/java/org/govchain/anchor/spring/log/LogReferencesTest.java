package org.govchain.anchor.spring.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogReferencesTest {

  private static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i + 1);
    }
  }

  private final LogReferences references = new LogReferences(KEY);

  @Test
  void referenceIsThePurposeAndTheDomainSeparatedHmacInBase64Url() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    byte[] expected =
        mac.doFinal("govchain.log-ref.v1\0staff\0clerk-zhou".getBytes(StandardCharsets.UTF_8));
    assertThat(references.staff("clerk-zhou"))
        .isEqualTo("staff:" + Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
        .matches("staff:[A-Za-z0-9_-]{43}");
  }

  @Test
  void theDevelopmentKeyGivesThePublishedVector() {
    // computed apart (Python's hmac); pinned: a change of the construction would silently change
    // every reference of every log
    assertThat(LogReferences.fromBase64(LogReferences.DEV_KEY).reason("card lost on the bus"))
        .isEqualTo("reason:VGQxFJnGSwZfugXikT5H0qeu2WUutwBlOVG-4BVk1Tk");
  }

  @Test
  void sameValueAndPurposeGiveTheSameReferenceAndOtherPurposesOrKeysAnother() {
    assertThat(references.staff("clerk-zhou")).isEqualTo(references.staff("clerk-zhou"));
    assertThat(references.staff("clerk-zhou")).isNotEqualTo(references.staff("clerk-wang"));
    String staff = references.staff("clerk-zhou");
    String reason = references.reason("clerk-zhou");
    assertThat(reason.substring("reason:".length()))
        .isNotEqualTo(staff.substring("staff:".length()));
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertThat(new LogReferences(otherKey).staff("clerk-zhou")).isNotEqualTo(staff);
  }

  @Test
  void theSeparatorKeepsPurposeAndValueApart() {
    // "a" + 0 + "b-c" must not collide with "a-b" + 0 + "c" and the like
    assertThat(references.of("a", "b-c").substring(2))
        .isNotEqualTo(references.of("a-b", "c").substring(4));
  }

  @Test
  void unicodeValuesAreReferencedByTheirUtf8() {
    assertThat(references.reason("印章遗失，已登报声明作废"))
        .isNotEqualTo(references.reason("印章遗失，已登报声明作废。"))
        .startsWith("reason:");
  }

  @Test
  void anAbsentValueHasNoReference() {
    assertThat(references.staff(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Staff",
        "staff:",
        "1st",
        "a b",
        "staff\0",
        "abcdefghijklmnopqrstuvwxyz0123456"
      })
  void malformedPurposesAreRefused(String purpose) {
    assertThatThrownBy(() -> references.of(purpose, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValueWithAnUnpairedSurrogateIsRefused() {
    assertThatThrownBy(() -> references.reason("lost \uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("lost");
  }

  @Test
  void shortOrMalformedKeysAreRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> new LogReferences(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 32 bytes");
    assertThatThrownBy(() -> LogReferences.fromBase64("c2VjcmV0!c2VjcmV0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("c2VjcmV0");
    assertThatThrownBy(
            () -> LogReferences.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsTheKey() {
    assertThat(references.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY));
  }
}
