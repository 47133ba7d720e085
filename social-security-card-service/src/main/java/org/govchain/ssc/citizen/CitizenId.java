package org.govchain.ssc.citizen;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A 社会保障号码: the 18-character citizen identification number of GB 11643 — a six-digit GB/T 2260
 * region, the birth date {@code yyyyMMdd}, a three-digit sequence (odd for men, even for women) and
 * an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>Personal data: {@link #toString()} and every failure show it masked (first 6 and last 4) or
 * not at all; only {@link #value()} gives it in clear.
 */
public final class CitizenId {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** Birth dates are those of the person's day in China. */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final String value;
  private final RegionCode region;
  private final LocalDate birthDate;

  private CitizenId(String value, RegionCode region, LocalDate birthDate) {
    this.value = value;
    this.region = region;
    this.birthDate = birthDate;
  }

  /**
   * Parses a number as typed (surrounding whitespace removed, a final {@code x} upper-cased).
   *
   * @param clock today's date, in China, is the latest birth date accepted
   * @throws InvalidCitizenIdException with the reason: {@code format}, {@code check-character},
   *     {@code birth-date} or {@code region}
   */
  public static CitizenId parse(String text, Clock clock) {
    String value = text == null ? "" : text.strip();
    if (value.length() == 18 && value.charAt(17) == 'x') {
      value = value.substring(0, 17) + 'X';
    }
    if (value.length() != 18) {
      throw new InvalidCitizenIdException(
          InvalidCitizenIdException.Reason.FORMAT, null, "must be 18 characters");
    }
    for (int i = 0; i < 17; i++) {
      if (!isDigit(value.charAt(i))) {
        throw new InvalidCitizenIdException(
            InvalidCitizenIdException.Reason.FORMAT,
            null,
            "character " + (i + 1) + " must be a digit");
      }
    }
    char last = value.charAt(17);
    if (!isDigit(last) && last != 'X') {
      throw new InvalidCitizenIdException(
          InvalidCitizenIdException.Reason.FORMAT, null, "the last character must be 0-9 or X");
    }
    String masked = mask(value);
    char expected = checkCharacter(value.substring(0, 17));
    if (last != expected) {
      throw new InvalidCitizenIdException(
          InvalidCitizenIdException.Reason.CHECK_CHARACTER,
          masked,
          "the check character does not match");
    }
    String regionProblem = RegionCode.problem(value.substring(0, 6));
    if (regionProblem != null) {
      throw new InvalidCitizenIdException(
          InvalidCitizenIdException.Reason.REGION, masked, "region " + regionProblem);
    }
    LocalDate birth;
    try {
      birth =
          LocalDate.of(
              Integer.parseInt(value.substring(6, 10)),
              Integer.parseInt(value.substring(10, 12)),
              Integer.parseInt(value.substring(12, 14)));
    } catch (DateTimeException e) {
      throw new InvalidCitizenIdException(
          InvalidCitizenIdException.Reason.BIRTH_DATE, masked, "the birth date is not a date");
    }
    if (birth.isBefore(EARLIEST) || birth.isAfter(LocalDate.now(clock.withZone(CHINA)))) {
      throw new InvalidCitizenIdException(
          InvalidCitizenIdException.Reason.BIRTH_DATE,
          masked,
          "the birth date must be between 1900-01-01 and today");
    }
    return new CitizenId(value, new RegionCode(value.substring(0, 6)), birth);
  }

  /**
   * The number of a person born in {@code region} on {@code birthDate} with sequence {@code
   * sequence} (0..999), with its check character: how tests and samples make valid numbers.
   */
  public static CitizenId of(RegionCode region, LocalDate birthDate, int sequence) {
    if (sequence < 0 || sequence > 999) {
      throw new IllegalArgumentException("sequence must be 0..999: " + sequence);
    }
    if (birthDate.getYear() < 1000 || birthDate.getYear() > 9999) {
      throw new IllegalArgumentException("birth year must have four digits");
    }
    String first17 =
        region.value()
            + String.format(
                "%04d%02d%02d%03d",
                birthDate.getYear(),
                birthDate.getMonthValue(),
                birthDate.getDayOfMonth(),
                sequence);
    return new CitizenId(first17 + checkCharacter(first17), region, birthDate);
  }

  /** The MOD 11-2 check character of the first 17 digits. */
  public static char checkCharacter(CharSequence first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** The first 6 and the last 4 characters, the rest {@code *}: {@code 110105********1234}. */
  static String mask(String value) {
    return value.substring(0, 6)
        + "*".repeat(value.length() - 10)
        + value.substring(value.length() - 4);
  }

  /** The number in clear: personal data. */
  public String value() {
    return value;
  }

  public RegionCode region() {
    return region;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** {@code 110105********1234}. */
  public String masked() {
    return mask(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CitizenId other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Masked: a citizen ID never reaches a log line in clear. */
  @Override
  public String toString() {
    return masked();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
