package org.govchain.accounting.redflags;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days government units work in mainland China: Monday to Friday, except the public holidays
 * the State Council announces each year, plus the weekend days it makes working days to bridge them
 * (调休上班日).
 *
 * <p>Read from {@value #RESOURCE}; see {@code calendar/README.md} there for the notices the data
 * comes from and its yearly update. In a year the data does not {@link #covers cover}, only
 * weekends are non-working days.
 */
public final class HolidayCalendar {

  /** The bundled data, on the class path. */
  public static final String RESOURCE = "/calendar/cn-public-holidays.csv";

  static final String HEADER = "date,kind,name";

  private final Map<LocalDate, Day> days;
  private final SortedSet<Integer> years;

  private HolidayCalendar(Map<LocalDate, Day> days) {
    this.days = Map.copyOf(days);
    this.years = new TreeSet<>();
    days.keySet().forEach(date -> years.add(date.getYear()));
  }

  /**
   * The bundled calendar. Reads the file on each call: load it once and keep it.
   *
   * @throws HolidayCalendarException if it is missing or malformed
   */
  public static HolidayCalendar load() {
    String source = RESOURCE.substring(1);
    try (InputStream in = HolidayCalendar.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new HolidayCalendarException(source, 0, "is not on the class path");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(reader.lines().toList(), source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * Reads calendar data: a header {@value #HEADER}, then one line per day {@code
   * yyyy-MM-dd,HOLIDAY|WORKDAY,name}. Blank lines and lines starting with {@code #} are comments.
   *
   * @param source names the data in errors
   * @throws HolidayCalendarException at the first line that is not a day or the header, has a date
   *     that is not {@code yyyy-MM-dd}, a kind other than HOLIDAY or WORKDAY, no name, a date
   *     listed before, or a WORKDAY on Monday to Friday (only a weekend day needs making a working
   *     day)
   */
  public static HolidayCalendar parse(List<String> lines, String source) {
    Map<LocalDate, Day> days = new HashMap<>();
    boolean header = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw new HolidayCalendarException(source, i + 1, "the header must be " + HEADER);
        }
        header = true;
        continue;
      }
      Day day = Day.parse(line, source, i + 1);
      if (days.put(day.date(), day) != null) {
        throw new HolidayCalendarException(source, i + 1, day.date() + " is listed twice");
      }
    }
    if (!header) {
      throw new HolidayCalendarException(source, 0, "has no header " + HEADER);
    }
    return new HolidayCalendar(days);
  }

  /** Whether the data holds the State Council's arrangements for {@code year}. */
  public boolean covers(int year) {
    return years.contains(year);
  }

  /** The years the data covers, in order. */
  public SortedSet<Integer> coveredYears() {
    return new TreeSet<>(years);
  }

  /**
   * Whether units work on {@code date}: an adjusted working day, or Monday to Friday and no public
   * holiday. In a year not {@link #covers covered}: Monday to Friday.
   */
  public boolean isWorkingDay(LocalDate date) {
    Day day = days.get(date);
    if (day != null) {
      return day.kind() == Kind.WORKDAY;
    }
    return !isWeekend(date);
  }

  /** Whether {@code date} is within a public holiday break (weekend days in the break included). */
  public boolean isHoliday(LocalDate date) {
    Day day = days.get(date);
    return day != null && day.kind() == Kind.HOLIDAY;
  }

  /** Whether {@code date} is a weekend day made a working day (调休上班日). */
  public boolean isAdjustedWorkingDay(LocalDate date) {
    Day day = days.get(date);
    return day != null && day.kind() == Kind.WORKDAY;
  }

  /** The holiday's name ({@code 春节}), or the adjusted working day's ({@code 春节调休上班}). */
  public Optional<String> nameOf(LocalDate date) {
    return Optional.ofNullable(days.get(date)).map(Day::name);
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek dayOfWeek = date.getDayOfWeek();
    return dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY;
  }

  /** What the State Council made of a day. */
  enum Kind {
    HOLIDAY,
    WORKDAY;

    static final Set<String> NAMES = Set.of("HOLIDAY", "WORKDAY");
  }

  private record Day(LocalDate date, Kind kind, String name) {

    static Day parse(String line, String source, int number) {
      String[] fields = line.split(",", -1);
      if (fields.length != 3) {
        throw new HolidayCalendarException(
            source, number, "must have 3 fields (" + HEADER + "), has " + fields.length);
      }
      LocalDate date;
      try {
        date = LocalDate.parse(fields[0].strip());
      } catch (DateTimeParseException e) {
        throw new HolidayCalendarException(
            source, number, "date must be yyyy-MM-dd, is \"" + fields[0] + "\"");
      }
      String kind = fields[1].strip();
      if (!Kind.NAMES.contains(kind)) {
        throw new HolidayCalendarException(
            source, number, "kind must be HOLIDAY or WORKDAY, is \"" + kind + "\"");
      }
      String name = fields[2].strip();
      if (name.isEmpty()) {
        throw new HolidayCalendarException(source, number, "the name is missing");
      }
      Kind dayKind = Kind.valueOf(kind);
      if (dayKind == Kind.WORKDAY && !isWeekend(date)) {
        throw new HolidayCalendarException(
            source,
            number,
            date + " is a " + date.getDayOfWeek() + ": only a weekend day can be a WORKDAY");
      }
      return new Day(date, dayKind, name);
    }
  }
}
