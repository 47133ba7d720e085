/** RFC 8785 canonicalization: the cyberphone vectors, JcsTest's cases and ES number formatting. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { CanonicalJsonError, canonicalize, canonicalizeText, fromHex } from '../src/verify/index';
import { parseCanonicalJson } from '../src/verify/jcs';
import { bytes, text, VECTORS } from './support';

const canonical = (json: string) => text(canonicalizeText(bytes(json)));
const jcsFile = (path: string) => new Uint8Array(readFileSync(join(VECTORS, 'jcs', path)));

/** Asserts that `run` throws a CanonicalJsonError matching `expected`. */
function rejects(run: () => unknown, expected: Partial<CanonicalJsonError> = {}, label?: string) {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof CanonicalJsonError, `${label}: ${String(error)}`);
    for (const [key, value] of Object.entries(expected)) {
      assert.equal((error as unknown as Record<string, unknown>)[key], value, label);
    }
    return true;
  });
}

describe('cyberphone/json-canonicalization vectors', () => {
  for (const name of ['arrays', 'french', 'structures', 'unicode', 'values', 'weird']) {
    test(name, () => {
      const expected = jcsFile(`output/${name}.json`);
      const outhex = text(jcsFile(`outhex/${name}.txt`)).replace(/\s+/g, '');
      const result = canonicalizeText(jcsFile(`input/${name}.json`));
      assert.deepEqual(result, expected);
      assert.deepEqual(result, fromHex(outhex));
      assert.deepEqual(canonicalizeText(expected), expected, 'a fixed point');
    });
  }
});

describe('canonical form', () => {
  test('sorts keys by UTF-16 code units, not code points', () => {
    assert.equal(
      canonical('{"\\ufb33":1,"\\ud83d\\ude02":2,"a":3}'),
      '{"a":3,"\uD83D\uDE02":2,"\uFB33":1}',
    );
  });

  test('escapes only what JSON requires, with lowercase hex', () => {
    assert.equal(
      canonical('"\\u001F\\u007f\\/\\u00e9\\b\\f\\n\\r\\t\\"\\\\"'),
      '"\\u001f\u007f/\u00e9\\b\\f\\n\\r\\t\\"\\\\"',
    );
  });

  test('removes whitespace and normalizes numbers', () => {
    assert.equal(
      canonical(' \t\r\n[ 1.0 , -0 , 1E2 , 0.000001 , 1e-7, 1e21 ] \n'),
      '[1,0,100,0.000001,1e-7,1e+21]',
    );
  });

  test('reads an underflowing number as zero', () => {
    assert.equal(canonical('[1e-400]'), '[0]');
  });

  test('accepts valid multi-byte UTF-8 at the edges', () => {
    const edges = '"\u0080\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfff"';
    assert.equal(canonical(edges), edges);
  });

  test('parses numbers as doubles and objects as null-prototype objects', () => {
    const parsed = parseCanonicalJson(
      bytes('{"b":[1,1.5,-0,56.0,9007199254740992,9007199254740994,1e21],"a":null,"__proto__":1}'),
    ) as Record<string, unknown>;
    assert.deepEqual(parsed.b, [1, 1.5, -0, 56, 9007199254740992, 9007199254740994, 1e21]);
    assert.equal(parsed.a, null);
    assert.equal(parsed.__proto__, 1);
    assert.equal(Object.getPrototypeOf(parsed), null);
  });
});

