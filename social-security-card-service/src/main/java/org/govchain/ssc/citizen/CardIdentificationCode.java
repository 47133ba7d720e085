package org.govchain.ssc.citizen;

import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.region.RegionCode;

/**
 * A card's identification code (识别码): 32 upper-case hexadecimal characters, the first six the
 * region code of the issuing region and the other 26 random (104 bits).
 */
public record CardIdentificationCode(String value) {

  /** The request field the code is read from, named in its problems. */
  public static final String FIELD = "cardIdentificationCode";

  public static final int LENGTH = 32;

  private static final String HEX_DIGITS = "0123456789ABCDEF";
  private static final int REGION_LENGTH = 6;

  /**
   * @throws ProblemException ({@code invalid-request} naming {@value #FIELD}) if {@code value} is
   *     not 32 upper-case hexadecimal characters beginning with a {@link RegionCode}
   */
  public CardIdentificationCode {
    Optional<String> defect = defect(value);
    if (defect.isPresent()) {
      throw ProblemException.invalidField(FIELD, defect.get());
    }
  }

  /**
   * A new code for a card issued in {@code issuingRegion}.
   *
   * @param random a {@link java.security.SecureRandom} in production: the code must not be guessed
   *     from the codes of other cards
   */
  public static CardIdentificationCode generate(RegionCode issuingRegion, RandomGenerator random) {
    Objects.requireNonNull(issuingRegion, "issuingRegion");
    Objects.requireNonNull(random, "random");
    StringBuilder code = new StringBuilder(LENGTH).append(issuingRegion.value());
    while (code.length() < LENGTH) {
      code.append(HEX_DIGITS.charAt(random.nextInt(HEX_DIGITS.length())));
    }
    return new CardIdentificationCode(code.toString());
  }

  /**
   * Parses a code as typed (surrounding whitespace removed, {@code a-f} upper-cased).
   *
   * @throws ProblemException ({@code invalid-request} naming {@value #FIELD}) if it is not a code
   */
  public static CardIdentificationCode parse(String text) {
    if (text == null) {
      throw ProblemException.invalidField(FIELD, "is missing");
    }
    return new CardIdentificationCode(Ascii.toUpperCase(text.strip()));
  }

  /** The issuing region: the first six characters. */
  public RegionCode region() {
    return new RegionCode(value.substring(0, REGION_LENGTH));
  }

  @Override
  public String toString() {
    return value;
  }

  /** What makes {@code value} no code, without repeating it; empty if it is one. */
  private static Optional<String> defect(String value) {
    if (value == null) {
      return Optional.of("is missing");
    }
    if (value.length() != LENGTH) {
      return Optional.of("must have " + LENGTH + " hexadecimal characters, has " + value.length());
    }
    for (int i = 0; i < LENGTH; i++) {
      if (!Ascii.isUpperHexDigit(value.charAt(i))) {
        return Optional.of("character " + (i + 1) + " must be a hexadecimal digit (0-9, A-F)");
      }
    }
    return RegionCode.defect(value.substring(0, REGION_LENGTH))
        .map(d -> "the first six characters must be the issuing region's code: " + d);
  }
}
