package org.govchain.anchor.web.validation;

import java.util.Optional;

/**
 * What text a request may carry, in one place: no control characters (C0, DEL, C1 — NUL included),
 * no bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), no unpaired surrogates,
 * and line breaks (LF or CRLF) only in multi-line fields. Such text is refused rather than cleaned:
 * PostgreSQL refuses NUL, an unpaired surrogate has no UTF-8 encoding, and the rest would reach
 * seal certificates, PDF signatures, logs, CSV reports and public verification answers looking like
 * something else (a name that reads backwards, a line that seems to end).
 *
 * <p>Other line separators (a lone CR, NEL which is a C1 control, U+2028, U+2029) are refused even
 * in multi-line fields, so that every line break there is one of the two that everything reads
 * alike. {@link PlainText} applies these rules to request fields; code that reads text any other
 * way calls {@link #defect} itself.
 */
public final class TextRules {

  /** What is wrong with a text: the rule it breaks, said without quoting the text. */
  public enum Defect {
    CONTROL_CHARACTER("must not contain control characters (U+0000-U+001F, U+007F-U+009F)"),
    LINE_BREAK("must be a single line: no line breaks"),
    LINE_SEPARATOR("may break lines only with LF or CRLF (no lone CR, U+2028 or U+2029)"),
    BIDI_CONTROL(
        "must not contain bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069)"),
    UNPAIRED_SURROGATE("must be well-formed Unicode: an unpaired surrogate is not a character");

    private final String message;

    Defect(String message) {
      this.message = message;
    }

    /** The rule, for a problem's per-field message, in ASCII: quotes nothing of the text. */
    public String message() {
      return message;
    }
  }

  private TextRules() {}

  /**
   * The first rule {@code text} breaks, if any.
   *
   * @param multiline whether the field may hold several lines (LF or CRLF between them)
   */
  public static Optional<Defect> defect(CharSequence text, boolean multiline) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++; // a pair: a supplementary character, allowed
          continue;
        }
        return Optional.of(Defect.UNPAIRED_SURROGATE);
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of(Defect.UNPAIRED_SURROGATE);
      }
      if (c == '\n' || c == '\r') {
        if (!multiline) {
          return Optional.of(Defect.LINE_BREAK);
        }
        if (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n')) {
          return Optional.of(Defect.LINE_SEPARATOR);
        }
        continue;
      }
      if (c == '\u2028' || c == '\u2029') {
        return Optional.of(multiline ? Defect.LINE_SEPARATOR : Defect.LINE_BREAK);
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
        return Optional.of(Defect.CONTROL_CHARACTER);
      }
      if (isBidiControl(c)) {
        return Optional.of(Defect.BIDI_CONTROL);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code text} breaks none of the rules. */
  public static boolean isPlain(CharSequence text, boolean multiline) {
    return defect(text, multiline).isEmpty();
  }

  /** Unicode's Bidi_Control characters: ALM, LRM, RLM, LRE…RLO, LRI…PDI. */
  private static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
