package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.govchain.accounting.redflags.RedFlagRule.NON_WORKING_DAY;
import static org.govchain.accounting.redflags.VoucherFixture.flag;
import static org.govchain.accounting.redflags.VoucherFixture.voucher;

import java.time.LocalDate;
import org.govchain.accounting.vouchers.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NonWorkingDayTest {

  @ParameterizedTest
  @CsvSource({
    "2025-01-29, 'dated 2025-01-29 (Wednesday), a public holiday (春节)'",
    "2025-02-01, 'dated 2025-02-01 (Saturday), a public holiday (春节)'",
    "2025-10-08, 'dated 2025-10-08 (Wednesday), a public holiday (国庆节、中秋节)'",
    "2026-10-01, 'dated 2026-10-01 (Thursday), a public holiday (国庆节)'",
    "2024-05-02, 'dated 2024-05-02 (Thursday), a public holiday (劳动节)'",
    "2025-03-15, 'dated 2025-03-15 (Saturday), a weekend day that is not an adjusted working day'",
    "2025-03-16, 'dated 2025-03-16 (Sunday), a weekend day that is not an adjusted working day'"
  })
  void tripsOnHolidaysAndOrdinaryWeekendDays(LocalDate date, String explanation) {
    Flag flag = flag(NON_WORKING_DAY, voucher().dated(date).build()).orElseThrow();

    assertThat(flag.explanation()).isEqualTo(explanation);
    assertThat(flag.numbers()).containsEntry("date", date.toString());
    assertThat(flag.severity()).isEqualTo(Severity.LOW);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-01-26", // Sunday, 春节调休上班
        "2025-02-08", // Saturday, 春节调休上班
        "2026-01-04", // Sunday, 元旦调休上班
        "2026-02-28", // Saturday, 春节调休上班
        "2024-02-09", // Friday, New Year's Eve 2024: rest only encouraged
        "2025-03-12", // Wednesday
        "2025-01-27" // Monday before the Spring Festival
      })
  void doesNotTripOnWorkingDaysAdjustedOnesIncluded(LocalDate date) {
    assertThat(flag(NON_WORKING_DAY, voucher().dated(date).build())).isEmpty();
  }

  @Test
  void givesTheNumbersOfAHoliday() {
    Flag flag =
        flag(NON_WORKING_DAY, voucher().dated(LocalDate.of(2025, 1, 29)).build()).orElseThrow();

    assertThat(flag.numbers())
        .containsExactly(
            entry("date", "2025-01-29"),
            entry("dayOfWeek", "WEDNESDAY"),
            entry("calendarCoversYear", true),
            entry("holiday", "春节"));
  }

  @Test
  void saysSoWhenTheCalendarDoesNotCoverTheYear() {
    Flag flag =
        flag(NON_WORKING_DAY, voucher().dated(LocalDate.of(2027, 3, 7)).build()).orElseThrow();

    assertThat(flag.explanation())
        .isEqualTo(
            "dated 2027-03-07 (Sunday), a weekend day; the holiday calendar does not cover 2027,"
                + " so holidays and adjusted working days were not checked");
    assertThat(flag.numbers())
        .containsEntry("calendarCoversYear", false)
        .doesNotContainKey("holiday");
  }

  @Test
  void cannotKnowTheHolidaysOfAYearItDoesNotCover() {
    // 1 October 2027 is surely National Day, but no notice for 2027 is entered
    assertThat(flag(NON_WORKING_DAY, voucher().dated(LocalDate.of(2027, 10, 1)).build())).isEmpty();
  }

  @Test
  void aReversalOnASundayTrips() {
    VoucherFacts reversal =
        voucher().dated(LocalDate.of(2025, 3, 16)).reversing(Period.of(2025, 2), 7, false).build();

    assertThat(flag(NON_WORKING_DAY, reversal)).isPresent();
  }

  @Test
  void aClosingEntryOnThePeriodsLastDayDoesNotTripWhateverTheDay() {
    // 31 August 2025 was a Sunday
    VoucherFacts closing =
        voucher().dated(LocalDate.of(2025, 8, 31)).kind(VoucherFacts.CLOSING).build();

    assertThat(flag(NON_WORKING_DAY, closing)).isEmpty();
  }
}
