package org.govchain.ssc.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.govchain.anchor.web.region.RegionCode;

/**
 * A citizen identification number (公民身份号码, GB 11643-1999), which is also the holder's social
 * security number (社会保障号码): personal data, so {@link #toString()} and every problem show it masked
 * ({@code 110105********1234}) and only {@link #value()} gives it in clear.
 *
 * <p>Its 18 characters are a GB/T 2260 region code (6 digits), the birth date ({@code yyyyMMdd}), a
 * sequence number (3 digits; odd for men, even for women) and an ISO 7064 MOD 11-2 check character:
 * with weights {@code 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2} on the first 17 digits, the check
 * character is {@code "10X98765432".charAt(sum % 11)}.
 */
public final class CitizenId {

  /** The earliest birth date a number may carry. */
  public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

  /** Where "today" is taken when a birth date is checked against it. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final int LENGTH = 18;
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private final String value;
  private final RegionCode region;
  private final LocalDate birthDate;

  private CitizenId(String value, RegionCode region, LocalDate birthDate) {
    this.value = value;
    this.region = region;
    this.birthDate = birthDate;
  }

  /**
   * Parses a number as typed: surrounding whitespace removed, a final {@code x} read as {@code X}.
   *
   * @param clock gives "today" (in {@link #ZONE}, whatever the clock's zone) for the birth date
   * @throws InvalidCitizenIdException with reason {@code format} (not 17 ASCII digits and a digit
   *     or {@code X}), {@code check-character}, {@code birth-date} (not a calendar date, before
   *     {@link #EARLIEST_BIRTH_DATE} or after today) or {@code region} (first six no {@link
   *     RegionCode}), checked in that order
   */
  public static CitizenId parse(String raw, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    String text = wellFormed(raw);
    if (checkCharacter(text) != text.charAt(LENGTH - 1)) {
      throw InvalidCitizenIdException.of(
          InvalidCitizenIdException.Reason.CHECK_CHARACTER,
          text,
          "the check character does not match the first 17 digits");
    }
    LocalDate birthDate = birthDate(text, LocalDate.ofInstant(clock.instant(), ZONE));
    Optional<String> regionDefect = RegionCode.defect(text.substring(0, 6));
    if (regionDefect.isPresent()) {
      throw InvalidCitizenIdException.of(
          InvalidCitizenIdException.Reason.REGION,
          text,
          "the region code " + text.substring(0, 6) + " is invalid: " + regionDefect.get());
    }
    return new CitizenId(text, new RegionCode(text.substring(0, 6)), birthDate);
  }

  /**
   * The number of the person born on {@code birthDate} with {@code sequence} in {@code region}, its
   * check character computed. Whether the birth date is after today is not checked here; {@link
   * #parse} does.
   *
   * @param sequence 0..999; odd for men, even for women
   * @throws IllegalArgumentException if {@code sequence} is out of range or the birth date is
   *     before {@link #EARLIEST_BIRTH_DATE} or after year 9999
   */
  public static CitizenId of(RegionCode region, LocalDate birthDate, int sequence) {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(birthDate, "birthDate");
    if (sequence < 0 || sequence > 999) {
      throw new IllegalArgumentException("sequence must be 0..999, was " + sequence);
    }
    if (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.getYear() > 9999) {
      throw new IllegalArgumentException("birth date must be from 1900-01-01 to 9999-12-31");
    }
    String first17 =
        String.format(
            Locale.ROOT,
            "%s%04d%02d%02d%03d",
            region.value(),
            birthDate.getYear(),
            birthDate.getMonthValue(),
            birthDate.getDayOfMonth(),
            sequence);
    return new CitizenId(first17 + checkCharacter(first17), region, birthDate);
  }

  /**
   * The check character for the first 17 characters of a number.
   *
   * <p>Precondition: {@code first17} has at least 17 characters, the first 17 ASCII digits.
   */
  public static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /** The number in clear: personal data, for storage encryption and authorised reads only. */
  public String value() {
    return value;
  }

  /** The region of the first six digits: where the number was first issued. */
  public RegionCode region() {
    return region;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** The first six and the last four characters with eight {@code *} between them. */
  public String masked() {
    return mask(value);
  }

  /** {@link #masked()}: the clear number never reaches a log line through this. */
  @Override
  public String toString() {
    return masked();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CitizenId that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Precondition: {@code number} has 18 characters. */
  static String mask(String number) {
    return number.substring(0, 6) + "********" + number.substring(14);
  }

  /** The stripped text with a final {@code X} upper-cased, if it has the number's format. */
  private static String wellFormed(String raw) {
    if (raw == null) {
      throw InvalidCitizenIdException.format("is missing");
    }
    String text = raw.strip();
    if (text.length() != LENGTH) {
      throw InvalidCitizenIdException.format("must have 18 characters, has " + text.length());
    }
    if (text.charAt(LENGTH - 1) == 'x') {
      text = text.substring(0, LENGTH - 1) + 'X';
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      if (!Ascii.isDigit(text.charAt(i))) {
        throw InvalidCitizenIdException.format("character " + (i + 1) + " must be a digit (0-9)");
      }
    }
    char last = text.charAt(LENGTH - 1);
    if (!Ascii.isDigit(last) && last != 'X') {
      throw InvalidCitizenIdException.format("character 18 must be a digit (0-9) or X");
    }
    return text;
  }

  /** The birth date of a well-formed number, if it is one from 1900-01-01 to {@code today}. */
  private static LocalDate birthDate(String text, LocalDate today) {
    int year = Integer.parseInt(text, 6, 10, 10);
    int month = Integer.parseInt(text, 10, 12, 10);
    int day = Integer.parseInt(text, 12, 14, 10);
    if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      throw birthDateProblem(text, "the birth date is not a calendar date");
    }
    LocalDate birthDate = LocalDate.of(year, month, day);
    if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
      throw birthDateProblem(text, "the birth date is before 1900-01-01");
    }
    if (birthDate.isAfter(today)) {
      throw birthDateProblem(text, "the birth date is after today");
    }
    return birthDate;
  }

  private static InvalidCitizenIdException birthDateProblem(String text, String message) {
    return InvalidCitizenIdException.of(InvalidCitizenIdException.Reason.BIRTH_DATE, text, message);
  }
}
