/**
 * A strict RFC 8259 reader over UTF-8 bytes, ported from the Java JsonReader, with the same
 * messages and byte offsets. Unlike JSON.parse it refuses duplicate member names and keeps the
 * text of numbers where asked.
 */

/** Largest nesting of arrays and objects accepted, as in the Java reader. */
export const MAX_DEPTH = 1000;

/** JSON text or a value that is not acceptable (canonical) JSON; says where and why. */
export class CanonicalJsonError extends Error {
  /** What is wrong, without the location. */
  readonly reason: string;
  /** Byte offset in the JSON text where the problem was found, or -1 for a JavaScript value. */
  readonly offset: number;
  /** JSON Pointer to the offending JavaScript value; empty for the root and for JSON text. */
  readonly path: string;

  private constructor(reason: string, offset: number, path: string, message: string) {
    super(message);
    this.name = 'CanonicalJsonError';
    this.reason = reason;
    this.offset = offset;
    this.path = path;
  }

  /** A problem in JSON text at byte `offset`. */
  static atOffset(offset: number, reason: string): CanonicalJsonError {
    return new CanonicalJsonError(reason, offset, '', `${reason} at byte offset ${offset}`);
  }

  /** A problem with the JavaScript value at JSON Pointer `path`. */
  static atPath(path: string, reason: string): CanonicalJsonError {
    return new CanonicalJsonError(reason, -1, path, `${reason} at ${path || 'the root value'}`);
  }
}

/** A JSON number as written, for readers that must tell `1` from `1.0` (the bundle dialect). */
export class JsonNumberText {
  constructor(readonly text: string) {}
}

/**
 * What the reader accepts and builds:
 *
 * - `jcs`: the rules of Jcs.parse. No byte-order mark, no escaped lone surrogate, numbers that
 *   overflow a double are refused. Objects become null-prototype plain objects, numbers
 *   JavaScript numbers.
 * - `bundle`: the rules of the Jackson parser behind ProofBundleJson. A leading byte-order mark is
 *   skipped, escaped lone surrogates are kept in string values (not in member names), numbers are
 *   not evaluated. Objects become Maps (in
 *   document order), numbers {@link JsonNumberText}.
 *
 * Both refuse invalid UTF-8, raw control characters in strings, duplicate member names, nesting
 * deeper than {@link MAX_DEPTH} and anything after the value but whitespace.
 */
export type Dialect = 'jcs' | 'bundle';

/**
 * Reads one JSON value from UTF-8 `bytes`.
 *
 * @throws CanonicalJsonError with the byte offset of the first problem
 */
export function readJson(bytes: Uint8Array, dialect: Dialect): unknown {
  const reader = new Reader(bytes, dialect);
  if (dialect === 'bundle' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    reader.pos = 3;
  }
  reader.skipWhitespace();
  const value = reader.value(0);
  reader.skipWhitespace();
  if (reader.pos !== bytes.length) {
    throw reader.fail('trailing data after the JSON value');
  }
  return value;
}

