package org.govchain.accounting.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Random;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.01",
        "0.10",
        "0.99",
        "1.00",
        "12.50",
        "100.00",
        "1234567.89",
        "999999999999999.99"
      })
  void acceptsPositiveAmountsWithTwoDecimalPlaces(String text) {
    BigDecimal amount = Amount.parse(text, "amount");

    assertThat(amount.scale()).isEqualTo(2);
    assertThat(amount).isEqualTo(new BigDecimal(text));
    assertThat(Amount.format(amount)).isEqualTo(text);
  }

  @Test
  void acceptsFifteenDigitsBeforeThePointAndNoMore() {
    assertThat(Amount.parse("100000000000000.00", "amount").precision()).isEqualTo(17);
    assertThat(refusal("1000000000000000.00").reason())
        .isEqualTo("must have at most 15 digits before the point, has 16");
  }

  @Test
  void ignoresSurroundingWhitespace() {
    assertThat(Amount.parse(" 12.50\t", "amount")).isEqualTo(new BigDecimal("12.50"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\n"})
  void refusesAMissingAmount(String text) {
    assertThat(refusal(text).reason()).isEqualTo("is missing");
  }

  @Test
  void refusesZero() {
    assertThat(refusal("0.00").reason()).isEqualTo("must be greater than 0.00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-12.50", "+12.50", "12.50-", "-0.00", "1-2.50"})
  void refusesASign(String text) {
    assertThat(refusal(text).reason())
        .isEqualTo("must not have a sign: amounts are positive, a red reversal is its own voucher");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2", "1E2", "1.25E2", "1E+2", "12.50e0"})
  void refusesAnExponent(String text) {
    assertThat(refusal(text).reason()).isEqualTo("must not have an exponent: write the digits out");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,234.50", "1_234.50", "1'234.50", "1，234.50", "12,50"})
  void refusesSeparators(String text) {
    assertThat(refusal(text).reason())
        .isEqualTo("must not have separators: write 1234567.89, not 1,234,567.89");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1 234.50", "12. 50", "12 .50", "1\u00a0234.50", "1\u3000234.50"})
  void refusesSpacesInside(String text) {
    assertThat(refusal(text).reason()).isEqualTo("must not contain spaces");
  }

  @ParameterizedTest
  @CsvSource({"¥12.50, 1", "12.5a, 5", "１２.50, 1", "0x10.00, 2", "12.50元, 6", "NaN, 1"})
  void refusesOtherCharacters(String text, int position) {
    assertThat(refusal(text).reason())
        .isEqualTo("character " + position + " must be a digit or the decimal point");
  }

  @ParameterizedTest
  @CsvSource({"12.5, 1", "12.345, 3", "12., 0", "12.5000, 4", "0.1, 1"})
  void refusesOtherThanTwoDecimalPlaces(String text, int decimals) {
    assertThat(refusal(text).reason())
        .isEqualTo("must have exactly two decimal places, e.g. 12.50, has " + decimals);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "1", "100", "1.2.30", "1..00"})
  void refusesAnythingButOneDecimalPoint(String text) {
    assertThat(refusal(text).reason())
        .isEqualTo("must have one decimal point and two decimal places, e.g. 12.50");
  }

  @Test
  void refusesAnAmountWithoutIntegerDigits() {
    assertThat(refusal(".50").reason()).isEqualTo("must have a digit before the decimal point");
  }

  @ParameterizedTest
  @ValueSource(strings = {"01.00", "00.50", "000.01", "0012.50"})
  void refusesLeadingZeros(String text) {
    assertThat(refusal(text).reason()).isEqualTo("must not have leading zeros");
  }

  @Test
  void everyRefusalMentionsTwoDecimalPlacesWhenTheyAreWrong() {
    for (String text : new String[] {"12.5", "12", "12.345"}) {
      assertThat(refusal(text).reason()).as(text).contains("two decimal places");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "12.5, 12.50",
    "-12.5, -12.50",
    "0, 0.00",
    "1E+3, 1000.00",
    "12.500, 12.50",
    "-0.01, -0.01",
    "999999999999999.99, 999999999999999.99"
  })
  void formatsPlainWithTwoDecimalPlaces(String amount, String text) {
    assertThat(Amount.format(new BigDecimal(amount))).isEqualTo(text);
  }

  @Test
  void formatRefusesFractionsOfAFen() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Amount.format(new BigDecimal("12.345")))
        .withMessageContaining("12.345");
    assertThatNullPointerException().isThrownBy(() -> Amount.format(null));
  }

  @Test
  void formatAndParseAreInverse() {
    Random random = new Random(17);
    for (int i = 0; i < 2000; i++) {
      BigDecimal amount = BigDecimal.valueOf(1 + random.nextLong(99_999_999_999L), 2);
      assertThat(Amount.parse(Amount.format(amount), "amount")).isEqualTo(amount);
    }
  }

  @Test
  void isAnInvalidAmountProblemNamingTheField() {
    InvalidAmountException e =
        catchThrowableOfType(
            InvalidAmountException.class, () -> Amount.parse("12.5", "lines[3].debit"));

    assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_AMOUNT);
    assertThat(e.field()).isEqualTo("lines[3].debit");
    assertThat(e.getMessage())
        .isEqualTo(
            "invalid amount in lines[3].debit: must have exactly two decimal places, e.g. 12.50,"
                + " has 1");
    assertThat(e.properties())
        .containsOnlyKeys("field", "errors")
        .containsEntry("field", "lines[3].debit")
        .extractingByKey("errors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly(FieldError.of("lines[3].debit", e.reason()));
  }

  private static InvalidAmountException refusal(String text) {
    InvalidAmountException e =
        catchThrowableOfType(InvalidAmountException.class, () -> Amount.parse(text, "amount"));
    assertThat(e).as("refusal of %s", text).isNotNull();
    return e;
  }
}
