package org.govchain.accounting.redflags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayCalendarTest {

  private static final HolidayCalendar CALENDAR = HolidayCalendar.load();

  @Test
  void coversTheYearsOfTheNoticesEnteredAndNoOthers() {
    assertThat(CALENDAR.coveredYears()).containsExactly(2024, 2025, 2026);
    assertThat(CALENDAR.covers(2023)).isFalse();
    assertThat(CALENDAR.covers(2027)).isFalse();
  }

  @Test
  void spendsTheSpringFestivalOf2025FromNewYearsEveToTheSeventhDay() {
    for (LocalDate day = LocalDate.of(2025, 1, 28);
        !day.isAfter(LocalDate.of(2025, 2, 4));
        day = day.plusDays(1)) {
      assertThat(CALENDAR.isHoliday(day)).as("%s", day).isTrue();
      assertThat(CALENDAR.isWorkingDay(day)).as("%s", day).isFalse();
      assertThat(CALENDAR.nameOf(day)).as("%s", day).contains("春节");
    }
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 1, 27))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.of(2025, 2, 5))).isTrue();
  }

  /**
   * Every holiday range of the three notices (国办发明电〔2023〕7号 for 2024, 国办发明电〔2024〕12号 for 2025, the
   * notice of 2025-11-04 for 2026), typed again here from the notices.
   */
  @ParameterizedTest(name = "{0} to {1} {2}")
  @CsvSource({
    "2024-01-01, 2024-01-01, 元旦",
    "2024-02-10, 2024-02-17, 春节",
    "2024-04-04, 2024-04-06, 清明节",
    "2024-05-01, 2024-05-05, 劳动节",
    "2024-06-10, 2024-06-10, 端午节",
    "2024-09-15, 2024-09-17, 中秋节",
    "2024-10-01, 2024-10-07, 国庆节",
    "2025-01-01, 2025-01-01, 元旦",
    "2025-01-28, 2025-02-04, 春节",
    "2025-04-04, 2025-04-06, 清明节",
    "2025-05-01, 2025-05-05, 劳动节",
    "2025-05-31, 2025-06-02, 端午节",
    "2025-10-01, 2025-10-08, 国庆节、中秋节",
    "2026-01-01, 2026-01-03, 元旦",
    "2026-02-15, 2026-02-23, 春节",
    "2026-04-04, 2026-04-06, 清明节",
    "2026-05-01, 2026-05-05, 劳动节",
    "2026-06-19, 2026-06-21, 端午节",
    "2026-09-25, 2026-09-27, 中秋节",
    "2026-10-01, 2026-10-07, 国庆节"
  })
  void knowsEachHolidayBreakOfTheNotices(LocalDate from, LocalDate to, String name) {
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      assertThat(CALENDAR.isHoliday(day)).as("%s", day).isTrue();
      assertThat(CALENDAR.isWorkingDay(day)).as("%s", day).isFalse();
      assertThat(CALENDAR.nameOf(day)).as("%s", day).contains(name);
    }
    assertThat(CALENDAR.isHoliday(from.minusDays(1))).isFalse();
    assertThat(CALENDAR.isHoliday(to.plusDays(1))).isFalse();
  }

  @Test
  void holdsNoHolidayBeyondTheNoticesBreaks() {
    assertThat(holidays(2024)).hasSize(1 + 8 + 3 + 5 + 1 + 3 + 7);
    assertThat(holidays(2025)).hasSize(1 + 8 + 3 + 5 + 3 + 8);
    assertThat(holidays(2026)).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
  }

  @Test
  void worksOnTheAdjustedWorkingDaysOfEachNoticeAndNoOtherWeekendDay() {
    assertThat(adjustedWorkingDays(2024))
        .containsExactly(
            "2024-02-04",
            "2024-02-18",
            "2024-04-07",
            "2024-04-28",
            "2024-05-11",
            "2024-09-14",
            "2024-09-29",
            "2024-10-12");
    assertThat(adjustedWorkingDays(2025))
        .containsExactly("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    assertThat(adjustedWorkingDays(2026))
        .containsExactly(
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
  }

  @ParameterizedTest
  @CsvSource({
    "2025-01-26, 春节调休上班",
    "2025-02-08, 春节调休上班",
    "2025-04-27, 劳动节调休上班",
    "2025-09-28, 国庆节、中秋节调休上班",
    "2024-02-18, 春节调休上班",
    "2026-01-04, 元旦调休上班",
    "2026-05-09, 劳动节调休上班"
  })
  void namesTheAdjustedWorkingDayAfterItsHoliday(LocalDate day, String name) {
    assertThat(HolidayCalendar.isWeekend(day)).isTrue();
    assertThat(CALENDAR.isWorkingDay(day)).isTrue();
    assertThat(CALENDAR.isAdjustedWorkingDay(day)).isTrue();
    assertThat(CALENDAR.isHoliday(day)).isFalse();
    assertThat(CALENDAR.nameOf(day)).contains(name);
  }

  @Test
  void nationalDay2026IsAHolidayOnAThursday() {
    LocalDate nationalDay = LocalDate.of(2026, 10, 1);

    assertThat(nationalDay.getDayOfWeek()).hasToString("THURSDAY");
    assertThat(CALENDAR.isHoliday(nationalDay)).isTrue();
    assertThat(CALENDAR.nameOf(nationalDay)).contains("国庆节");
  }

  @Test
  void newYearsEve2024WasAWorkingDayTheNoticeOnlyEncouragedGivingOff() {
    LocalDate newYearsEve = LocalDate.of(2024, 2, 9);

    assertThat(CALENDAR.isWorkingDay(newYearsEve)).isTrue();
    assertThat(CALENDAR.nameOf(newYearsEve)).isEmpty();
  }

  @Test
  void theSecondOfMayIsAStatutoryHolidayFrom2025() {
    assertThat(CALENDAR.isHoliday(LocalDate.of(2025, 5, 2))).isTrue();
    assertThat(CALENDAR.isHoliday(LocalDate.of(2026, 5, 2))).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "2025-03-12, true", // Wednesday
    "2025-03-15, false", // Saturday
    "2025-03-16, false", // Sunday
    "2025-12-31, true", // Wednesday
    "2026-12-31, true" // Thursday
  })
  void ordinaryDaysAreWhatTheWeekdaySays(LocalDate day, boolean working) {
    assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    assertThat(CALENDAR.isHoliday(day)).isFalse();
    assertThat(CALENDAR.nameOf(day)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "2023-10-01, false", // Sunday; National Day 2023 is not in the data
    "2027-03-07, false", // Sunday
    "2027-01-01, true", // Friday: surely New Year's Day, but no notice is entered
    "2027-10-01, true" // Friday: likewise
  })
  void knowsOnlyWeekendsInAYearItDoesNotCover(LocalDate day, boolean working) {
    assertThat(CALENDAR.covers(day.getYear())).isFalse();
    assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    assertThat(CALENDAR.isHoliday(day)).isFalse();
    assertThat(CALENDAR.nameOf(day)).isEmpty();
  }

  @Test
  void readsCommentsAndBlankLinesAnywhere() {
    HolidayCalendar calendar =
        HolidayCalendar.parse(
            List.of(
                "# a comment",
                "",
                "date,kind,name",
                "  # indented comment",
                "2030-01-01,HOLIDAY,元旦",
                "",
                "2030-01-05, WORKDAY , 元旦调休上班 "),
            "test.csv");

    assertThat(calendar.coveredYears()).containsExactly(2030);
    assertThat(calendar.isHoliday(LocalDate.of(2030, 1, 1))).isTrue();
    assertThat(calendar.nameOf(LocalDate.of(2030, 1, 5))).contains("元旦调休上班");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-01-01,HOLIDAY               | must have 3 fields (date,kind,name), has 2",
        "2025-01-01,HOLIDAY,元旦,extra     | must have 3 fields (date,kind,name), has 4",
        "2025-1-1,HOLIDAY,元旦             | date must be yyyy-MM-dd, is \"2025-1-1\"",
        "2025-02-30,HOLIDAY,元旦           | date must be yyyy-MM-dd, is \"2025-02-30\"",
        "01/01/2025,HOLIDAY,元旦           | date must be yyyy-MM-dd, is \"01/01/2025\"",
        "2025-01-01,holiday,元旦           | kind must be HOLIDAY or WORKDAY, is \"holiday\"",
        "2025-01-01,HOLIDY,元旦            | kind must be HOLIDAY or WORKDAY, is \"HOLIDY\"",
        "2025-01-01,HOLIDAY,              | the name is missing",
        "2025-01-27,WORKDAY,春节调休上班     | 2025-01-27 is a MONDAY: only a weekend day can be a WORKDAY"
      })
  void refusesAMalformedLineNamingIt(String line, String reason) {
    HolidayCalendarException e =
        refusal(List.of("# header next", "date,kind,name", "2025-01-28,HOLIDAY,春节", line));

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.source()).isEqualTo("test.csv");
    assertThat(e).hasMessage("test.csv line 4: " + reason);
  }

  @Test
  void refusesADayListedTwice() {
    HolidayCalendarException e =
        refusal(List.of("date,kind,name", "2025-01-28,HOLIDAY,春节", "2025-01-28,HOLIDAY,春节"));

    assertThat(e).hasMessage("test.csv line 3: 2025-01-28 is listed twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"date,kind", "Date,Kind,Name", "2025-01-28,HOLIDAY,春节"})
  void refusesDataWithoutTheHeader(String first) {
    HolidayCalendarException e = refusal(List.of(first, "2025-01-29,HOLIDAY,春节"));

    assertThat(e).hasMessage("test.csv line 1: the header must be date,kind,name");
  }

  @Test
  void refusesAnEmptyFile() {
    HolidayCalendarException e = refusal(List.of("# nothing but comments", ""));

    assertThat(e.line()).isZero();
    assertThat(e).hasMessage("test.csv: has no header date,kind,name");
  }

  private static HolidayCalendarException refusal(List<String> lines) {
    HolidayCalendarException e =
        catchThrowableOfType(
            HolidayCalendarException.class, () -> HolidayCalendar.parse(lines, "test.csv"));
    assertThat(e).isNotNull();
    return e;
  }

  private static List<LocalDate> holidays(int year) {
    return daysOf(year).filter(CALENDAR::isHoliday).toList();
  }

  private static List<String> adjustedWorkingDays(int year) {
    List<String> days = new ArrayList<>();
    daysOf(year)
        .filter(day -> HolidayCalendar.isWeekend(day) && CALENDAR.isWorkingDay(day))
        .forEach(day -> days.add(day.toString()));
    return days;
  }

  private static Stream<LocalDate> daysOf(int year) {
    return LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1));
  }
}