class Reader {
  pos = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly dialect: Dialect,
  ) {}

  value(depth: number): unknown {
    if (this.pos >= this.input.length) {
      throw this.fail('unexpected end of input, expected a value');
    }
    const b = this.input[this.pos];
    switch (b) {
      case 0x7b: // {
        return this.object(depth + 1);
      case 0x5b: // [
        return this.array(depth + 1);
      case 0x22: // "
        return this.string();
      case 0x74: // t
        this.literal('true');
        return true;
      case 0x66: // f
        this.literal('false');
        return false;
      case 0x6e: // n
        this.literal('null');
        return null;
      default:
        if (b === 0x2d || isDigit(b)) {
          return this.number();
        }
        throw this.fail(`unexpected ${describe(b)}, expected a value`);
    }
  }

  private object(depth: number): unknown {
    this.checkDepth(depth);
    this.pos++; // '{'
    const members = new Map<string, unknown>();
    this.skipWhitespace();
    if (this.peek() === 0x7d) {
      this.pos++;
      return this.finishObject(members);
    }
    for (;;) {
      this.skipWhitespace();
      if (this.peek() !== 0x22) {
        throw this.fail('expected a string as member name');
      }
      const keyOffset = this.pos;
      const key = this.string(true);
      if (members.has(key)) {
        this.pos = keyOffset;
        throw this.fail(`duplicate member name "${key}"`);
      }
      this.skipWhitespace();
      this.expect(0x3a, ':');
      this.skipWhitespace();
      members.set(key, this.value(depth));
      this.skipWhitespace();
      const b = this.peek();
      this.pos++;
      if (b === 0x7d) {
        return this.finishObject(members);
      }
      if (b !== 0x2c) {
        this.pos--;
        throw this.fail("expected ',' or '}' in object");
      }
    }
  }

  /** The object as the dialect builds it. */
  private finishObject(members: Map<string, unknown>): unknown {
    if (this.dialect === 'bundle') {
      return members;
    }
    const object: Record<string, unknown> = Object.create(null);
    for (const [key, value] of members) {
      object[key] = value;
    }
    return object;
  }

  private array(depth: number): unknown[] {
    this.checkDepth(depth);
    this.pos++; // '['
    const elements: unknown[] = [];
    this.skipWhitespace();
    if (this.peek() === 0x5d) {
      this.pos++;
      return elements;
    }
    for (;;) {
      this.skipWhitespace();
      elements.push(this.value(depth));
      this.skipWhitespace();
      const b = this.peek();
      this.pos++;
      if (b === 0x5d) {
        return elements;
      }
      if (b !== 0x2c) {
        this.pos--;
        throw this.fail("expected ',' or ']' in array");
      }
    }
  }

  /** A string; `isName` for member names, where even Jackson refuses lone surrogates. */
  private string(isName = false): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.pos >= this.input.length) {
        this.pos = start;
        throw this.fail('unterminated string');
      }
      const b = this.input[this.pos];
      if (b === 0x22) {
        this.pos++;
        return out;
      } else if (b === 0x5c) {
        out += this.escape(isName);
      } else if (b < 0x20) {
        throw this.fail(`unescaped control character ${describe(b)} in string`);
      } else if (b < 0x80) {
        out += this.asciiRun();
      } else {
        out += String.fromCodePoint(this.utf8Sequence(b));
      }
    }
  }

  /** The run of plain printable ASCII (no quote or backslash) starting at pos. */
  private asciiRun(): string {
    const start = this.pos;
    let end = start;
    while (end < this.input.length) {
      const b = this.input[end];
      if (b < 0x20 || b >= 0x80 || b === 0x22 || b === 0x5c) {
        break;
      }
      end++;
    }
    this.pos = end;
    let out = '';
    for (let i = start; i < end; i += 8192) {
      out += String.fromCharCode(...this.input.subarray(i, Math.min(end, i + 8192)));
    }
    return out;
  }

  private escape(isName: boolean): string {
    const start = this.pos;
    this.pos++; // backslash
    if (this.pos >= this.input.length) {
      throw this.fail('unterminated escape');
    }
    const b = this.input[this.pos++];
    switch (b) {
      case 0x22:
        return '"';
      case 0x5c:
        return '\\';
      case 0x2f:
        return '/';
      case 0x62:
        return '\b';
      case 0x66:
        return '\f';
      case 0x6e:
        return '\n';
      case 0x72:
        return '\r';
      case 0x74:
        return '\t';
      case 0x75:
        return this.unicodeEscape(start, isName);
      default:
        this.pos = start;
        throw this.fail(`invalid escape \\${String.fromCharCode(b)}`);
    }
  }

  /**
   * The rest of a `\u` escape; a surrogate must pair with a following `\u` low surrogate, except
   * in bundle string values, where Jackson keeps lone ones.
   */
  private unicodeEscape(start: number, isName: boolean): string {
    const keepLone = this.dialect === 'bundle' && !isName;
    const c = this.hex4();
    if (isHighSurrogate(c)) {
      const afterHigh = this.pos;
      if (this.input[this.pos] === 0x5c && this.input[this.pos + 1] === 0x75) {
        this.pos += 2;
        const low = this.hex4();
        if (isLowSurrogate(low)) {
          return String.fromCharCode(c, low);
        }
      }
      if (keepLone) {
        this.pos = afterHigh;
        return String.fromCharCode(c);
      }
      this.pos = start;
      throw this.fail('lone high surrogate in \\u escape');
    }
    if (isLowSurrogate(c) && !keepLone) {
      this.pos = start;
      throw this.fail('lone low surrogate in \\u escape');
    }
    return String.fromCharCode(c);
  }

  private hex4(): number {
    if (this.pos + 4 > this.input.length) {
      throw this.fail('truncated \\u escape');
    }
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const digit = hexDigit(this.input[this.pos]);
      if (digit < 0) {
        throw this.fail('invalid hex digit in \\u escape');
      }
      value = value * 16 + digit;
      this.pos++;
    }
    return value;
  }

  /** Decodes one multi-byte UTF-8 sequence strictly (Unicode Table 3-7). */
  private utf8Sequence(lead: number): number {
    const start = this.pos;
    let length: number;
    let min = 0x80;
    let max = 0xbf;
    let codePoint: number;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
      codePoint = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      codePoint = lead & 0x0f;
      min = lead === 0xe0 ? 0xa0 : 0x80;
      max = lead === 0xed ? 0x9f : 0xbf; // no UTF-16 surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      codePoint = lead & 0x07;
      min = lead === 0xf0 ? 0x90 : 0x80;
      max = lead === 0xf4 ? 0x8f : 0xbf;
    } else {
      throw this.fail(`invalid UTF-8 lead byte ${describe(lead)}`);
    }
    for (let i = 1; i < length; i++) {
      const index = start + i;
      const b = index < this.input.length ? this.input[index] : -1;
      const lo = i === 1 ? min : 0x80;
      const hi = i === 1 ? max : 0xbf;
      if (b < lo || b > hi) {
        throw this.fail('invalid UTF-8 sequence');
      }
      codePoint = (codePoint << 6) | (b & 0x3f);
    }
    this.pos = start + length;
    return codePoint;
  }

  private number(): unknown {
    const start = this.pos;
    if (this.peek() === 0x2d) {
      this.pos++;
    }
    if (this.peek() === 0x30) {
      this.pos++;
    } else if (isDigit(this.peek())) {
      this.skipDigits();
    } else {
      throw this.fail('invalid number: expected a digit');
    }
    if (this.peek() === 0x2e) {
      this.pos++;
      if (!isDigit(this.peek())) {
        throw this.fail("invalid number: expected a digit after '.'");
      }
      this.skipDigits();
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      this.pos++;
      if (this.peek() === 0x2b || this.peek() === 0x2d) {
        this.pos++;
      }
      if (!isDigit(this.peek())) {
        throw this.fail('invalid number: expected a digit in the exponent');
      }
      this.skipDigits();
    }
    const text = String.fromCharCode(...this.input.subarray(start, this.pos));
    if (this.dialect === 'bundle') {
      return new JsonNumberText(text);
    }
    const value = Number(text);
    if (!Number.isFinite(value)) {
      this.pos = start;
      throw this.fail(`number outside the IEEE 754 double range: ${text}`);
    }
    return value;
  }

  private skipDigits(): void {
    while (isDigit(this.peek())) {
      this.pos++;
    }
  }

  private literal(word: string): void {
    for (let i = 0; i < word.length; i++) {
      if (this.pos + i >= this.input.length || this.input[this.pos + i] !== word.charCodeAt(i)) {
        throw this.fail(`invalid literal, expected ${word}`);
      }
    }
    this.pos += word.length;
  }

  private expect(byte: number, shown: string): void {
    if (this.peek() !== byte) {
      throw this.fail(`expected '${shown}'`);
    }
    this.pos++;
  }

  private peek(): number {
    return this.pos < this.input.length ? this.input[this.pos] : -1;
  }

  skipWhitespace(): void {
    while (this.pos < this.input.length) {
      const b = this.input[this.pos];
      if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
        return;
      }
      this.pos++;
    }
  }

  private checkDepth(depth: number): void {
    if (depth > MAX_DEPTH) {
      throw this.fail(`nesting deeper than ${MAX_DEPTH}`);
    }
  }

  fail(reason: string): CanonicalJsonError {
    const atEnd = this.pos >= this.input.length && !reason.startsWith('unexpected end');
    return CanonicalJsonError.atOffset(this.pos, atEnd ? `${reason} (at end of input)` : reason);
  }
}

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

function hexDigit(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x61 + 10;
  if (b >= 0x41 && b <= 0x46) return b - 0x41 + 10;
  return -1;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** A byte as the Java reader names it in messages. */
function describe(b: number): string {
  const code = b.toString(16).padStart(2, '0');
  if (b >= 0x20 && b < 0x7f) {
    return `'${String.fromCharCode(b)}' (0x${code})`;
  }
  return `byte 0x${code}`;
}
