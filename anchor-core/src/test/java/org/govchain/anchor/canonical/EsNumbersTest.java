package org.govchain.anchor.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ECMAScript number formatting: RFC 8785 Appendix B and numbers written by a JavaScript engine. */
class EsNumbersTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0000000000000000, 0",
    "8000000000000000, 0",
    "0000000000000001, 5e-324",
    "8000000000000001, -5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "ffefffffffffffff, -1.7976931348623157e+308",
    "4340000000000000, 9007199254740992",
    "c340000000000000, -9007199254740992",
    "4430000000000000, 295147905179352830000",
    "44b52d02c7e14af5, 9.999999999999997e+22",
    "44b52d02c7e14af6, 1e+23",
    "44b52d02c7e14af7, 1.0000000000000001e+23",
    "444b1ae4d6e2ef4e, 999999999999999700000",
    "444b1ae4d6e2ef4f, 999999999999999900000",
    "444b1ae4d6e2ef50, 1e+21",
    "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
    "3eb0c6f7a0b5ed8d, 0.000001",
    "41b3de4355555553, 333333333.3333332",
    "41b3de4355555554, 333333333.33333325",
    "41b3de4355555555, 333333333.3333333",
    "41b3de4355555556, 333333333.3333334",
    "41b3de4355555557, 333333333.33333343",
    "becbf647612f3696, -0.0000033333333333333333",
    "43143ff3c1cb0959, 1424953923781206.2",
  })
  void formatsRfc8785AppendixBSamples(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(EsNumbers.format(value)).isEqualTo(expected);
    assertThat(Jcs.serialize(value)).asString().isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
  void rejectsNanAndInfinitiesOfAppendixB(String bits) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThatThrownBy(() -> EsNumbers.format(value)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Jcs.serialize(value)).isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void writesShortestDigitsWhereJava17DoubleToStringWritesMore() {
    // JDK 17 prints these as 4.9E-324 and 7.1202363472230444E-307 (JDK-4511638).
    assertThat(EsNumbers.format(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(EsNumbers.format(Double.longBitsToDouble(0x0060000000000000L)))
        .isEqualTo("7.120236347223045e-307");
  }

  /**
   * numbers.csv holds 7000 doubles (every power of two and neighbours, values around the notation
   * thresholds, random bit patterns, short decimals) with the string a JavaScript engine wrote for
   * each; generate.mjs beside it regenerates it.
   */
  @Test
  void formatsEveryNumberLikeAJavaScriptEngine() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int lines = 0;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                EsNumbersTest.class.getResourceAsStream("/vectors/es-numbers/numbers.csv"),
                StandardCharsets.US_ASCII))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines++;
        String[] fields = line.split(",", 2);
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(fields[0], 16));
        String formatted = EsNumbers.format(value);
        if (!formatted.equals(fields[1])) {
          mismatches.add(fields[0] + ": expected " + fields[1] + " but was " + formatted);
        }
      }
    }

    assertThat(lines).isEqualTo(7000);
    assertThat(mismatches).isEmpty();
  }
}