describe('rejected text', () => {
  const notJson = [
    '',
    ' ',
    '{',
    '[1,]',
    '{"a":1,}',
    '[1 2]',
    '{"a" 1}',
    '{a:1}',
    '01',
    '-',
    '1.',
    '.5',
    '1e',
    '1e+',
    '+1',
    '0x10',
    'NaN',
    'Infinity',
    '-Infinity',
    'tru',
    'nul',
    'True',
    "'a'",
    '"abc',
    '"\\x"',
    '"\\u12"',
    '"\\u12G4"',
    '[1] x',
    '{} {}',
    '"a\tb"',
    '"a\nb"',
    '// comment\n1',
    '[1]\u0000',
  ];
  for (const json of notJson) {
    test(`not JSON: ${JSON.stringify(json)}`, () => rejects(() => canonical(json)));
  }

  test('duplicate member names, with their offset', () => {
    rejects(() => canonical('{"a":1,"b":2,"a":3}'), {
      offset: 13,
      reason: 'duplicate member name "a"',
      message: 'duplicate member name "a" at byte offset 13',
    });
  });

  test('duplicates that differ only in escaping', () => {
    rejects(() => canonical('{"a":1,"\\u0061":2}'));
  });

  test('trailing garbage, with its offset', () => {
    rejects(() => canonical('{"a":1}  ]'), { offset: 9 });
  });

  for (const json of ['1e309', '-1e309', '[1e400000000000000000000]', '1.8e308']) {
    test(`number outside the double range: ${json}`, () => {
      assert.throws(() => canonical(json), /outside the IEEE 754 double range/);
    });
  }

  for (const json of [
    '"\\ud800"',
    '"\\udc00"',
    '"\\ud800\\u0041"',
    '"\\ud800x"',
    '"\\ude02\\ud83d"',
  ]) {
    test(`escaped lone surrogate: ${json}`, () => {
      assert.throws(() => canonical(json), /surrogate/);
    });
  }

  const invalidUtf8 = [
    'ff',
    'c0af',
    'c1bf',
    'e080af',
    'eda080',
    'edbfbf',
    'f08282ac',
    'f4908080',
    'f5808080',
    'c3',
    'e282',
    '80',
    'c328',
  ];
  for (const body of invalidUtf8) {
    test(`invalid UTF-8 in a string: ${body}`, () => {
      const json = new Uint8Array([0x22, ...fromHex(body), 0x22]);
      assert.throws(
        () => canonicalizeText(json),
        (e: unknown) =>
          e instanceof CanonicalJsonError && /utf-8/i.test(e.reason) && e.offset === 1,
      );
    });
  }

  test('a byte-order mark', () => {
    rejects(() => canonicalizeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x31])));
  });

  test('nesting deeper than the limit, without overflowing the stack', () => {
    assert.throws(() => canonical('['.repeat(5000) + ']'.repeat(5000)), /nesting deeper than 1000/);
    assert.equal(
      canonical('['.repeat(1000) + ']'.repeat(1000)),
      '['.repeat(1000) + ']'.repeat(1000),
    );
  });
});

describe('canonicalize of JavaScript values', () => {
  test('writes any key order to the same bytes, Maps and bigints included', () => {
    const inner = { z: null, y: [true, false] };
    const first = { b: inner, a: '\u20ac', n: [1, 2n, 3, 0.5, 4.5, -0] };
    const second = new Map<string, unknown>([
      ['n', first.n],
      ['a', '\u20ac'],
      ['b', inner],
    ]);
    const expected = '{"a":"\u20ac","b":{"y":[true,false],"z":null},"n":[1,2,3,0.5,4.5,0]}';
    assert.equal(text(canonicalize(first)), expected);
    assert.equal(text(canonicalize(second)), expected);
    assert.equal(text(canonicalizeText(canonicalize(first))), expected);
  });

  test('bigints up to 2^53, refused beyond with the JSON Pointer of the value', () => {
    assert.equal(text(canonicalize(2n ** 53n)), '9007199254740992');
    assert.equal(text(canonicalize(-(2n ** 53n))), '-9007199254740992');
    rejects(() => canonicalize({ data: { 'a/b': [1, 2n ** 53n + 1n] } }), {
      path: '/data/a~1b/1',
      offset: -1,
      message: 'integer beyond ±2^53: 9007199254740993 at /data/a~1b/1',
    });
  });

  test('refuses what JSON cannot express', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    for (const bad of [
      NaN,
      Infinity,
      undefined,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Uint8Array(1),
      cycle,
      new Map([[1, 'x']]),
    ]) {
      rejects(() => canonicalize(bad), {}, String(bad));
    }
  });

  test('refuses lone surrogates in strings and keys', () => {
    rejects(() => canonicalize('a\uDC00'), {
      message: 'lone surrogate U+DC00 in string at the root value',
    });
    rejects(() => canonicalize({ ['k\uD800']: 1 }), { path: '/k\uD800' });
  });
});

describe('ECMAScript number formatting', () => {
  // RFC 8785 Appendix B, as EsNumbersTest runs it.
  const appendixB: Array<[string, string]> = [
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ];
  const view = new DataView(new ArrayBuffer(8));
  const fromBits = (bits: string) => {
    view.setBigUint64(0, BigInt('0x' + bits));
    return view.getFloat64(0);
  };

  test('RFC 8785 Appendix B samples', () => {
    for (const [bits, expected] of appendixB) {
      assert.equal(text(canonicalize(fromBits(bits))), expected, bits);
    }
  });

  test('every number of es-numbers/numbers.csv, written and read back', () => {
    const lines = text(new Uint8Array(readFileSync(join(VECTORS, 'es-numbers', 'numbers.csv'))))
      .split('\n')
      .filter((line) => line.length > 0);
    assert.equal(lines.length, 7000);
    for (const line of lines) {
      const [bits, expected] = line.split(',');
      assert.equal(text(canonicalize(fromBits(bits))), expected, line);
      assert.equal(canonical(expected), expected, line);
    }
  });
});
