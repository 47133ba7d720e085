/**
 * How Java classifies and prints text, for the rules and reason strings ported from the Java
 * verifier (java.lang.Character, String.strip, String.valueOf of the JCS value model).
 */

const SPACE_CHAR = /^[\p{Zs}\p{Zl}\p{Zp}]$/u;

/** Character.isISOControl: U+0000–U+001F and U+007F–U+009F. */
export function isIsoControl(codePoint: number): boolean {
  return codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/** Character.isSpaceChar: a Unicode space, line or paragraph separator (Zs, Zl, Zp). */
export function isSpaceChar(codePoint: number): boolean {
  return SPACE_CHAR.test(String.fromCodePoint(codePoint));
}

/**
 * Character.isWhitespace: a separator other than the no-break spaces U+00A0, U+2007 and U+202F,
 * or one of U+0009–U+000D and U+001C–U+001F. (JavaScript's `\s` differs: it includes U+00A0 and
 * U+FEFF.)
 */
export function isJavaWhitespace(codePoint: number): boolean {
  if ((codePoint >= 0x09 && codePoint <= 0x0d) || (codePoint >= 0x1c && codePoint <= 0x1f)) {
    return true;
  }
  return (
    isSpaceChar(codePoint) && codePoint !== 0xa0 && codePoint !== 0x2007 && codePoint !== 0x202f
  );
}

/** Whether `text` contains a UTF-16 unit that Character.isISOControl accepts. */
export function hasIsoControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (isIsoControl(text.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}

/** String.strip: `text` without leading and trailing Java whitespace. */
export function javaStrip(text: string): string {
  const codePoints = [...text];
  let start = 0;
  let end = codePoints.length;
  while (start < end && isJavaWhitespace(codePoints[start].codePointAt(0)!)) {
    start++;
  }
  while (end > start && isJavaWhitespace(codePoints[end - 1].codePointAt(0)!)) {
    end--;
  }
  return codePoints.slice(start, end).join('');
}

/** String.isBlank: empty or Java whitespace only. */
export function isJavaBlank(text: string): boolean {
  return javaStrip(text).length === 0;
}

/** Index of the first lone surrogate in `text`, or -1 when it is well-formed UTF-16. */
export function loneSurrogateIndex(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        return i;
      }
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return i;
    }
  }
  return -1;
}

/** Whether `text` is well-formed UTF-16: every surrogate is part of a high-low pair. */
export function isWellFormed(text: string): boolean {
  return loneSurrogateIndex(text) < 0;
}

/** `value` as "U+XXXX" with at least four uppercase hex digits, as String.format("U+%04X"). */
export function codeUnitName(value: number): string {
  return 'U+' + value.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * String.valueOf of a value of the Java JCS model (Jcs.parse): whole numbers of magnitude at most
 * 2^53 print as a Java long, other numbers as Java's Double.toString, objects as "{a=1, b=x}" in
 * key order, arrays as "[1, x]", strings unquoted.
 */
export function javaValueString(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) <= 2 ** 53
      ? String(value)
      : javaDoubleString(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(javaValueString).join(', ') + ']';
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => key + '=' + javaValueString((value as Record<string, unknown>)[key]));
    return '{' + entries.join(', ') + '}';
  }
  return String(value);
}

/**
 * Double.toString of a finite double: plain decimal with at least one fraction digit from 10^-3
 * up to 10^7, else "d.dddE±n". Uses the shortest round-trip digits, as JDK 19 and later do (JDK
 * 17 occasionally printed one more digit).
 */
function javaDoubleString(value: number): string {
  const sign = value < 0 ? '-' : '';
  const magnitude = Math.abs(value);
  const [mantissa, exponentText] = magnitude.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    if (exponent < 0) {
      return sign + '0.' + '0'.repeat(-exponent - 1) + digits;
    }
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return sign + whole + '.' + (digits.slice(exponent + 1) || '0');
  }
  return sign + digits[0] + '.' + (digits.slice(1) || '0') + 'E' + exponent;
}
