/**
 * The leaf data of a GovChain log (DESIGN §2): one record change as RFC 8785 canonical JSON,
 * `{"data":{…},"log":"…","salt":"…","subject":"…","time":"…","type":"…","version":n}`, read with
 * the rules and messages of the Java EventEnvelope.
 */

import { base64UrlNoPadding, equalBytes, fromBase64 } from './bytes';
import { hasIsoControl, javaStrip, javaValueString } from './java-text';
import { canonicalize, parseCanonicalJson } from './jcs';
import { CanonicalJsonError } from './json-reader';

/** A parsed envelope; `time` is as written (`2026-11-28T18:00:00.000Z`), `data` a plain object. */
export interface EventEnvelope {
  log: string;
  type: string;
  subject: string;
  version: number;
  time: string;
  data: Record<string, unknown>;
  salt: string;
}

/** Bytes that break the envelope rules; names the member at fault, `$` for the whole envelope. */
export class InvalidEnvelopeError extends Error {
  /** The member at fault (`log`, `time`, …), or `$` for the bytes or the member set. */
  readonly member: string;
  /** What is wrong with it. */
  readonly reason: string;

  constructor(member: string, reason: string) {
    super(`${member}: ${reason}`);
    this.name = 'InvalidEnvelopeError';
    this.member = member;
    this.reason = reason;
  }
}

/** The {@link InvalidEnvelopeError.member} of problems of the envelope as a whole. */
export const WHOLE_ENVELOPE = '$';

// Sorted, as EventEnvelope names them in its messages.
const MEMBERS = ['data', 'log', 'salt', 'subject', 'time', 'type', 'version'];
const TYPE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*$/;
const TYPE_PATTERN_TEXT = '[a-z][a-z0-9-]*\\.[a-z][a-z0-9-.]*';
const SALT = /^[A-Za-z0-9_-]{43}$/;
const TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;
const MAX_VERSION = 2 ** 53;

/**
 * Reads stored leaf bytes strictly, as EventEnvelope.parse does: they must be exactly the RFC 8785
 * canonical JSON of an object with the seven members, checked in Java's order:
 *
 * - `version`: a whole number from 1 to 2^53;
 * - `time`: `yyyy-MM-ddTHH:mm:ss.SSSZ`, a valid date and time (no 24:00, no leap second);
 * - `data`: an object;
 * - `log`, `type`, `subject`, `salt`: strings;
 * - `log`: non-empty, no control characters, no leading or trailing whitespace;
 * - `type`: `[a-z][a-z0-9-]*\.[a-z][a-z0-9-.]*`;
 * - `subject`: non-empty, no control characters;
 * - `salt`: 43 base64url characters, the canonical unpadded encoding of 32 bytes.
 *
 * @throws InvalidEnvelopeError naming the member at fault, or `$` for bytes that are not canonical
 *     JSON or have other members
 */
export function parseEnvelope(bytes: Uint8Array): EventEnvelope {
  let parsed: unknown;
  let canonical: Uint8Array;
  try {
    parsed = parseCanonicalJson(bytes);
    canonical = canonicalize(parsed);
  } catch (error) {
    if (error instanceof CanonicalJsonError) {
      throw new InvalidEnvelopeError(WHOLE_ENVELOPE, `not JSON: ${error.message}`);
    }
    throw error;
  }
  if (!equalBytes(bytes, canonical)) {
    throw new InvalidEnvelopeError(WHOLE_ENVELOPE, 'not in RFC 8785 canonical form');
  }
  if (!isObject(parsed)) {
    throw new InvalidEnvelopeError(WHOLE_ENVELOPE, 'not an object');
  }
  const names = Object.keys(parsed).sort();
  if (names.length !== MEMBERS.length || names.some((name, i) => name !== MEMBERS[i])) {
    throw new InvalidEnvelopeError(
      WHOLE_ENVELOPE,
      `members must be exactly [${MEMBERS.join(', ')}] but are [${names.join(', ')}]`,
    );
  }
  const version = parsed.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || Math.abs(version) > 2 ** 53) {
    throw new InvalidEnvelopeError('version', `not an integer: ${javaValueString(version)}`);
  }
  const time = string(parsed, 'time');
  if (!TIME.test(time)) {
    throw new InvalidEnvelopeError('time', `not yyyy-MM-ddTHH:mm:ss.SSSZ: ${time}`);
  }
  if (!isValidDateTime(time)) {
    throw new InvalidEnvelopeError('time', `not a valid date and time: ${time}`);
  }
  const data = parsed.data;
  if (!isObject(data)) {
    throw new InvalidEnvelopeError('data', 'not an object');
  }
  const envelope: EventEnvelope = {
    log: string(parsed, 'log'),
    type: string(parsed, 'type'),
    subject: string(parsed, 'subject'),
    version,
    time,
    data,
    salt: string(parsed, 'salt'),
  };
  checkMembers(envelope);
  return envelope;
}

/** The EventEnvelope constructor's checks of the string and number members, in its order. */
function checkMembers(envelope: EventEnvelope): void {
  requireText('log', envelope.log, true);
  if (!TYPE.test(envelope.type)) {
    throw new InvalidEnvelopeError('type', `must match ${TYPE_PATTERN_TEXT}: ${envelope.type}`);
  }
  requireText('subject', envelope.subject, false);
  if (envelope.version < 1 || envelope.version > MAX_VERSION) {
    throw new InvalidEnvelopeError('version', `must be 1 to 2^53: ${envelope.version}`);
  }
  if (!SALT.test(envelope.salt)) {
    throw new InvalidEnvelopeError('salt', `must be 43 base64url characters: ${envelope.salt}`);
  }
  const raw = fromBase64(envelope.salt.replaceAll('-', '+').replaceAll('_', '/'));
  if (raw.length !== 32 || base64UrlNoPadding(raw) !== envelope.salt) {
    throw new InvalidEnvelopeError('salt', 'not the canonical encoding of 32 bytes');
  }
}

function requireText(member: string, value: string, trimmed: boolean): void {
  if (value.length === 0) {
    throw new InvalidEnvelopeError(member, 'missing or empty');
  }
  if (hasIsoControl(value)) {
    throw new InvalidEnvelopeError(member, 'contains control characters');
  }
  if (trimmed && javaStrip(value) !== value) {
    throw new InvalidEnvelopeError(member, 'has leading or trailing whitespace');
  }
}

function string(members: Record<string, unknown>, member: string): string {
  const value = members[member];
  if (typeof value !== 'string') {
    throw new InvalidEnvelopeError(member, `not a string: ${javaValueString(value)}`);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a `yyyy-MM-ddTHH:mm:ss.SSSZ` text is a real UTC date and time, as the STRICT resolver of
 * "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'" checks it: months 1–12, days of that month (proleptic Gregorian
 * leap years, year 0000 included), hours 0–23, minutes and seconds 0–59.
 */
function isValidDateTime(time: string): boolean {
  const [year, month, day, hour, minute, second] = time.match(/[0-9]+/g)!.map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= monthDays[month - 1] &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}
