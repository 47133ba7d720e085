package org.govchain.anchor.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of ECMAScript number formatting over random doubles: arbitrary bit patterns, short
 * decimals across the exponent range, and uniform doubles. The generator is seeded, so a failure
 * names a value that reproduces.
 */
class EsNumbersPropertiesTest {

  private static final long SEED = 0x6f76_6368_6169_6eL;

  static DoubleStream anyFiniteDouble() {
    Random random = new Random(SEED);
    return DoubleStream.generate(
            () ->
                switch (random.nextInt(3)) {
                  case 0 -> Double.longBitsToDouble(random.nextLong());
                  case 1 ->
                      (random.nextInt(19_999_999) - 9_999_999)
                          * Math.pow(10, random.nextInt(641) - 330);
                  default -> random.nextDouble() * Math.pow(2, random.nextInt(200) - 100);
                })
        .filter(Double::isFinite)
        .limit(3000);
  }

  @ParameterizedTest
  @MethodSource("anyFiniteDouble")
  void formattedNumberReadsBackAsTheSameDouble(double value) {
    String text = EsNumbers.format(value);

    assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
  }

  @ParameterizedTest
  @MethodSource("anyFiniteDouble")
  void noDecimalWithFewerDigitsReadsBackAsTheSameDouble(double value) {
    double magnitude = Math.abs(value);
    if (magnitude == 0) {
      return;
    }
    BigDecimal written = new BigDecimal(EsNumbers.format(magnitude)).stripTrailingZeros();
    int digits = written.precision();
    if (digits == 1) {
      return;
    }
    // The nearest (digits-1)-digit decimals on either side of the exact value are the only
    // candidates that could lie in the double's rounding interval; neither may read back.
    BigDecimal exact = new BigDecimal(magnitude);
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
      assertThat(Double.parseDouble(shorter.toString())).isNotEqualTo(magnitude);
    }
  }

  @ParameterizedTest
  @MethodSource("anyFiniteDouble")
  void formattedNumberHasNoMoreDigitsThanJavaDoubleToString(double value) {
    if (value == 0) {
      return;
    }
    int ours = new BigDecimal(EsNumbers.format(value)).stripTrailingZeros().precision();
    int javas = new BigDecimal(Double.toString(value)).stripTrailingZeros().precision();

    assertThat(ours).isLessThanOrEqualTo(javas);
  }

  @ParameterizedTest
  @MethodSource("anyFiniteDouble")
  void formattedNumberUsesEcmaScriptNotation(double value) {
    String text = EsNumbers.format(value);
    double magnitude = Math.abs(value);

    assertThat(text).doesNotContain("E").doesNotContain("+0").doesNotEndWith(".");
    if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
      assertThat(text).matches("-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*");
    } else {
      assertThat(text).matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    }
  }

  @ParameterizedTest
  @MethodSource("anyFiniteDouble")
  void canonicalizingANumberTwiceChangesNothing(double value) {
    byte[] once = Jcs.serialize(value);

    assertThat(Jcs.canonicalize(once)).isEqualTo(once);
  }
}
