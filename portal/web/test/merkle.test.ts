/** RFC 6962 / RFC 9162 hashing and proofs, against the transparency-dev/merkle golden vectors. */

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  emptyRoot,
  fromBase64,
  hex,
  leafHash,
  nodeHash,
  ProofError,
  rootFromInclusionProof,
  verifyConsistency,
  verifyInclusion,
} from '../src/verify/index';
import { JsonNumberText, readJson } from '../src/verify/json-reader';
import { filesUnder, VECTORS } from './support';

type Vector = Map<string, unknown>;

const inclusionFiles = filesUnder(join(VECTORS, 'rfc6962', 'inclusion'), '.json');
const consistencyFiles = filesUnder(join(VECTORS, 'rfc6962', 'consistency'), '.json');

/** Reads a vector keeping its numbers' text (leafIdx 2^64-1 does not fit a double). */
function vector(file: string): Vector {
  return readJson(new Uint8Array(readFileSync(file)), 'bundle') as Vector;
}

/** Go's uint64 as a number with the same 64 bits, signed, as the Java test does: 2^64-1 is -1. */
function uint64(v: Vector, field: string): number {
  return Number(BigInt.asIntN(64, BigInt((v.get(field) as JsonNumberText).text)));
}

function hash(v: Vector, field: string): Uint8Array {
  return fromBase64(v.get(field) as string);
}

/** Go marshals a nil slice as null: that is an empty proof. */
function proof(v: Vector): Uint8Array[] {
  return ((v.get('proof') as string[] | null) ?? []).map((h) => fromBase64(h));
}

describe('RFC 6962 golden vectors', () => {
  test('finds all vector files', () => {
    assert.equal(inclusionFiles.length, 98);
    assert.equal(consistencyFiles.length, 98);
  });

  for (const file of inclusionFiles) {
    test(`inclusion ${file.slice(VECTORS.length)}`, async () => {
      const v = vector(file);
      const args = [
        hash(v, 'leafHash'),
        uint64(v, 'leafIdx'),
        uint64(v, 'treeSize'),
        proof(v),
      ] as const;
      const root = hash(v, 'root');
      if (v.get('wantErr') === true) {
        await assert.rejects(verifyInclusion(...args, root), ProofError, v.get('desc') as string);
      } else {
        await verifyInclusion(...args, root);
        assert.deepEqual(await rootFromInclusionProof(...args), root);
      }
    });
  }

  for (const file of consistencyFiles) {
    test(`consistency ${file.slice(VECTORS.length)}`, async () => {
      const v = vector(file);
      const run = () =>
        verifyConsistency(
          uint64(v, 'size1'),
          uint64(v, 'size2'),
          hash(v, 'root1'),
          hash(v, 'root2'),
          proof(v),
        );
      if (v.get('wantErr') === true) {
        await assert.rejects(run(), ProofError, v.get('desc') as string);
      } else {
        await run();
      }
    });
  }
});

describe('hashing', () => {
  test('empty root is SHA-256 of nothing', async () => {
    assert.equal(
      hex(await emptyRoot()),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  test('leaf and node hashes carry the RFC 6962 prefixes', async () => {
    // RFC 6962 test data: the empty leaf, and the root of a two-leaf tree.
    const empty = await leafHash(new Uint8Array(0));
    assert.equal(hex(empty), '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
    const pair = await nodeHash(empty, empty);
    assert.equal(hex(pair).length, 64);
    assert.notDeepEqual(pair, empty);
  });

  test('node hash refuses children that are not 32 bytes', () => {
    assert.throws(() => nodeHash(new Uint8Array(31), new Uint8Array(32)), RangeError);
  });
});

describe('proof edge rules', () => {
  const h = new Uint8Array(32);

  test('a negative index is named with its unsigned 64-bit value, as Java does', async () => {
    await assert.rejects(rootFromInclusionProof(h, -1, 5, []), {
      name: 'ProofError',
      message:
        'leaf index 18446744073709551615 is not in a tree of size 5 (needs 0 <= index < size)',
    });
  });

  test('a proof of the wrong length names both lengths', async () => {
    await assert.rejects(verifyInclusion(h, 0, 4, [h], h), {
      message: 'inclusion proof for index 0 in a tree of size 4 has 1 hashes, needs 2',
    });
  });

  test('a root mismatch shows the calculated and the expected root', async () => {
    await assert.rejects(verifyInclusion(h, 0, 1, [], new Uint8Array(32).fill(1)), {
      message: `calculated root ${'00'.repeat(32)} does not match expected ${'01'.repeat(32)}`,
    });
  });

  test('consistency from the empty tree to a larger one proves nothing', async () => {
    await assert.rejects(verifyConsistency(0, 3, h, h, []), {
      message: 'consistency from the empty tree to size 3 proves nothing (m = 0 < n)',
    });
  });

  test('consistency between equal sizes needs an empty proof and equal roots', async () => {
    await verifyConsistency(5, 5, h, h, []);
    await verifyConsistency(0, 0, await emptyRoot(), await emptyRoot(), []);
    await assert.rejects(verifyConsistency(0, 0, h, h, []), ProofError);
    await assert.rejects(verifyConsistency(5, 5, h, h, [h]), ProofError);
  });

  test('sizes beyond 2^32 use exact arithmetic', async () => {
    const size = 2 ** 40 + 3;
    await assert.rejects(verifyInclusion(h, size - 1, size, [], h), {
      message: `inclusion proof for index ${size - 1} in a tree of size ${size} has 0 hashes, needs 2`,
    });
  });

  test('indexes that are not safe integers are a programming error', async () => {
    await assert.rejects(rootFromInclusionProof(h, 0.5, 2, []), RangeError);
  });
});
