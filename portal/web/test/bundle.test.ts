/** Strict proof bundle parsing (ProofBundleJsonTest), with the JavaScript number limits. */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base64, hex, MalformedBundleError, parseBundle } from '../src/verify/index';
import { bytes, filled } from './support';

/** The Java test's sample bundle, as ProofBundleJson.write lays it out. */
function sample(): Record<string, unknown> & { anchor: Record<string, unknown> } {
  return {
    format: 'govchain.proof/v1',
    origin: 'seal.govchain.example',
    leafIndex: 3,
    leafData: base64(bytes('{"a":1}')),
    treeSize: 7,
    rootHash: hex(filled(9)),
    inclusionPath: [hex(filled(1)), hex(filled(2))],
    anchor: {
      chainId: 31337,
      contractAddress: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
      logId: '0x' + hex(filled(4)),
      transactionHash: '0x' + hex(filled(5)),
      blockNumber: 12,
      blockTime: '2026-11-28T18:00:00Z',
    },
  };
}

const write = (json: unknown) => JSON.stringify(json, null, 2);

/** Placeholder for a value to be written exactly as given (JSON.stringify would normalize it). */
const MARK = '@value@';
const withValue = (json: unknown, value: string) => write(json).replace(`"${MARK}"`, value);

/** Asserts that parsing `json` fails naming `field`, and returns the message. */
function rejected(json: string, field: string, label?: string): string {
  let message = '';
  assert.throws(
    () => parseBundle(json),
    (error: unknown) => {
      assert.ok(error instanceof MalformedBundleError, `${label}: ${String(error)}`);
      assert.equal(error.field, field, `${label}: ${error.message}`);
      message = error.message;
      return true;
    },
  );
  return message;
}

