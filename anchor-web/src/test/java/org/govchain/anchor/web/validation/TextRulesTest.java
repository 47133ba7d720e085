package org.govchain.anchor.web.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.IntStream;
import org.govchain.anchor.web.validation.TextRules.Defect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "华为技术有限公司",
        "O'Brien & Søn, S.A. — №7",
        "emoji \uD83D\uDE00 and a CJK extension B \uD840\uDC00",
        "zero-width joiner \u200D and non-joiner \u200C stay allowed",
        "Arabic العربية and Hebrew עברית without controls"
      })
  void ordinaryTextInAnyScriptIsPlain(String text) {
    assertThat(TextRules.defect(text, false)).isEmpty();
    assertThat(TextRules.defect(text, true)).isEmpty();
  }

  @Test
  void everyC0ControlDelAndC1ControlIsRefusedNulIncluded() {
    IntStream.concat(IntStream.range(0, 0x20), IntStream.rangeClosed(0x7F, 0x9F))
        .filter(c -> c != '\n' && c != '\r')
        .forEach(
            c -> {
              String text = "a" + (char) c + "b";
              assertThat(TextRules.defect(text, false))
                  .as("U+%04X", c)
                  .contains(Defect.CONTROL_CHARACTER);
              assertThat(TextRules.defect(text, true))
                  .as("U+%04X", c)
                  .contains(Defect.CONTROL_CHARACTER);
            });
  }

  @ParameterizedTest
  @ValueSource(
      chars = {
        '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066',
        '\u2067', '\u2068', '\u2069'
      })
  void everyBidiControlIsRefused(char c) {
    assertThat(TextRules.defect("name" + c, false)).contains(Defect.BIDI_CONTROL);
    assertThat(TextRules.defect("name" + c, true)).contains(Defect.BIDI_CONTROL);
  }

  @Test
  void theNeighboursOfTheBidiControlsAreNotRefused() {
    for (char c : new char[] {'\u061B', '\u061D', '\u200D', '\u202F', '\u2065', '\u206A'}) {
      assertThat(TextRules.defect("x" + c, false)).as("U+%04X", (int) c).isEmpty();
    }
  }

  @Test
  void unpairedSurrogatesAreRefusedWhereverTheyStand() {
    for (String text :
        new String[] {"\uD800", "a\uD800", "\uD800a", "\uDC00", "a\uDFFFb", "\uDC00\uD800"}) {
      assertThat(TextRules.defect(text, false))
          .as(escape(text))
          .contains(Defect.UNPAIRED_SURROGATE);
      assertThat(TextRules.defect(text, true)).as(escape(text)).contains(Defect.UNPAIRED_SURROGATE);
    }
  }

  @Test
  void lineBreaksAreLfOrCrlfAndOnlyInMultiLineFields() {
    assertThat(TextRules.defect("one\ntwo", false)).contains(Defect.LINE_BREAK);
    assertThat(TextRules.defect("one\r\ntwo", false)).contains(Defect.LINE_BREAK);
    assertThat(TextRules.defect("one\u2028two", false)).contains(Defect.LINE_BREAK);
    assertThat(TextRules.defect("one\ntwo\r\nthree\n", true)).isEmpty();
    assertThat(TextRules.defect("one\rtwo", true)).contains(Defect.LINE_SEPARATOR);
    assertThat(TextRules.defect("one\r", true)).contains(Defect.LINE_SEPARATOR);
    assertThat(TextRules.defect("one\u2028two", true)).contains(Defect.LINE_SEPARATOR);
    assertThat(TextRules.defect("one\u2029two", true)).contains(Defect.LINE_SEPARATOR);
    assertThat(TextRules.defect("one\u0085two", true)).contains(Defect.CONTROL_CHARACTER);
    assertThat(TextRules.defect("tab\there", true)).contains(Defect.CONTROL_CHARACTER);
  }

  @Test
  void theMessagesNameTheRuleInPlainAscii() {
    for (Defect defect : Defect.values()) {
      assertThat(defect.message()).isNotBlank().doesNotContain("{").doesNotContain("$");
      assertThat(defect.message().chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
      assertThat(TextRules.isPlain(defect.message(), false)).isTrue();
    }
    assertThat(TextRules.defect("a\u0000", false).map(Defect::message))
        .isEqualTo(Optional.of(Defect.CONTROL_CHARACTER.message()));
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
    return out.toString();
  }
}
