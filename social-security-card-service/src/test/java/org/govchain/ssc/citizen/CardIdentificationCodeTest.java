package org.govchain.ssc.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.govchain.anchor.web.region.RegionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardIdentificationCodeTest {

  private static final List<String> REGIONS =
      List.of("110000", "110105", "310115", "440300", "469001", "540102", "650102", "820000");

  @Test
  void generatesTheIssuingRegionFollowedByTwentySixHexDigits() {
    Random random = new Random(2260);
    for (String region : REGIONS) {
      for (int i = 0; i < 50; i++) {
        CardIdentificationCode code =
            CardIdentificationCode.generate(new RegionCode(region), random);

        assertThat(code.value()).hasSize(32).startsWith(region).matches("[0-9A-F]{32}");
        assertThat(code.region()).isEqualTo(new RegionCode(region));
        assertThat(CardIdentificationCode.parse(code.value())).isEqualTo(code);
        assertThat(code.toString()).isEqualTo(code.value());
      }
    }
  }

  @Test
  void generatesDistinctCodesUsingEveryHexDigit() {
    SecureRandom random = new SecureRandom();
    Set<String> codes = new HashSet<>();
    Set<Character> randomDigits = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String value = CardIdentificationCode.generate(new RegionCode("110105"), random).value();
      codes.add(value);
      value.substring(6).chars().forEach(c -> randomDigits.add((char) c));
    }

    assertThat(codes).hasSize(1000);
    assertThat(randomDigits).hasSize(16);
  }

  @Test
  void parsesLowerCaseAndSurroundingWhitespace() {
    String value = CardIdentificationCode.generate(new RegionCode("330106"), new Random(1)).value();
    String typed = "  " + value.toLowerCase(Locale.ROOT) + "\n";

    assertThat(CardIdentificationCode.parse(typed).value()).isEqualTo(value);
  }

  @Test
  void parsesACodeWrittenByHand() {
    CardIdentificationCode code = CardIdentificationCode.parse("1101050123456789ABCDEF0123456789");

    assertThat(code.region().provinceName()).isEqualTo("北京市");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1101050123456789ABCDEF012345678", // 31
        "1101050123456789ABCDEF012345678901", // 34
        "1101050123456789ABCDEF012345678G",
        "1101050123456789ABCDEF01234567-9",
        "1101050123456789ABCDEF０123456789",
        "9900000123456789ABCDEF0123456789", // no province 99
        "1100010123456789ABCDEF0123456789", // prefecture 00 under a county
        "ABCDEF0123456789ABCDEF0123456789" // hexadecimal, but no region code
      })
  void rejectsWhatIsNotACodeNamingTheFieldButNotTheInput(String text) {
    ProblemException e = invalid(() -> CardIdentificationCode.parse(text));

    assertThat(e.kind()).isEqualTo(CommonProblem.INVALID_REQUEST);
    assertThat(e.getMessage()).isEqualTo("invalid field cardIdentificationCode");
    assertThat(e.properties())
        .extractingByKey("errors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .singleElement()
        .isInstanceOfSatisfying(
            FieldError.class,
            error -> {
              assertThat(error.field()).isEqualTo(CardIdentificationCode.FIELD);
              if (!text.isEmpty()) {
                assertThat(error.message()).doesNotContain(text);
              }
            });
  }

  @Test
  void explainsAWrongRegion() {
    ProblemException e =
        invalid(() -> CardIdentificationCode.parse("9900000123456789ABCDEF0123456789"));

    assertThat(e.properties().toString())
        .contains("the first six characters must be the issuing region's code")
        .contains("no provincial-level division has the code 99");
  }

  @Test
  void rejectsNull() {
    invalid(() -> CardIdentificationCode.parse(null));
  }

  @Test
  void theConstructorTakesOnlyUpperCase() {
    invalid(() -> new CardIdentificationCode("1101050123456789abcdef0123456789"));
  }

  private static ProblemException invalid(ThrowingCallable parsing) {
    ProblemException e = catchThrowableOfType(ProblemException.class, parsing);
    assertThat(e).isNotNull();
    assertThat(e.kind()).isEqualTo(CommonProblem.INVALID_REQUEST);
    return e;
  }
}
