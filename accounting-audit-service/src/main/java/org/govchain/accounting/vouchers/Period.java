package org.govchain.accounting.vouchers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An accounting period: one calendar month, written {@code yyyy-MM} (e.g. {@code 2025-03}).
 * Vouchers are dated within their period and periods close one after another.
 *
 * <p>Years {@value #FIRST_YEAR}-{@value #LAST_YEAR} only: the Government Accounting System applies
 * from 2019 and earlier years leave room for migrated ledgers, while the bounds catch mistyped
 * years ({@code 0225}, {@code 2205}) that a calendar would accept. Not {@link java.time.Period}.
 */
public record Period(YearMonth yearMonth) implements Comparable<Period> {

  /** The name used when the caller does not name the field the period came from. */
  public static final String DEFAULT_FIELD = "period";

  public static final int FIRST_YEAR = 2000;
  public static final int LAST_YEAR = 2099;

  private static final int LENGTH = 7;

  /**
   * @throws InvalidPeriodException (field {@value #DEFAULT_FIELD}) if the year is not {@value
   *     #FIRST_YEAR}-{@value #LAST_YEAR}
   */
  public Period {
    Objects.requireNonNull(yearMonth, "yearMonth");
    if (yearMonth.getYear() < FIRST_YEAR || yearMonth.getYear() > LAST_YEAR) {
      throw new InvalidPeriodException(DEFAULT_FIELD, yearDefect(yearMonth.getYear()));
    }
  }

  /**
   * The period of {@code month} ({@code 1}-{@code 12}) in {@code year}.
   *
   * @throws InvalidPeriodException (field {@value #DEFAULT_FIELD}) if either is out of range
   */
  public static Period of(int year, int month) {
    if (month < 1 || month > 12) {
      throw new InvalidPeriodException(DEFAULT_FIELD, monthDefect(month));
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidPeriodException(DEFAULT_FIELD, yearDefect(year));
    }
    return new Period(YearMonth.of(year, month));
  }

  /** The period {@code date} falls in. */
  public static Period containing(LocalDate date) {
    return new Period(YearMonth.from(date));
  }

  /**
   * Reads a period written exactly {@code yyyy-MM}: seven characters, no whitespace, a two-digit
   * month.
   *
   * @param field the request field, query parameter or JSON path the period came from
   * @throws InvalidPeriodException if it is not that shape, the month is not {@code 01}-{@code 12}
   *     or the year is not {@value #FIRST_YEAR}-{@value #LAST_YEAR}
   */
  public static Period parse(String text, String field) {
    if (text == null || text.isEmpty()) {
      throw new InvalidPeriodException(field, "is missing");
    }
    if (text.length() != LENGTH) {
      throw new InvalidPeriodException(
          field, "must be yyyy-MM (7 characters), has " + text.length() + " characters");
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      if (i == 4 && c != '-') {
        throw new InvalidPeriodException(field, "must be yyyy-MM: character 5 must be '-'");
      }
      if (i != 4 && (c < '0' || c > '9')) {
        throw new InvalidPeriodException(
            field, "must be yyyy-MM: character " + (i + 1) + " must be a digit (0-9)");
      }
    }
    int year = Integer.parseInt(text.substring(0, 4));
    int month = Integer.parseInt(text.substring(5));
    if (month < 1 || month > 12) {
      throw new InvalidPeriodException(field, monthDefect(month));
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidPeriodException(field, yearDefect(year));
    }
    return new Period(YearMonth.of(year, month));
  }

  /** Whether {@code date} falls in this period. */
  public boolean contains(LocalDate date) {
    return YearMonth.from(date).equals(yearMonth);
  }

  /** The first day of the period. */
  public LocalDate start() {
    return yearMonth.atDay(1);
  }

  /** The last day of the period (28 February, 29 February in a leap year, …). */
  public LocalDate end() {
    return yearMonth.atEndOfMonth();
  }

  /**
   * The following month's period.
   *
   * @throws InvalidPeriodException after {@value #LAST_YEAR}-12
   */
  public Period next() {
    return new Period(yearMonth.plusMonths(1));
  }

  /**
   * The preceding month's period.
   *
   * @throws InvalidPeriodException before {@value #FIRST_YEAR}-01
   */
  public Period previous() {
    return new Period(yearMonth.minusMonths(1));
  }

  /** Whether it is December, the period whose closing closes the accounting year. */
  public boolean isYearEnd() {
    return yearMonth.getMonthValue() == 12;
  }

  public int year() {
    return yearMonth.getYear();
  }

  public int month() {
    return yearMonth.getMonthValue();
  }

  @Override
  public int compareTo(Period other) {
    return yearMonth.compareTo(other.yearMonth);
  }

  /** {@code yyyy-MM}, as {@link #parse} reads it. */
  @Override
  public String toString() {
    return yearMonth.toString();
  }

  private static String monthDefect(int month) {
    return "month " + month + " is not 01-12";
  }

  private static String yearDefect(int year) {
    return String.format("year %04d is not %d-%d", year, FIRST_YEAR, LAST_YEAR);
  }
}
