/** The event envelope: canonical bytes, strict parsing and every rejection (EventEnvelopeTest). */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  canonicalize,
  canonicalizeText,
  InvalidEnvelopeError,
  parseEnvelope,
} from '../src/verify/index';
import { base64UrlNoPadding } from '../src/verify/bytes';
import { bytes, text } from './support';

const SALT = 'A'.repeat(42) + 'E'; // 32 bytes, canonical last character

function json(salt: string, extra = ''): string {
  return (
    `{"data":{"a":1},"log":"seal.govchain.example","salt":"${salt}","subject":"s-1",` +
    `"time":"2026-11-28T18:00:00.000Z","type":"seal.created","version":1${extra}}`
  );
}

/** Asserts that parsing `data` fails naming `member`, and returns the error. */
function rejected(data: Uint8Array, member: string, label?: string): InvalidEnvelopeError {
  let caught: unknown;
  assert.throws(
    () => parseEnvelope(data),
    (error: unknown) => {
      caught = error;
      return error instanceof InvalidEnvelopeError && error.member === member;
    },
    label,
  );
  return caught as InvalidEnvelopeError;
}

describe('event envelopes', () => {
  test('parses a hand-written canonical envelope', () => {
    assert.deepEqual(parseEnvelope(bytes(json(SALT))), {
      log: 'seal.govchain.example',
      type: 'seal.created',
      subject: 's-1',
      version: 1,
      time: '2026-11-28T18:00:00.000Z',
      data: Object.assign(Object.create(null), { a: 1 }),
      salt: SALT,
    });
  });

  test('round-trips an envelope canonicalized here with a fresh 32-byte salt', () => {
    const salt = base64UrlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
    const leaf = canonicalize({
      log: 'seal.govchain.example',
      type: 'seal.seal-created',
      subject: '3f2b8c1e-5d7a-4e8b-9c0d-1a2b3c4d5e6f',
      version: 1,
      time: '2026-11-28T18:00:00.123Z',
      data: {
        name: 'Municipal seal №1',
        holder: { unit: 'Finance', code: 42 },
        ratio: 0.25,
        tags: ['a', 'b'],
        revoked: null,
      },
      salt,
    });
    const envelope = parseEnvelope(leaf);
    assert.equal(envelope.salt, salt);
    assert.equal(envelope.data.ratio, 0.25);
    assert.deepEqual(canonicalize(envelope), leaf);
  });

  for (const bad of [' {}', '{"log":"x"}\n', 'not json']) {
    test(`rejects bytes that are not canonical JSON: ${JSON.stringify(bad)}`, () => {
      rejected(bytes(bad), '$');
    });
  }

  test('rejects a valid envelope with a non-canonical spelling', () => {
    const valid = json(SALT);
    const reordered = '{' + valid.slice(valid.indexOf('"log"'), -1) + ',"data":{"a":1}}';
    const spaced = valid.replace('"version":1', '"version": 1');
    const escaped = valid.replace('s-1', 's\\u002d1');
    const floatVersion = valid.replace('"version":1', '"version":1.0');
    for (const variant of [reordered, spaced, escaped, floatVersion]) {
      assert.notEqual(variant, valid);
      assert.equal(text(canonicalizeText(bytes(variant))), valid);
      const error = rejected(bytes(variant), '$', variant);
      assert.equal(error.message, '$: not in RFC 8785 canonical form');
    }
  });

  test('rejects missing or extra members', () => {
    const missing = json(SALT).replace(',"version":1', '');
    const extra = json(SALT, ',"zeta":0');
    for (const variant of [missing, extra, '[]', '{}']) {
      rejected(bytes(variant), '$', variant);
    }
    assert.equal(
      rejected(bytes(extra), '$').message,
      '$: members must be exactly [data, log, salt, subject, time, type, version] but are ' +
        '[data, log, salt, subject, time, type, version, zeta]',
    );
  });

  const brokenMembers: Array<[string, string, string]> = [
    ['log', '"log":"seal.govchain.example"', '"log":""'],
    ['log', '"log":"seal.govchain.example"', '"log":" seal"'],
    ['log', '"log":"seal.govchain.example"', '"log":"seal\\u2003"'],
    ['log', '"log":"seal.govchain.example"', '"log":"a\\nb"'],
    ['log', '"log":"seal.govchain.example"', '"log":7'],
    ['type', '"type":"seal.created"', '"type":"seal"'],
    ['type', '"type":"seal.created"', '"type":"Seal.created"'],
    ['type', '"type":"seal.created"', '"type":"seal."'],
    ['type', '"type":"seal.created"', '"type":"1seal.created"'],
    ['type', '"type":"seal.created"', '"type":"seal_x.created"'],
    ['type', '"type":"seal.created"', '"type":null'],
    ['subject', '"subject":"s-1"', '"subject":""'],
    ['subject', '"subject":"s-1"', '"subject":1'],
    ['version', '"version":1', '"version":0'],
    ['version', '"version":1', '"version":-1'],
    ['version', '"version":1', '"version":1.5'],
    ['version', '"version":1', '"version":"1"'],
    ['version', '"version":1', '"version":1e+21'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-11-28T18:00:00Z"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-11-28T18:00:00.000000Z"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-11-28T18:00:00.000+00:00"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-11-28t18:00:00.000z"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-02-30T18:00:00.000Z"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-11-28T24:00:00.000Z"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-11-28T23:59:60.000Z"'],
    ['time', '"time":"2026-11-28T18:00:00.000Z"', '"time":1795000000000'],
    ['data', '"data":{"a":1}', '"data":[1]'],
    ['data', '"data":{"a":1}', '"data":null'],
    ['salt', '"salt":"SALT"', '"salt":"AAAA"'],
    ['salt', '"salt":"SALT"', '"salt":"SALT="'],
    ['salt', '"salt":"SALT"', `"salt":"${'A'.repeat(42)}+E"`],
    ['salt', '"salt":"SALT"', `"salt":"${'A'.repeat(42)}F"`],
    ['salt', '"salt":"SALT"', `"salt":"${'A'.repeat(71)}"`],
  ];
  for (const [member, good, bad] of brokenMembers) {
    test(`names ${member} when ${bad}`, () => {
      const valid = json(SALT);
      const original = good.replace('SALT', SALT);
      assert.ok(valid.includes(original));
      // Re-canonicalize so only the member is wrong, not the byte form.
      const leaf = canonicalizeText(bytes(valid.replace(original, bad.replace('SALT', SALT))));
      rejected(leaf, member);
    });
  }

  test('reasons read as the Java ones', () => {
    const reason = (good: string, bad: string) => {
      const leaf = canonicalizeText(bytes(json(SALT).replace(good, bad)));
      return rejected(leaf, good.slice(1, good.indexOf('"', 1))).message;
    };
    assert.equal(
      reason('"type":"seal.created"', '"type":"seal"'),
      'type: must match [a-z][a-z0-9-]*\\.[a-z][a-z0-9-.]*: seal',
    );
    assert.equal(reason('"version":1', '"version":1.5'), 'version: not an integer: 1.5');
    assert.equal(reason('"version":1', '"version":1e+21'), 'version: not an integer: 1.0E21');
    assert.equal(reason('"version":1', '"version":0'), 'version: must be 1 to 2^53: 0');
    assert.equal(
      reason('"subject":"s-1"', '"subject":{"b":[1,"x"],"a":2.5}'),
      'subject: not a string: {a=2.5, b=[1, x]}',
    );
    assert.equal(
      reason('"time":"2026-11-28T18:00:00.000Z"', '"time":"2026-02-30T18:00:00.000Z"'),
      'time: not a valid date and time: 2026-02-30T18:00:00.000Z',
    );
    assert.equal(
      reason('"log":"seal.govchain.example"', '"log":" seal"'),
      'log: has leading or trailing whitespace',
    );
  });

  test('accepts the years 0000 and 9999 and a leap day', () => {
    for (const time of [
      '0000-02-29T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2024-02-29T12:00:00.000Z',
    ]) {
      const leaf = bytes(json(SALT).replace('2026-11-28T18:00:00.000Z', time));
      assert.equal(parseEnvelope(leaf).time, time);
    }
  });
});
