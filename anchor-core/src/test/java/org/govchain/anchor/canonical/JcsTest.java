package org.govchain.anchor.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonicalization, parsing and serialization of Java values, and what each rejects. */
class JcsTest {

  private static String canonical(String json) {
    return new String(Jcs.canonicalize(json), StandardCharsets.UTF_8);
  }

  @Test
  void sortsKeysByUtf16CodeUnitsNotCodePoints() {
    // U+FB33 (one UTF-16 unit 0xFB33) sorts after U+1F602 (surrogates 0xD83D 0xDE02).
    assertThat(canonical("{\"\\ufb33\":1,\"\\ud83d\\ude02\":2,\"a\":3}"))
        .isEqualTo("{\"a\":3,\"\uD83D\uDE02\":2,\"\uFB33\":1}");
  }

  @Test
  void escapesOnlyWhatJsonRequiresWithLowercaseHex() {
    assertThat(canonical("\"\\u001F\\u007f\\/\\u00e9\\b\\f\\n\\r\\t\\\"\\\\\""))
        .isEqualTo("\"\\u001f\u007f/\u00e9\\b\\f\\n\\r\\t\\\"\\\\\"");
  }

  @Test
  void removesWhitespaceAndNormalizesNumbers() {
    assertThat(canonical(" \t\r\n[ 1.0 , -0 , 1E2 , 0.000001 , 1e-7, 1e21 ] \n"))
        .isEqualTo("[1,0,100,0.000001,1e-7,1e+21]");
  }

  @Test
  void readsUnderflowingNumberAsZero() {
    assertThat(canonical("[1e-400]")).isEqualTo("[0]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{a:1}",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1e+",
        "+1",
        "0x10",
        "NaN",
        "Infinity",
        "-Infinity",
        "tru",
        "nul",
        "True",
        "'a'",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12G4\"",
        "[1] x",
        "{} {}",
        "\"a\tb\"",
        "\"a\nb\"",
        "// comment\n1",
        "[1]\u0000",
      })
  void rejectsTextThatIsNotJson(String text) {
    assertThatThrownBy(() -> Jcs.canonicalize(text)).isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void rejectsDuplicateMemberNamesWithTheirOffset() {
    assertThatThrownBy(() -> Jcs.canonicalize("{\"a\":1,\"b\":2,\"a\":3}"))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class,
            e -> {
              assertThat(e.offset()).isEqualTo(13);
              assertThat(e.reason()).contains("duplicate").contains("\"a\"");
            });
  }

  @Test
  void rejectsDuplicatesThatDifferOnlyInEscaping() {
    assertThatThrownBy(() -> Jcs.canonicalize("{\"a\":1,\"\\u0061\":2}"))
        .isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void rejectsTrailingGarbageWithItsOffset() {
    assertThatThrownBy(() -> Jcs.canonicalize("{\"a\":1}  ]"))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class, e -> assertThat(e.offset()).isEqualTo(9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e309", "-1e309", "[1e400000000000000000000]", "1.8e308"})
  void rejectsNumbersOutsideDoubleRange(String text) {
    assertThatThrownBy(() -> Jcs.canonicalize(text))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class, e -> assertThat(e.reason()).contains("double range"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800x\"",
        "\"\\ude02\\ud83d\""
      })
  void rejectsEscapedLoneSurrogates(String text) {
    assertThatThrownBy(() -> Jcs.canonicalize(text))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class, e -> assertThat(e.reason()).contains("surrogate"));
  }

  @Test
  void rejectsLoneSurrogateInJavaString() {
    assertThatThrownBy(() -> Jcs.canonicalize("\"a\uD800\""))
        .isInstanceOf(CanonicalJsonException.class);
    assertThatThrownBy(() -> Jcs.serialize("a\uDC00")).isInstanceOf(CanonicalJsonException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ff", // never valid
        "c0af", // overlong '/'
        "c1bf", // overlong
        "e080af", // overlong
        "eda080", // encoded surrogate U+D800
        "edbfbf", // encoded surrogate U+DFFF
        "f08282ac", // overlong
        "f4908080", // above U+10FFFF
        "f5808080", // invalid lead
        "c3", // truncated
        "e282", // truncated
        "80", // lone continuation
        "c328", // bad continuation
      })
  void rejectsInvalidUtf8InStrings(String hex) {
    byte[] body = java.util.HexFormat.of().parseHex(hex);
    byte[] json = new byte[body.length + 2];
    json[0] = '"';
    System.arraycopy(body, 0, json, 1, body.length);
    json[json.length - 1] = '"';

    assertThatThrownBy(() -> Jcs.canonicalize(json))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class,
            e -> {
              assertThat(e.reason()).containsIgnoringCase("utf-8");
              assertThat(e.offset()).isEqualTo(1);
            });
  }

  @Test
  void acceptsValidMultiByteUtf8AtTheEdges() {
    String text = "\"\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff\"";

    assertThat(canonical(text)).isEqualTo(text);
  }

  @Test
  void rejectsByteOrderMark() {
    byte[] json = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1'};

    assertThatThrownBy(() -> Jcs.canonicalize(json)).isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void rejectsNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    assertThatThrownBy(() -> Jcs.canonicalize(deep))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class, e -> assertThat(e.reason()).contains("nesting"));
  }

