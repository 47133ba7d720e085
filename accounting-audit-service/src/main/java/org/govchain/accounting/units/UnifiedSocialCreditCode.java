package org.govchain.accounting.units;

import java.util.Optional;
import org.govchain.anchor.web.region.RegionCode;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), the identifier of every unit the service
 * supervises: 18 characters from the 31 of {@link #CHARACTERS} (no {@code I O S V Z}).
 *
 * <ul>
 *   <li>1: the registration authority, 2: the institution type it registers ({@link
 *       RegistrationAuthority} holds the table of valid pairs);
 *   <li>3-8: the GB/T 2260 {@link RegionCode} of the registering authority, or {@value
 *       #NATIONAL_REGION} for a national-level authority (not a GB/T 2260 code, but the one the
 *       standard's administrators assign to central registrations);
 *   <li>9-17: the {@link OrganizationCode} (GB 11714), with its own check character;
 *   <li>18: the check character: with weights {@code 3^(i-1) mod 31} on characters {@code i} =
 *       1..17, the check value is {@code 31 - (Σ value × weight mod 31)}, 31 written as {@code 0}.
 * </ul>
 *
 * Credit codes are public (printed on licences and in registers); they are not personal data.
 */
public record UnifiedSocialCreditCode(String value) {

  /** The name used when the caller does not name the field the code came from. */
  public static final String DEFAULT_FIELD = "creditCode";

  /** The characters of a code, each at the index of its value (0-30). */
  public static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Characters 3-8 of a code registered by a national-level authority (e.g. a ministry). */
  public static final String NATIONAL_REGION = "100000";

  public static final int LENGTH = 18;

  /** {@code 3^(i-1) mod 31} for the positions i = 1..17. */
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  /** Upper-case letters the character set leaves out. */
  private static final String UNUSED_LETTERS = "IOSVZ";

  private static final int REGION_START = 2;
  private static final int ORGANIZATION_CODE_START = 8;

  /**
   * @throws InvalidCreditCodeException (field {@value #DEFAULT_FIELD}) if {@code value} is not a
   *     code
   */
  public UnifiedSocialCreditCode {
    Optional<String> defect = defect(value);
    if (defect.isPresent()) {
      throw new InvalidCreditCodeException(DEFAULT_FIELD, defect.get());
    }
  }

  /**
   * Parses a code as typed: surrounding whitespace removed, nothing else changed (a lower-case
   * letter is refused, not upper-cased: the code is copied from a licence, where it is upper case).
   *
   * @param field the request field or JSON path the code came from, named in the problem
   * @throws InvalidCreditCodeException if it is not 18 characters of the set, its authority and
   *     type are no pair of the table, its region is no region code, or either check character is
   *     wrong; checked in that order, the first failure reported
   */
  public static UnifiedSocialCreditCode parse(String text, String field) {
    String value = text == null ? null : text.strip();
    Optional<String> defect = defect(value);
    if (defect.isPresent()) {
      throw new InvalidCreditCodeException(field, defect.get());
    }
    return new UnifiedSocialCreditCode(value);
  }

  /**
   * The check character (character 18) of a code whose first 17 characters are {@code first17}; for
   * tests and sample data.
   *
   * @throws IllegalArgumentException if {@code first17} is not 17 characters of {@link #CHARACTERS}
   */
  public static char checkCharacter(CharSequence first17) {
    if (first17.length() != WEIGHTS.length) {
      throw new IllegalArgumentException("the check covers 17 characters, not " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = CHARACTERS.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("character " + (i + 1) + " is not a code character");
      }
      sum += value * WEIGHTS[i];
    }
    return CHARACTERS.charAt((31 - sum % 31) % 31);
  }

  /** Character 1: the authority the unit registered with. */
  public RegistrationAuthority registrationAuthority() {
    return RegistrationAuthority.of(value.charAt(0)).orElseThrow();
  }

  /** Character 2: the institution type, a code of {@link #registrationAuthority()}'s table. */
  public char institutionType() {
    return value.charAt(1);
  }

  /** Whether characters 3-8 are {@value #NATIONAL_REGION}: a national-level registration. */
  public boolean isNationalLevel() {
    return registrationRegion().equals(NATIONAL_REGION);
  }

  /** The registering authority's region; empty for a national-level registration. */
  public Optional<RegionCode> region() {
    return isNationalLevel() ? Optional.empty() : Optional.of(new RegionCode(registrationRegion()));
  }

  /** Characters 9-17: the GB 11714 organization code with its check character. */
  public String organizationCode() {
    return value.substring(ORGANIZATION_CODE_START, LENGTH - 1);
  }

  /**
   * Whether the unit registered with 机构编制 (authority {@code 1}): 机关, 事业单位 and the people's
   * organisations it manages, the units the Government Accounting System applies to.
   */
  public boolean isGovernmentUnit() {
    return registrationAuthority() == RegistrationAuthority.ORGANIZATION_ESTABLISHMENT;
  }

  @Override
  public String toString() {
    return value;
  }

  private String registrationRegion() {
    return value.substring(REGION_START, ORGANIZATION_CODE_START);
  }

  /** What makes {@code value} no code, without repeating it; empty if it is one. */
  private static Optional<String> defect(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("is missing");
    }
    if (value.length() != LENGTH) {
      return Optional.of("must be 18 characters, has " + value.length());
    }
    for (int i = 0; i < LENGTH; i++) {
      Optional<String> character = characterDefect(value.charAt(i), i + 1);
      if (character.isPresent()) {
        return character;
      }
    }
    return authorityDefect(value)
        .or(() -> regionDefect(value.substring(REGION_START, ORGANIZATION_CODE_START)))
        .or(() -> organizationCodeDefect(value.substring(ORGANIZATION_CODE_START, LENGTH - 1)))
        .or(() -> checkDefect(value));
  }

  private static Optional<String> characterDefect(char c, int position) {
    if (CHARACTERS.indexOf(c) >= 0) {
      return Optional.empty();
    }
    if (c >= 'a' && c <= 'z') {
      return Optional.of(
          "character " + position + " ('" + c + "') is lower case: codes use upper-case letters");
    }
    if (UNUSED_LETTERS.indexOf(c) >= 0) {
      return Optional.of(
          "character " + position + " ('" + c + "') is never used: codes have no I, O, S, V or Z");
    }
    return Optional.of(
        "character "
            + position
            + " must be a digit or an upper-case letter other than I, O, S, V, Z");
  }

  private static Optional<String> authorityDefect(String value) {
    char code = value.charAt(0);
    Optional<RegistrationAuthority> authority = RegistrationAuthority.of(code);
    if (authority.isEmpty()) {
      return Optional.of(
          "character 1 ('" + code + "') is no registration authority (1-9, A, N or Y)");
    }
    char type = value.charAt(1);
    if (!authority.get().registers(type)) {
      return Optional.of(
          "character 2 ('"
              + type
              + "') is no institution type of registration authority "
              + code
              + " ("
              + authority.get().label()
              + "), which registers "
              + authority.get().institutionTypes().keySet());
    }
    return Optional.empty();
  }

  private static Optional<String> regionDefect(String region) {
    for (int i = 0; i < region.length(); i++) {
      if (region.charAt(i) < '0' || region.charAt(i) > '9') {
        return Optional.of(
            "character "
                + (REGION_START + i + 1)
                + " must be a digit: characters 3-8 are the registering authority's region code");
      }
    }
    if (region.equals(NATIONAL_REGION)) {
      return Optional.empty();
    }
    return RegionCode.defect(region)
        .map(d -> "characters 3-8 (" + region + ") are no GB/T 2260 region code: " + d);
  }

  private static Optional<String> organizationCodeDefect(String organizationCode) {
    char expected = OrganizationCode.checkCharacter(organizationCode.substring(0, 8));
    char actual = organizationCode.charAt(8);
    if (actual == expected) {
      return Optional.empty();
    }
    return Optional.of(
        "character 17 ('"
            + actual
            + "') must be '"
            + expected
            + "', the check character of the organization code (characters 9-17, GB 11714)");
  }

  private static Optional<String> checkDefect(String value) {
    char expected = checkCharacter(value.substring(0, LENGTH - 1));
    char actual = value.charAt(LENGTH - 1);
    if (actual == expected) {
      return Optional.empty();
    }
    return Optional.of(
        "character 18 ('"
            + actual
            + "') must be '"
            + expected
            + "', the check character of the first 17 characters");
  }
}
