/** Keccak-256, log ids and the AnchorRegistry ABI values, against web3j and the compiled contract. */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hex, logIdOf } from '../src/verify/index';
import { functionSelector } from '../src/verify/keccak';
import {
  ANCHORED_TOPIC,
  decodeResult,
  encodeCheckpointAt,
  encodeLatest,
} from '../src/verify/registry-abi';
import { RegistryCallError } from '../src/verify/chain-errors';
import { repoFile, text } from './support';

// The creation bytecode solc wrote; its dispatcher holds each selector as PUSH4 (0x63) and the
// event topic as PUSH32 (0x7f).
const bytecode = text(repoFile('contracts', 'compiled', 'AnchorRegistry.bin')).trim();

describe('log ids', () => {
  test('are keccak256 of the UTF-8 origin (the Keccak submission vector for "abc")', () => {
    assert.equal(
      hex(logIdOf('abc')),
      '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
    );
  });

  test('equal what web3j computes for a GovChain origin', () => {
    assert.equal(
      hex(logIdOf('seal.govchain.example')),
      '4465896d5b33ab4bd871b245dfdac1e2cb8a71f5deef9aad3edad8016196451b',
    );
  });

  test('refuse blank origins by Java whitespace rules', () => {
    for (const blank of ['', ' ', '\t\n', '\u2003']) {
      assert.throws(() => logIdOf(blank), RangeError, JSON.stringify(blank));
    }
    assert.equal(logIdOf('\u00a0').length, 32, 'a no-break space is not Java whitespace');
  });
});

describe('AnchorRegistry ABI', () => {
  test('the Anchored topic is the one web3j computes and the contract emits', () => {
    assert.equal(
      ANCHORED_TOPIC,
      '0xbea4d11b910aad40d2df2a90d97a3329219b6389f85777c99daad7eb5fafd439',
    );
    assert.ok(bytecode.includes('7f' + ANCHORED_TOPIC.slice(2)));
  });

  test('the selectors are the ones web3j computes and the contract dispatches on', () => {
    const checkpointAt = hex(functionSelector('checkpointAt(bytes32,uint64)'));
    const latest = hex(functionSelector('latest(bytes32)'));
    assert.equal(checkpointAt, '82e9b0bb');
    assert.equal(latest, '79feb107');
    assert.ok(bytecode.includes('63' + checkpointAt));
    assert.ok(bytecode.includes('63' + latest));
  });

  test('call data equals what web3j FunctionEncoder writes', () => {
    const logId = logIdOf('seal.govchain.example');
    assert.equal(
      encodeCheckpointAt(logId, 13),
      '0x82e9b0bb4465896d5b33ab4bd871b245dfdac1e2cb8a71f5deef9aad3edad8016196451b' +
        '000000000000000000000000000000000000000000000000000000000000000d',
    );
    assert.equal(
      encodeLatest(logId),
      '0x79feb1074465896d5b33ab4bd871b245dfdac1e2cb8a71f5deef9aad3edad8016196451b',
    );
  });

  test('results decode word by word; extra data is ignored, short data refused', () => {
    const word = (n: number) => n.toString(16).padStart(64, '0');
    const data = '0x' + 'ab'.repeat(32) + word(12) + word(1795888800);
    const [root, block, time] = decodeResult('checkpointAt', data + word(7), [
      'bytes32',
      'uint64',
      'uint64',
    ]);
    assert.equal(hex(root as Uint8Array), 'ab'.repeat(32));
    assert.equal(block, 12);
    assert.equal(time, 1795888800);
    assert.throws(
      () => decodeResult('checkpointAt', data.slice(0, -2), ['bytes32', 'uint64', 'uint64']),
      RegistryCallError,
    );
    assert.throws(
      () => decodeResult('latest', '0x' + 'ff'.repeat(32), ['uint64']),
      RegistryCallError,
    );
    assert.throws(() => decodeResult('latest', '0xzz', ['uint64']), RegistryCallError);
  });
});
