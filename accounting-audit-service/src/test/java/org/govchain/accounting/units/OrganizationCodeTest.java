package org.govchain.accounting.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationCodeTest {

  /** GB 11714 written out again: letters by {@link Character#digit(char, int)} in radix 36. */
  static char referenceCheckCharacter(String body) {
    int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += Character.digit(body.charAt(i), 36) * weights[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : Character.forDigit(check, 10);
  }

  @ParameterizedTest
  @CsvSource({
    "70846113, 6", // the organization codes inside published credit codes
    "19220382, 1",
    "55138508, 2",
    "80210043, 3",
    "71610585, 2",
    "40000062, 4",
    "MA1FL0RJ, 4",
    "00000006, X", // 11 - 12 mod 11 = 10
    "00000000, 0", // 11 - 0 = 11
    "00000001, 9"
  })
  void computesTheCheckCharacterOfGb11714(String body, char check) {
    assertThat(OrganizationCode.checkCharacter(body)).isEqualTo(check);
  }

  @Test
  void agreesWithTheStandardsFormulaOnRandomBodies() {
    Random random = new Random(11714);
    String characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int n = 0; n < 5000; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        body.append(characters.charAt(random.nextInt(characters.length())));
      }
      assertThat(OrganizationCode.checkCharacter(body))
          .as(body.toString())
          .isEqualTo(referenceCheckCharacter(body.toString()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7084611", "708461136", "70846a13", "7084611-", "７0846113"})
  void refusesABodyThatIsNotEightDigitsOrUpperCaseLetters(String body) {
    assertThatIllegalArgumentException().isThrownBy(() -> OrganizationCode.checkCharacter(body));
  }
}