  @Test
  void parsesIntoImmutableModelWithLongsForExactIntegers() {
    Object parsed =
        Jcs.parse(
            "{\"b\":[1,1.5,-0,56.0,9007199254740992,9007199254740994,1e21],\"a\":null,\"c\":\"x\",\"d\":true}"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(parsed).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) parsed;
    assertThat(map.keySet()).containsExactly("a", "b", "c", "d");
    assertThat(map.get("a")).isNull();
    assertThat(map.containsKey("a")).isTrue();
    @SuppressWarnings("unchecked")
    List<Object> numbers = (List<Object>) map.get("b");
    assertThat(numbers)
        .containsExactly(1L, 1.5, 0L, 56L, 9007199254740992L, 9007199254740994.0, 1e21);
    assertThat(map.get("c")).isEqualTo("x");
    assertThat(map.get("d")).isEqualTo(true);
    assertThatThrownBy(() -> map.put("e", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> numbers.add(1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void serializesJavaValuesInAnyKeyOrderToTheSameBytes() {
    Map<String, Object> inner = new HashMap<>();
    inner.put("z", null);
    inner.put("y", List.of(true, false));
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("b", inner);
    first.put("a", "\u20ac");
    first.put("n", Arrays.asList(1, 2L, (short) 3, (byte) 4, 0.5, new BigDecimal("4.50")));
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("n", first.get("n"));
    second.put("a", first.get("a"));
    second.put("b", inner);

    byte[] bytes = Jcs.serialize(first);

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"a\":\"\u20ac\",\"b\":{\"y\":[true,false],\"z\":null},\"n\":[1,2,3,4,0.5,4.5]}");
    assertThat(Jcs.serialize(second)).isEqualTo(bytes);
    assertThat(Jcs.serialize(Jcs.parse(bytes))).isEqualTo(bytes);
  }

  @Test
  void serializesIntegersUpToTwoToThe53() {
    assertThat(Jcs.serialize(9007199254740992L)).asString().isEqualTo("9007199254740992");
    assertThat(Jcs.serialize(BigInteger.valueOf(-9007199254740992L)))
        .asString()
        .isEqualTo("-9007199254740992");
  }

  @Test
  void rejectsIntegersBeyondTwoToThe53WithTheirPath() {
    Map<String, Object> value = Map.of("data", Map.of("amounts", List.of(1, 9007199254740993L)));

    assertThatThrownBy(() -> Jcs.serialize(value))
        .isInstanceOfSatisfying(
            CanonicalJsonException.class,
            e -> {
              assertThat(e.path()).isEqualTo("/data/amounts/1");
              assertThat(e.offset()).isEqualTo(-1);
            });
    assertThatThrownBy(() -> Jcs.serialize(Long.MIN_VALUE))
        .isInstanceOf(CanonicalJsonException.class);
    assertThatThrownBy(() -> Jcs.serialize(BigInteger.TWO.pow(53).add(BigInteger.ONE)))
        .isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void acceptsDecimalsThatAreExactlyTheirCanonicalNumber() {
    assertThat(Jcs.serialize(new BigDecimal("0.1"))).asString().isEqualTo("0.1");
    assertThat(Jcs.serialize(new BigDecimal("1E+30"))).asString().isEqualTo("1e+30");
    assertThat(Jcs.serialize(new BigDecimal("-0.000"))).asString().isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0.10000000000000001", "9007199254740993", "1e400", "123456789.123456789123"})
  void rejectsDecimalsThatWouldBeRounded(String decimal) {
    assertThatThrownBy(() -> Jcs.serialize(new BigDecimal(decimal)))
        .isInstanceOf(CanonicalJsonException.class);
  }

  @Test
  void rejectsUnsupportedJavaValues() {
    Map<Object, Object> nonStringKey = new HashMap<>();
    nonStringKey.put(1, "x");
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);

    for (Object bad :
        List.of(
            nonStringKey,
            1.5f,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            new Object(),
            new int[] {1},
            java.time.Instant.EPOCH,
            cycle)) {
      assertThatThrownBy(() -> Jcs.serialize(bad))
          .as("%s", bad.getClass())
          .isInstanceOf(CanonicalJsonException.class);
    }
  }

  @Test
  void rejectsNullKey() {
    Map<String, Object> map = new HashMap<>();
    map.put(null, 1);

    assertThatThrownBy(() -> Jcs.serialize(map)).isInstanceOf(CanonicalJsonException.class);
  }
}
