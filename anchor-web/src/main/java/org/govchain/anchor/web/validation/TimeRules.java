package org.govchain.anchor.web.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * The times a request may name: from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z inclusive (UTC),
 * and dates from 1970-01-01 to 9999-12-31. Java and JSON accept years up to a billion; nothing
 * downstream does — X.509 GeneralizedTime and RFC 3339 stop at 9999, PostgreSQL's timestamps at
 * 294276 — and nothing a government record dates lies before the Unix epoch. A time outside is the
 * caller's mistake (or probe), answered 422 {@code invalid-request} naming the field, before it can
 * fail somewhere deeper as a server error.
 *
 * <p>{@link SupportedTime} applies the range to request fields; code that parses dates from text
 * calls {@link #require(LocalDate, String)}. A service may narrow it for a field (the accounting
 * service's periods are 2000–2099), never widen it.
 */
public final class TimeRules {

  static final String FIRST_TEXT = "1970-01-01T00:00:00Z";
  static final String LAST_TEXT = "9999-12-31T23:59:59Z";

  /** The first instant a request may name. */
  public static final Instant FIRST = Instant.parse(FIRST_TEXT);

  /** The last instant a request may name. */
  public static final Instant LAST = Instant.parse(LAST_TEXT);

  /** The first date a request may name. */
  public static final LocalDate FIRST_DATE = LocalDate.ofInstant(FIRST, ZoneOffset.UTC);

  /** The last date a request may name. */
  public static final LocalDate LAST_DATE = LocalDate.ofInstant(LAST, ZoneOffset.UTC);

  /** The per-field message of a time outside the range. */
  public static final String MESSAGE = "must be from " + FIRST_TEXT + " to " + LAST_TEXT;

  /** The per-field message of a date outside the range. */
  public static final String DATE_MESSAGE = "must be a date from 1970-01-01 to 9999-12-31";

  private TimeRules() {}

  /** Whether {@code instant} lies in the range (both ends included). */
  public static boolean isSupported(Instant instant) {
    return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
  }

  /** Whether {@code date} lies in the range (both ends included). */
  public static boolean isSupported(LocalDate date) {
    return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
  }

  /** Whether {@code time} lies in the range, whatever its offset. */
  public static boolean isSupported(OffsetDateTime time) {
    return isSupported(time.toInstant());
  }

  /**
   * Returns {@code date} if it lies in the range.
   *
   * @throws ProblemException 422 {@code invalid-request} naming {@code field} if it does not
   */
  public static LocalDate require(LocalDate date, String field) {
    if (!isSupported(date)) {
      throw ProblemException.invalidField(field, DATE_MESSAGE);
    }
    return date;
  }
}
