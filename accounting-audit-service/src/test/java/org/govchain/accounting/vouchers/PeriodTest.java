package org.govchain.accounting.vouchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.govchain.accounting.problems.AccountingProblem;
import org.govchain.anchor.web.problem.ProblemException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

  @ParameterizedTest
  @CsvSource({"2025-03, 2025, 3", "2000-01, 2000, 1", "2099-12, 2099, 12", "2019-10, 2019, 10"})
  void readsYyyyMm(String text, int year, int month) {
    Period period = Period.parse(text, "period");

    assertThat(period.year()).isEqualTo(year);
    assertThat(period.month()).isEqualTo(month);
    assertThat(period.yearMonth()).isEqualTo(YearMonth.of(year, month));
    assertThat(period).isEqualTo(Period.of(year, month)).hasToString(text);
  }

  @ParameterizedTest
  @NullAndEmptySource
  void refusesAMissingPeriod(String text) {
    assertThat(refusal(text).reason()).isEqualTo("is missing");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2025-3", "2025-003", "202503", " 2025-03", "2025-03 ", "2025-03-01", "25-03"})
  void refusesAnythingButSevenCharacters(String text) {
    assertThat(refusal(text).reason())
        .isEqualTo("must be yyyy-MM (7 characters), has " + text.length() + " characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025/03", "2025_03", "2025.03", "2025 03", "2025003"})
  void refusesAnotherSeparator(String text) {
    assertThat(refusal(text).reason()).isEqualTo("must be yyyy-MM: character 5 must be '-'");
  }

  @ParameterizedTest
  @CsvSource({"２025-03, 1", "2025-0a, 7", "20x5-03, 3", "-202-03, 1", "2025--3, 6", "2025-+3, 6"})
  void refusesAnythingButDigitsAroundTheHyphen(String text, int position) {
    assertThat(refusal(text).reason())
        .isEqualTo("must be yyyy-MM: character " + position + " must be a digit (0-9)");
  }

  @ParameterizedTest
  @CsvSource({"2025-00, 0", "2025-13, 13", "2025-99, 99"})
  void refusesAMonthOutside01To12(String text, int month) {
    assertThat(refusal(text).reason()).isEqualTo("month " + month + " is not 01-12");
  }

  @ParameterizedTest
  @CsvSource({"1999-12, 1999", "2100-01, 2100", "0225-01, 0225", "0000-01, 0000", "9999-12, 9999"})
  void refusesAYearOutside2000To2099(String text, String year) {
    assertThat(refusal(text).reason()).isEqualTo("year " + year + " is not 2000-2099");
  }

  @Test
  void startsOnTheFirstAndEndsOnTheLastDayOfTheMonth() {
    assertThat(Period.of(2025, 3).start()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(Period.of(2025, 3).end()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(Period.of(2025, 4).end()).isEqualTo(LocalDate.of(2025, 4, 30));
    assertThat(Period.of(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Period.of(2025, 2).end()).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(Period.of(2000, 2).end()).isEqualTo(LocalDate.of(2000, 2, 29));
  }

  @Test
  void containsTheDaysFromStartToEndAndNoOthers() {
    Period february = Period.of(2024, 2);

    assertThat(february.contains(LocalDate.of(2024, 2, 1))).isTrue();
    assertThat(february.contains(LocalDate.of(2024, 2, 29))).isTrue();
    assertThat(february.contains(LocalDate.of(2024, 1, 31))).isFalse();
    assertThat(february.contains(LocalDate.of(2024, 3, 1))).isFalse();
    assertThat(february.contains(LocalDate.of(2023, 2, 15))).isFalse();
    assertThat(Period.containing(LocalDate.of(2024, 2, 29))).isEqualTo(february);
  }

  @Test
  void stepsAcrossYearEnds() {
    assertThat(Period.of(2025, 12).next()).isEqualTo(Period.of(2026, 1));
    assertThat(Period.of(2026, 1).previous()).isEqualTo(Period.of(2025, 12));
    assertThat(Period.of(2025, 6).next()).isEqualTo(Period.of(2025, 7));
    assertThat(Period.of(2025, 6).previous()).isEqualTo(Period.of(2025, 5));
  }

  @Test
  void hasNoPeriodAfter2099OrBefore2000() {
    assertThat(refused(() -> Period.of(2099, 12).next()).reason())
        .isEqualTo("year 2100 is not 2000-2099");
    assertThat(refused(() -> Period.of(2000, 1).previous()).reason())
        .isEqualTo("year 1999 is not 2000-2099");
  }

  @ParameterizedTest
  @CsvSource({"1, false", "6, false", "11, false", "12, true"})
  void onlyDecemberEndsTheYear(int month, boolean yearEnd) {
    assertThat(Period.of(2025, month).isYearEnd()).isEqualTo(yearEnd);
  }

  @Test
  void ordersByTime() {
    List<Period> periods =
        List.of(Period.of(2025, 1), Period.of(2024, 12), Period.of(2025, 10), Period.of(2025, 2));

    assertThat(periods.stream().sorted().map(Period::toString))
        .containsExactly("2024-12", "2025-01", "2025-02", "2025-10");
  }

  @Test
  void theFactoriesAndTheConstructorCheckToo() {
    assertThat(refused(() -> Period.of(2025, 13)).reason()).isEqualTo("month 13 is not 01-12");
    assertThat(refused(() -> Period.of(2025, 0)).reason()).isEqualTo("month 0 is not 01-12");
    assertThat(refused(() -> Period.of(1999, 1)).field()).isEqualTo(Period.DEFAULT_FIELD);
    assertThat(refused(() -> new Period(YearMonth.of(2100, 1))).field())
        .isEqualTo(Period.DEFAULT_FIELD);
    assertThat(refused(() -> Period.containing(LocalDate.of(1999, 12, 31)))).isNotNull();
    assertThatNullPointerException().isThrownBy(() -> new Period(null));
  }

  @Test
  void isAnInvalidPeriodProblemNamingTheField() {
    InvalidPeriodException e =
        catchThrowableOfType(InvalidPeriodException.class, () -> Period.parse("2025-13", "to"));

    assertThat(e.kind()).isEqualTo(AccountingProblem.INVALID_PERIOD);
    assertThat(e.field()).isEqualTo("to");
    assertThat(e.getMessage()).isEqualTo("invalid period in to: month 13 is not 01-12");
    assertThat(e.properties())
        .containsOnlyKeys("field", "errors")
        .containsEntry("field", "to")
        .extractingByKey("errors")
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactly(FieldError.of("to", "month 13 is not 01-12"));
  }

  private static InvalidPeriodException refusal(String text) {
    return refused(() -> Period.parse(text, "period"));
  }

  private static InvalidPeriodException refused(ThrowingCallable call) {
    InvalidPeriodException e = catchThrowableOfType(InvalidPeriodException.class, call);
    assertThat(e).isNotNull();
    return e;
  }
}
