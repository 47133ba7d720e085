package org.govchain.accounting.redflags;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RedFlagRule#NON_WORKING_DAY}: a voucher dated on a weekend day that is no adjusted working
 * day (调休上班日), or on a public holiday. In a year the {@link HolidayCalendar} does not cover only
 * weekends are known, and the explanation says so.
 */
final class NonWorkingDayCheck implements RuleCheck {

  @Override
  public Optional<Finding> check(VoucherFacts voucher, Context context, RedFlagSettings settings) {
    HolidayCalendar calendar = context.calendar();
    LocalDate date = voucher.date();
    if (calendar.isWorkingDay(date)) {
      return Optional.empty();
    }
    boolean covered = calendar.covers(date.getYear());
    String day =
        date + " (" + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("date", date.toString());
    numbers.put("dayOfWeek", date.getDayOfWeek().name());
    numbers.put("calendarCoversYear", covered);
    String explanation;
    if (calendar.isHoliday(date)) {
      String name = calendar.nameOf(date).orElseThrow();
      numbers.put("holiday", name);
      explanation = "dated " + day + ", a public holiday (" + name + ")";
    } else if (covered) {
      explanation = "dated " + day + ", a weekend day that is not an adjusted working day";
    } else {
      explanation =
          "dated "
              + day
              + ", a weekend day; the holiday calendar does not cover "
              + date.getYear()
              + ", so holidays and adjusted working days were not checked";
    }
    return Optional.of(new Finding(explanation, numbers));
  }
}
