package org.govchain.ssc.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.govchain.anchor.web.region.RegionCode;
import org.govchain.ssc.citizen.InvalidCardNumberException.Reason;
import org.govchain.ssc.problems.SscProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumberTest {

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** Every series with its first and last serials, some in between and many random ones. */
  static List<CardNumber> cardNumbers() {
    Random random = new Random(706410);
    List<CardNumber> numbers = new ArrayList<>();
    for (char series : LETTERS.toCharArray()) {
      for (long serial : new long[] {1, 2, 9, 10, 1_234_567, 9_000_000, 9_999_998, 9_999_999}) {
        numbers.add(CardNumber.of(series, serial));
      }
      for (int i = 0; i < 100; i++) {
        numbers.add(CardNumber.of(series, 1 + random.nextLong(CardNumber.MAX_SERIAL)));
      }
    }
    return numbers;
  }

  /** Every fifth of {@link #cardNumbers()}: still every series, for the tests that try much. */
  static List<CardNumber> sample() {
    List<CardNumber> all = cardNumbers();
    return IntStream.range(0, all.size()).filter(i -> i % 5 == 0).mapToObj(all::get).toList();
  }

  @ParameterizedTest
  @CsvSource({
    "0794, 5", // ISO 7064's example for MOD 11-10
    "6943515153, 0", // a Croatian OIB (personal identification number), MOD 11-10 too
    "330000001, 4" // X = 33, serial 0000001: the states are 6 7 3 6 1 2 4 8 7, (11 - 7) mod 10
  })
  void computesIso7064Mod11Dash10CheckDigits(String digits, char check) {
    assertThat(CardNumber.mod11x10(digits)).isEqualTo(check);
  }

  @Test
  void checksTheLetterAsTwoDigitsThenTheSerial() {
    assertThat(CardNumber.of('X', 1).value()).isEqualTo("X00000014");
    assertThat(CardNumber.checkDigit("A1234567")).isEqualTo(CardNumber.mod11x10("101234567"));
    assertThat(CardNumber.checkDigit("Z9999999")).isEqualTo(CardNumber.mod11x10("359999999"));
  }

  @Test
  void roundTripsEverySeriesOverManySerials() {
    for (CardNumber number : cardNumbers()) {
      CardNumber parsed = CardNumber.parse(number.value());

      assertThat(parsed).isEqualTo(number);
      assertThat(parsed.value()).hasSize(9).matches("[A-Z][0-9]{8}");
      assertThat(CardNumber.of(parsed.series(), parsed.serial())).isEqualTo(number);
    }
    CardNumber last = CardNumber.of('Z', 9_999_999);
    assertThat(last.series()).isEqualTo('Z');
    assertThat(last.serial()).isEqualTo(9_999_999L);
    assertThat(last.toString()).isEqualTo(last.value());
  }

  @Test
  void normalisesCaseAndWhitespace() {
    assertThat(CardNumber.parse(" x00000014\t").value()).isEqualTo("X00000014");
  }

  @Test
  void detectsEveryChangeOfOneDigit() {
    List<String> unnoticed = new ArrayList<>();
    int changes = 0;
    for (CardNumber number : cardNumbers()) {
      String value = number.value();
      for (int position = 1; position < 9; position++) {
        for (char digit = '0'; digit <= '9'; digit++) {
          String changed = value.substring(0, position) + digit + value.substring(position + 1);
          if (digit != value.charAt(position) && !changed.startsWith("0000000", 1)) {
            changes++;
            if (reasonFor(changed) != Reason.CHECK_DIGIT) {
              unnoticed.add(changed);
            }
          }
        }
      }
    }

    assertThat(changes).isGreaterThan(200_000);
    assertThat(unnoticed).isEmpty();
  }

  @Test
  void detectsEverySwapOfAdjacentDigitsThatAreNotNeighbours() {
    int neighbourSwaps = 0;
    int neighbourSwapsUnnoticed = 0;
    for (CardNumber number : sample()) {
      String value = number.value();
      for (int i = 1; i < 8; i++) {
        int a = value.charAt(i) - '0';
        int b = value.charAt(i + 1) - '0';
        String swapped =
            value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
        if (a == b || swapped.startsWith("0000000", 1)) {
          continue;
        }
        boolean neighbours = Math.floorMod(a - b, 10) == 1 || Math.floorMod(b - a, 10) == 1;
        if (!neighbours) {
          assertReason(swapped, Reason.CHECK_DIGIT);
        } else {
          neighbourSwaps++;
          if (catchThrowableOfType(
                  InvalidCardNumberException.class, () -> CardNumber.parse(swapped))
              == null) {
            neighbourSwapsUnnoticed++;
          }
        }
      }
    }
    // one neighbouring pair in ten goes unnoticed at each place: about 10 % of neighbour swaps
    assertThat(neighbourSwapsUnnoticed).isPositive().isLessThan(neighbourSwaps / 5);
  }

  @Test
  void aSwapOfNeighbouringDigitsCanGoUnnoticed() {
    // after A (1, 0) the state is 4, where 12 and 21 lead to the same state
    CardNumber a1200001 = CardNumber.of('A', 1_200_001);
    String swapped = "A21" + a1200001.value().substring(3);

    assertThat(CardNumber.parse(swapped)).isEqualTo(CardNumber.of('A', 2_100_001));
  }

  @Test
  void detectsAWrongLetterWhoseValueSharesADigitWithTheRightOne() {
    Random random = new Random(1110);
    for (char right : LETTERS.toCharArray()) {
      for (char wrong : LETTERS.toCharArray()) {
        int r = right - 'A' + 10;
        int w = wrong - 'A' + 10;
        if (right != wrong && (r / 10 == w / 10 || r % 10 == w % 10)) {
          for (int i = 0; i < 50; i++) {
            CardNumber number = CardNumber.of(right, 1 + random.nextLong(CardNumber.MAX_SERIAL));
            assertReason(wrong + number.value().substring(1), Reason.CHECK_DIGIT);
          }
        }
      }
    }
  }

  @Test
  void aWrongLetterWithBothDigitsDifferentCanGoUnnoticed() {
    // A = 10 and S = 28 both leave the state at 4
    CardNumber a = CardNumber.of('A', 1_234_567);

    assertThat(CardNumber.parse("S" + a.value().substring(1)).serial()).isEqualTo(1_234_567L);
  }

  @Test
  void rejectsTheLetterSwappedWithTheFirstDigitAsMalformed() {
    String value = CardNumber.of('K', 7_654_321).value();

    assertReason(value.charAt(1) + "K" + value.substring(2), Reason.FORMAT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "X0000001", // 8 characters
        "X000000140", // 10 characters
        "100000014", // no letter
        "XX0000014",
        "X0000A014",
        "X0000-014",
        "Ｘ00000014", // full-width letter
        "X００000014"
      })
  void rejectsMalformedNumbersWithoutRepeatingThem(String text) {
    InvalidCardNumberException e = assertReason(text, Reason.FORMAT);

    assertThat(e.cardNumber()).isEmpty();
    assertThat(e.properties()).doesNotContainKey("cardNumber");
    if (!text.isEmpty()) {
      assertThat(e.getMessage()).doesNotContain(text);
    }
  }

  @Test
  void rejectsSerialZero() {
    String zero = "A0000000" + CardNumber.checkDigit("A0000000");

    assertThat(assertReason(zero, Reason.FORMAT).getMessage()).contains("0000000");
  }

  @Test
  void rejectsNull() {
    assertReason(null, Reason.FORMAT);
  }

  @Test
  void neverRepeatsLongInputOrACitizenIdTypedAsACardNumber() {
    String longInput = "X00000014".repeat(5);
    String citizenId = CitizenId.of(new RegionCode("110105"), LocalDate.of(1990, 3, 7), 42).value();

    InvalidCardNumberException tooLong = assertReason(longInput, Reason.FORMAT);
    InvalidCardNumberException idNumber = assertReason(citizenId, Reason.FORMAT);

    assertThat(tooLong.getMessage()).contains("has 45").doesNotContain("X00000014");
    assertThat(idNumber.getMessage() + idNumber.properties()).doesNotContain(citizenId);
  }

  @Test
  void repeatsAWellFormedNumberThatFailsItsCheckDigit() {
    InvalidCardNumberException e = assertReason("X00000015", Reason.CHECK_DIGIT);

    assertThat(e.kind()).isEqualTo(SscProblem.INVALID_CARD_NUMBER);
    assertThat(e.getMessage()).contains("X00000015");
    assertThat(e.cardNumber()).contains("X00000015");
    assertThat(e.properties())
        .containsEntry("reason", "check-digit")
        .containsEntry("cardNumber", "X00000015")
        .containsKey("errors");
  }

  @ParameterizedTest
  @CsvSource({"a, 1", "1, 1", "Ä, 1", "A, 0", "A, -1", "A, 10000000"})
  void ofRejectsASeriesOtherThanAToZOrASerialOutOfRange(char series, long serial) {
    assertThatIllegalArgumentException().isThrownBy(() -> CardNumber.of(series, serial));
  }

  /** Why {@code text} is rejected, or {@code null} if it is a card number. */
  private static Reason reasonFor(String text) {
    try {
      CardNumber.parse(text);
      return null;
    } catch (InvalidCardNumberException e) {
      return e.reason();
    }
  }

  private static InvalidCardNumberException assertReason(String text, Reason reason) {
    InvalidCardNumberException e =
        catchThrowableOfType(InvalidCardNumberException.class, () -> CardNumber.parse(text));
    assertThat(e).as("problem for %s", text).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.properties()).containsEntry("reason", reason.code());
    return e;
  }
}
