/**
 * Byte helpers shared by the verifier: hex, base64 (accepting exactly what the Java side
 * accepts), UTF-8 and comparison.
 */

const HEX_DIGITS = '0123456789abcdef';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES: ReadonlyMap<string, number> = new Map(
  [...BASE64_ALPHABET].map((c, i) => [c, i]),
);

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

/** Lowercase hex of `bytes`, without prefix. */
export function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    out += HEX_DIGITS[b >> 4] + HEX_DIGITS[b & 15];
  }
  return out;
}

/**
 * The bytes of a hex string: an even number of hex digits of either case, optionally after `0x`.
 *
 * @throws TypeError for anything else
 */
export function fromHex(text: string): Uint8Array {
  const digits = text.startsWith('0x') ? text.slice(2) : text;
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) {
    throw new TypeError(`not an even number of hex digits: '${text}'`);
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) {
    out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  }
  return out;
}

/** Standard base64 with padding (RFC 4648 §4), as java.util.Base64.getEncoder() writes it. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64_ALPHABET[(n >> 18) & 63] + BASE64_ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64_ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64_ALPHABET[n & 63] : '=';
  }
  return out;
}

/**
 * Decodes standard base64 exactly as java.util.Base64.getDecoder() does, which the Java bundle
 * parser uses for `leafData`: the standard alphabet only, no whitespace; padding may be left out,
 * but where present it must complete the last 4-character unit; bits left over after the last
 * byte are ignored (so "QR==" reads as "QQ==").
 *
 * @throws TypeError naming what Java's decoder rejects
 */
export function fromBase64(text: string): Uint8Array {
  if (text.length === 0) {
    return new Uint8Array(0);
  }
  if (text.length < 2) {
    throw new TypeError('base64 input must have at least 2 characters');
  }
  const out: number[] = [];
  let bits = 0;
  let shift = 18;
  let pos = 0;
  while (pos < text.length) {
    const c = text[pos++];
    if (c === '=') {
      // "xx=" must be followed by a second '='; '=' right after a complete unit is refused.
      if ((shift === 6 && (pos === text.length || text[pos++] !== '=')) || shift === 18) {
        throw new TypeError('base64 input has a wrong 4-character ending unit');
      }
      break;
    }
    const value = BASE64_VALUES.get(c);
    if (value === undefined) {
      throw new TypeError(`illegal base64 character '${c}'`);
    }
    bits |= value << shift;
    shift -= 6;
    if (shift < 0) {
      out.push((bits >> 16) & 255, (bits >> 8) & 255, bits & 255);
      shift = 18;
      bits = 0;
    }
  }
  if (shift === 6) {
    out.push((bits >> 16) & 255);
  } else if (shift === 0) {
    out.push((bits >> 16) & 255, (bits >> 8) & 255);
  } else if (shift === 12) {
    throw new TypeError('the last base64 unit does not have enough valid bits');
  }
  if (pos < text.length) {
    throw new TypeError(`base64 input has an incorrect ending at ${pos}`);
  }
  return Uint8Array.from(out);
}

/**
 * The bytes of `text` if it is the one canonical padded standard base64 encoding of them (what
 * the signed-note rules require), otherwise null.
 */
export function fromCanonicalBase64(text: string): Uint8Array | null {
  try {
    const bytes = fromBase64(text);
    return base64(bytes) === text ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Base64url without padding, as Java's Base64.getUrlEncoder().withoutPadding() writes it (the
 * envelope salt's form).
 */
export function base64UrlNoPadding(bytes: Uint8Array): string {
  return base64(bytes).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

/** UTF-8 bytes of `text`; lone surrogates become U+FFFD. */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return utf8Encoder.encode(text);
}

/** Text of UTF-8 `bytes`, invalid sequences shown as U+FFFD (for display only). */
export function fromUtf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}

/** Whether `a` and `b` hold the same bytes. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The concatenation of `parts` in a fresh buffer (which WebCrypto accepts as BufferSource). */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
