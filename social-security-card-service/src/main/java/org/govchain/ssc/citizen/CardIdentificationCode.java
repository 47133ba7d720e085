package org.govchain.ssc.citizen;

import java.util.HexFormat;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.govchain.anchor.web.problem.ProblemException;

/**
 * A card identification code (卡识别码): 32 upper-case hex characters, the first six the issuing
 * region's GB/T 2260 code, the other 26 random.
 */
public record CardIdentificationCode(String value) {

  private static final String FIELD = "cardIdentificationCode";

  public CardIdentificationCode {
    if (value == null || !value.matches("[0-9A-F]{32}")) {
      throw ProblemException.invalidField(FIELD, "32 hexadecimal characters");
    }
    if (RegionCode.problem(value.substring(0, 6)) != null) {
      throw ProblemException.invalidField(FIELD, "must begin with the issuing region's code");
    }
  }

  /** A fresh code of a card issued in {@code region}. */
  public static CardIdentificationCode generate(RegionCode region, RandomGenerator random) {
    byte[] bytes = new byte[13];
    random.nextBytes(bytes);
    return new CardIdentificationCode(
        region.value() + HexFormat.of().withUpperCase().formatHex(bytes));
  }

  /** A code as typed (surrounding whitespace removed, upper-cased). */
  public static CardIdentificationCode parse(String text) {
    return new CardIdentificationCode(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
  }

  /** The issuing region. */
  public RegionCode region() {
    return new RegionCode(value.substring(0, 6));
  }

  @Override
  public String toString() {
    return value;
  }
}
