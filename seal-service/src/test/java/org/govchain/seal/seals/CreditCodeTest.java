package org.govchain.seal.seals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "914403001922038216", // Huawei Technologies Co., Ltd. (published on its Wikipedia page)
        "91512081MA62K0260E", // worked example of the check-character computation, check E
        "91350100M000100Y43", // the standard's worked example with its computed check character 3
        "000000000000000000" // weighted sum 0: (31 - 0) mod 31 = 0
      })
  void acceptsPublishedCodes(String code) {
    assertThat(CreditCode.parse(code).value()).isEqualTo(code);
  }

  @ParameterizedTest
  @CsvSource({
    "91440300708461136, T",
    "91512081MA62K0260, E",
    "91350100M000100Y4, 3",
    "00000000000000000, 0"
  })
  void computesTheCheckCharacterFromTheFirstSeventeen(String first17, char check) {
    assertThat(CreditCode.checkCharacter(first17)).isEqualTo(check);
  }

  @Test
  void normalisesWhitespaceAndCase() {
    assertThat(CreditCode.parse("  91512081ma62k0260e ").value()).isEqualTo("91512081MA62K0260E");
  }

  @Test
  void rejectsWrongCheckCharacterWithTheExpectedOne() {
    assertThatThrownBy(() -> CreditCode.parse("914403001922038217"))
        .isInstanceOfSatisfying(
            InvalidCreditCodeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.CHECK_CHARACTER);
              assertThat(e.expected()).isEqualTo("6");
              assertThat(e.actual()).isEqualTo("7");
            });
  }

  @Test
  void rejectsSingleTranspositionOfDigits() {
    assertThatThrownBy(() -> CreditCode.parse("914403001922032816"))
        .isInstanceOf(InvalidCreditCodeException.class);
  }

  @ParameterizedTest
  @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V', '-', 'a'})
  void rejectsCharactersOutsideTheAlphabet(char c) {
    String code = "9144030019220382" + c + "6";
    assertThatThrownBy(() -> new CreditCode(code))
        .isInstanceOfSatisfying(
            InvalidCreditCodeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.CHARACTER);
              assertThat(e.actual()).contains("position 17");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "91440300192203821", "9144030019220382166"})
  void rejectsWrongLength(String code) {
    assertThatThrownBy(() -> CreditCode.parse(code))
        .isInstanceOfSatisfying(
            InvalidCreditCodeException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(InvalidCreditCodeException.Problem.LENGTH);
              assertThat(e.actual()).isEqualTo(String.valueOf(code.length()));
            });
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> CreditCode.parse(null)).isInstanceOf(InvalidCreditCodeException.class);
  }
}
