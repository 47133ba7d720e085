/**
 * RFC 8785 JSON Canonicalization Scheme, as the Java Jcs class implements it: parses strict JSON
 * and writes the one canonical UTF-8 form that GovChain hashes.
 *
 * Canonical form: no whitespace; object members sorted by the UTF-16 code units of their names;
 * strings escaped only where JSON requires it (`\"`, `\\`, `\b \f \n \r \t`, and `\u00xx` with
 * lowercase hex for the other control characters), everything else as raw UTF-8; numbers as
 * ECMAScript's Number.prototype.toString writes them (native here), -0 as 0.
 */

import { utf8 } from './bytes';
import { codeUnitName, loneSurrogateIndex } from './java-text';
import { CanonicalJsonError, MAX_DEPTH, readJson } from './json-reader';

const TWO_POW_53 = 2n ** 53n;

/**
 * Parses JSON text by the rules of Jcs.parse: a single RFC 8259 value with optional surrounding
 * whitespace; refuses invalid UTF-8, a byte-order mark, lone surrogates (raw or escaped),
 * duplicate member names, numbers that overflow a double and nesting deeper than 1000.
 *
 * @returns null-prototype objects, arrays, strings, numbers, booleans and null
 * @throws CanonicalJsonError naming the byte offset of the problem
 */
export function parseCanonicalJson(jsonUtf8: Uint8Array): unknown {
  return readJson(jsonUtf8, 'jcs');
}

/**
 * Canonicalizes JSON text: {@link parseCanonicalJson}, then {@link canonicalize}.
 *
 * @throws CanonicalJsonError if the text is not acceptable JSON
 */
export function canonicalizeText(jsonUtf8: Uint8Array): Uint8Array {
  return canonicalize(parseCanonicalJson(jsonUtf8));
}

/**
 * Writes a JavaScript value as canonical JSON in UTF-8.
 *
 * Accepted: plain objects (including null-prototype ones) and Maps with string keys, arrays,
 * well-formed strings, booleans, null, finite numbers and bigints of magnitude at most 2^53 (as
 * Java accepts BigInteger). Anything else, including undefined, NaN and other class instances, is
 * refused, as is nesting deeper than 1000 (which also catches cycles).
 *
 * @throws CanonicalJsonError naming the JSON Pointer of the offending value
 */
export function canonicalize(value: unknown): Uint8Array {
  const out: string[] = [];
  write(value, out, '', 0);
  return utf8(out.join(''));
}

function write(value: unknown, out: string[], path: string, depth: number): void {
  if (depth > MAX_DEPTH) {
    throw CanonicalJsonError.atPath(path, `nesting deeper than ${MAX_DEPTH} (a cycle?)`);
  }
  if (value === null) {
    out.push('null');
  } else if (typeof value === 'boolean') {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'string') {
    writeString(value, out, path);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw CanonicalJsonError.atPath(path, `not a finite number: ${value}`);
    }
    out.push(String(value));
  } else if (typeof value === 'bigint') {
    if (value > TWO_POW_53 || value < -TWO_POW_53) {
      throw CanonicalJsonError.atPath(path, `integer beyond ±2^53: ${value}`);
    }
    out.push(value.toString());
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((element, i) => {
      if (i > 0) {
        out.push(',');
      }
      write(element, out, `${path}/${i}`, depth + 1);
    });
    out.push(']');
  } else if (value instanceof Map || isPlainObject(value)) {
    writeObject(members(value, path), out, path, depth);
  } else {
    throw CanonicalJsonError.atPath(path, `unsupported JavaScript value ${describe(value)}`);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The members of a plain object or Map; Map keys must be strings. */
function members(value: Map<unknown, unknown> | Record<string, unknown>, path: string) {
  if (!(value instanceof Map)) {
    return Object.entries(value);
  }
  const entries: Array<[string, unknown]> = [];
  for (const [key, member] of value) {
    if (typeof key !== 'string') {
      throw CanonicalJsonError.atPath(path, `object key is not a string: ${String(key)}`);
    }
    entries.push([key, member]);
  }
  return entries;
}

function writeObject(
  entries: Array<[string, unknown]>,
  out: string[],
  path: string,
  depth: number,
): void {
  // Default string comparison is by UTF-16 code units, as RFC 8785 §3.2.3 requires.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('{');
  entries.forEach(([key, member], i) => {
    if (i > 0) {
      out.push(',');
    }
    const memberPath = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    writeString(key, out, memberPath);
    out.push(':');
    write(member, out, memberPath, depth + 1);
  });
  out.push('}');
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function writeString(text: string, out: string[], path: string): void {
  const lone = loneSurrogateIndex(text);
  if (lone >= 0) {
    throw CanonicalJsonError.atPath(
      path,
      `lone surrogate ${codeUnitName(text.charCodeAt(lone))} in string`,
    );
  }
  out.push('"');
  out.push(
    text.replace(/["\\\u0000-\u001f]/g, (c) => {
      return SHORT_ESCAPES[c] ?? '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }),
  );
  out.push('"');
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    return value.constructor?.name ?? 'object';
  }
  return typeof value;
}
