package org.govchain.anchor.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of ECMAScript number formatting over random doubles. */
class EsNumbersPropertiesTest {

  @Provide
  Arbitrary<Double> anyFiniteDouble() {
    Arbitrary<Double> fromBits =
        Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
    Arbitrary<Double> shortDecimals =
        Arbitraries.integers()
            .between(-9_999_999, 9_999_999)
            .flatMap(
                digits ->
                    Arbitraries.integers()
                        .between(-330, 310)
                        .map(scale -> digits * Math.pow(10, scale))
                        .filter(Double::isFinite));
    return Arbitraries.oneOf(fromBits, shortDecimals, Arbitraries.doubles());
  }

  @Property(tries = 3000)
  void formattedNumberReadsBackAsTheSameDouble(@ForAll("anyFiniteDouble") double value) {
    String text = EsNumbers.format(value);

    assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
  }

  @Property(tries = 3000)
  void noDecimalWithFewerDigitsReadsBackAsTheSameDouble(@ForAll("anyFiniteDouble") double value) {
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

  @Property(tries = 2000)
  void formattedNumberHasNoMoreDigitsThanJavaDoubleToString(
      @ForAll("anyFiniteDouble") double value) {
    if (value == 0) {
      return;
    }
    int ours = new BigDecimal(EsNumbers.format(value)).stripTrailingZeros().precision();
    int javas = new BigDecimal(Double.toString(value)).stripTrailingZeros().precision();

    assertThat(ours).isLessThanOrEqualTo(javas);
  }

  @Property(tries = 2000)
  void formattedNumberUsesEcmaScriptNotation(@ForAll("anyFiniteDouble") double value) {
    String text = EsNumbers.format(value);
    double magnitude = Math.abs(value);

    assertThat(text).doesNotContain("E").doesNotContain("+0").doesNotEndWith(".");
    if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
      assertThat(text).matches("-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*");
    } else {
      assertThat(text).matches("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    }
  }

  @Property(tries = 1000)
  void canonicalizingANumberTwiceChangesNothing(@ForAll("anyFiniteDouble") double value) {
    byte[] once = Jcs.serialize(value);

    assertThat(Jcs.canonicalize(once)).isEqualTo(once);
  }
}
