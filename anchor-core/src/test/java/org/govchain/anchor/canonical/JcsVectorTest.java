package org.govchain.anchor.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the cyberphone/json-canonicalization test data (input → output, outhex). */
class JcsVectorTest {

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalizesVectorInputToExpectedOutput(String name) throws IOException {
    byte[] input = resource("input/" + name + ".json");
    byte[] expected = resource("output/" + name + ".json");

    assertThat(Jcs.canonicalize(input)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalBytesMatchVectorHex(String name) throws IOException {
    String hex = new String(resource("outhex/" + name + ".txt"), StandardCharsets.US_ASCII);
    byte[] expected = HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));

    assertThat(Jcs.canonicalize(resource("input/" + name + ".json"))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalOutputIsAFixedPoint(String name) throws IOException {
    byte[] expected = resource("output/" + name + ".json");

    assertThat(Jcs.canonicalize(expected)).isEqualTo(expected);
    assertThat(Jcs.serialize(Jcs.parse(expected))).isEqualTo(expected);
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = JcsVectorTest.class.getResourceAsStream("/vectors/jcs/" + path)) {
      if (in == null) {
        throw new IOException("missing test resource " + path);
      }
      return in.readAllBytes();
    }
  }
}