describe('proof bundle parsing', () => {
  test('reads every field of a written bundle', () => {
    assert.deepEqual(parseBundle(write(sample())), {
      origin: 'seal.govchain.example',
      leafIndex: 3,
      leafData: bytes('{"a":1}'),
      treeSize: 7,
      rootHash: filled(9),
      inclusionPath: [filled(1), filled(2)],
      checkpoint: null,
      anchor: {
        chainId: 31337,
        contractAddress: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
        logId: filled(4),
        transactionHash: filled(5),
        blockNumber: 12,
        blockTime: '2026-11-28T18:00:00Z',
      },
    });
  });

  test('keeps the signed checkpoint note', () => {
    const note = 'seal.govchain.example\n7\nAAAA\n\n\u2014 k sig\n';
    assert.equal(parseBundle(write({ ...sample(), checkpoint: note })).checkpoint, note);
  });

  const wrongFields: Array<[string, string, string]> = [
    ['format', '"govchain.proof/v2"', 'format'],
    ['origin', '42', 'origin'],
    ['origin', '" "', '$'],
    ['leafIndex', '-1', 'leafIndex'],
    ['leafIndex', '1.5', 'leafIndex'],
    ['leafIndex', '3.0', 'leafIndex'],
    ['leafIndex', '3e0', 'leafIndex'],
    ['leafIndex', '7', '$'],
    ['leafIndex', '9223372036854775808', 'leafIndex'],
    ['leafIndex', '9007199254740992', '$'],
    ['treeSize', '"7"', 'treeSize'],
    ['treeSize', '0', '$'],
    ['leafData', '"***"', 'leafData'],
    ['leafData', '"QQ="', 'leafData'],
    ['rootHash', '"0909"', 'rootHash'],
    ['rootHash', `"${'0A'.repeat(32)}"`, 'rootHash'],
    ['inclusionPath', '"01"', 'inclusionPath'],
    ['inclusionPath', '["zz"]', 'inclusionPath[0]'],
    ['inclusionPath', '[1]', 'inclusionPath[0]'],
    ['checkpoint', 'null', 'checkpoint'],
    ['anchor', '[]', 'anchor'],
    ['surprise', 'true', 'surprise'],
  ];
  for (const [field, value, reported] of wrongFields) {
    test(`${field} = ${value} is rejected naming ${reported}`, () => {
      rejected(withValue({ ...sample(), [field]: MARK }, value), reported, value);
    });
  }

  const wrongAnchorFields: Array<[string, string, string]> = [
    ['chainId', '0', 'anchor'],
    ['chainId', '"31337"', 'anchor.chainId'],
    ['contractAddress', '"0x1234"', 'anchor'],
    ['logId', `"${'04'.repeat(32)}"`, 'anchor.logId'],
    ['transactionHash', '"0x05"', 'anchor.transactionHash'],
    ['blockNumber', '-3', 'anchor.blockNumber'],
    ['blockTime', '"yesterday"', 'anchor.blockTime'],
    ['blockTime', '"2026-02-30T18:00:00Z"', 'anchor.blockTime'],
    ['blockTime', '"2026-11-28T19:00:00+01:00"', 'anchor.blockTime'],
    ['blockTime', '"2026-11-28t18:00:00z"', 'anchor.blockTime'],
    ['extra', '1', 'anchor.extra'],
  ];
  for (const [field, value, reported] of wrongAnchorFields) {
    test(`anchor.${field} = ${value} is rejected naming ${reported}`, () => {
      const json = sample();
      json.anchor[field] = MARK;
      rejected(withValue(json, value), reported, value);
    });
  }

  test('rejects missing fields, naming them', () => {
    for (const field of [
      'format',
      'origin',
      'leafIndex',
      'leafData',
      'treeSize',
      'rootHash',
      'inclusionPath',
      'anchor',
    ]) {
      const json = sample();
      delete json[field];
      assert.match(rejected(write(json), field), new RegExp(field));
    }
  });

  test('rejects duplicate keys, trailing garbage and non-objects', () => {
    const valid = write(sample());
    rejected(valid.replace('{', '{"origin":"other.example",'), '$');
    rejected(valid.replace('"blockNumber"', '"blockNumber": 1, "\\u0062lockNumber"'), '$');
    rejected(valid + ' {}', '$');
    rejected('[1,2]', '$');
    rejected('', '$');
    rejected('null', '$');
  });

  test('reads numbers and texts as Java does', () => {
    const json = write(sample())
      .replace('"leafIndex": 3', '"leafIndex": -0')
      .replace('"2026-11-28T18:00:00Z"', '"2026-11-28T18:00:00.123456789Z"');
    const bundle = parseBundle('\uFEFF' + json);
    assert.equal(bundle.leafIndex, 0);
    assert.equal(bundle.anchor.blockTime, '2026-11-28T18:00:00.123456789Z');
    assert.deepEqual(
      parseBundle(json.replace(/"leafData": "[^"]*"/, '"leafData": "QQ=="')).leafData,
      bytes('A'),
    );
  });

  test('leafData is padded standard base64 with no stray bits, as ProofBundleJson requires', () => {
    const json = write(sample());
    for (const value of ['QQ', 'QR==', 'QQ==\\n', 'Q Q==']) {
      rejected(json.replace(/"leafData": "[^"]*"/, `"leafData": "${value}"`), 'leafData', value);
    }
  });

  test('messages name the field as Java does', () => {
    const json = sample();
    json.leafIndex = -1;
    assert.equal(
      rejected(write(json), 'leafIndex'),
      "proof bundle field 'leafIndex': is negative: -1",
    );
    json.leafIndex = 7;
    assert.equal(
      rejected(write(json), '$'),
      "proof bundle field '$': leafIndex 7 is not within a tree of size 7",
    );
    // What Java accepts but JavaScript cannot hold exactly is refused after Java's own checks.
    json.leafIndex = 2 ** 53;
    json.treeSize = 2 ** 53 + 2;
    assert.equal(
      rejected(write(json), 'leafIndex'),
      "proof bundle field 'leafIndex': is 9007199254740992, above 2^53-1, the largest whole number JavaScript holds exactly",
    );
  });
});
