/**
 * verifyBundle's offline checks on a real tree of envelopes built here, and its verdict when the
 * chain cannot be reached (as BundleVerifierIT's unreachable-chain case). No chain is faked.
 */

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { before, describe, test } from 'node:test';
import {
  base64,
  canonicalize,
  hex,
  logIdOf,
  MalformedBundleError,
  NoteVerifier,
  parseBundle,
  type ProofBundle,
  type Verification,
  verifyBundle,
} from '../src/verify/index';
import { base64UrlNoPadding } from '../src/verify/bytes';
import { generateSigner, type TestSigner } from './signer';
import { treeOf } from './tree';

const ORIGIN = 'seal.govchain.example';
const SIZE = 13;

let closedUrl: string;
let leaves: Uint8Array[];
let tree: Awaited<ReturnType<typeof treeOf>>;
let logKey: TestSigner;

/** An RPC URL on a local port that was free a moment ago: connections are refused. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function envelope(i: number, origin = ORIGIN): Uint8Array {
  return canonicalize({
    log: origin,
    type: 'test.recorded',
    subject: `record-${i}`,
    version: 1,
    time: '2026-11-28T18:00:00.123Z',
    data: { amount: `${i}.00` },
    salt: base64UrlNoPadding(crypto.getRandomValues(new Uint8Array(32))),
  });
}

async function bundle(index: number, checkpoint: string | null = null): Promise<ProofBundle> {
  return {
    origin: ORIGIN,
    leafIndex: index,
    leafData: leaves[index],
    treeSize: SIZE,
    rootHash: tree.root,
    inclusionPath: await tree.path(index),
    checkpoint,
    anchor: {
      chainId: 31337,
      contractAddress: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      logId: logIdOf(ORIGIN),
      transactionHash: new Uint8Array(32).fill(5),
      blockNumber: 12,
      blockTime: '2026-11-28T18:00:01Z',
    },
  };
}

function checkpointText(size: number, root: Uint8Array, origin = ORIGIN): string {
  return `${origin}\n${size}\n${base64(root)}\n`;
}

function verify(b: ProofBundle, key: NoteVerifier | null = null): Promise<Verification> {
  return verifyBundle(b, { rpcUrl: closedUrl, minConfirmations: 1, logKey: key });
}

/** The ids of the steps and whether each passed, e.g. "envelope:ok". */
function outline(v: Verification): string[] {
  return v.steps.map((s) => `${s.id}:${s.ok ? 'ok' : 'FAILED'}`);
}

function last(v: Verification) {
  return v.steps[v.steps.length - 1];
}

before(async () => {
  closedUrl = await closedPort();
  leaves = Array.from({ length: SIZE }, (_, i) => envelope(i));
  tree = await treeOf(leaves);
  logKey = await generateSigner(ORIGIN);
});

describe('verifyBundle offline', () => {
  test('an untouched bundle passes every offline step, then the unreachable chain decides', async () => {
    for (const index of [0, 6, SIZE - 1]) {
      const result = await verify(await bundle(index));
      assert.equal(result.verdict, 'CHAIN_UNAVAILABLE');
      assert.deepEqual(outline(result), [
        'envelope:ok',
        'logId:ok',
        'inclusion:ok',
        'registry:FAILED',
      ]);
      assert.equal(result.confirmations, -1);
      assert.match(
        last(result).reason,
        /^the chain did not answer: eth_chainId: chain unavailable: /,
      );
      assert.deepEqual(last(result).inputs[0], ['RPC', closedUrl]);
    }
  });

  test('reasons and inputs read as the Java verifier writes them', async () => {
    const b = await bundle(6);
    const [envelopeStep, logIdStep, inclusionStep] = (await verify(b)).steps;
    assert.equal(
      envelopeStep.reason,
      'leaf data is a canonical envelope: test.recorded of record-6 version 1 at 2026-11-28T18:00:00.123Z',
    );
    assert.equal(
      logIdStep.reason,
      `anchor.logId 0x${hex(logIdOf(ORIGIN))} is keccak256('${ORIGIN}')`,
    );
    const leaf = inclusionStep.inputs.find(([label]) => label === 'leaf hash')![1];
    assert.equal(
      inclusionStep.reason,
      `leaf 6 (hash ${leaf}) folds with 4 path hashes to root ${hex(tree.root)} of size 13`,
    );
    assert.deepEqual(
      inclusionStep.inputs.find(([label]) => label === 'tree size'),
      ['tree size', '13'],
    );
  });

  test('a bundle survives its JSON form', async () => {
    const b = await bundle(9);
    const json = JSON.stringify({
      format: 'govchain.proof/v1',
      origin: b.origin,
      leafIndex: b.leafIndex,
      leafData: base64(b.leafData),
      treeSize: b.treeSize,
      rootHash: hex(b.rootHash),
      inclusionPath: b.inclusionPath.map(hex),
      anchor: {
        ...b.anchor,
        logId: '0x' + hex(b.anchor.logId),
        transactionHash: '0x' + hex(b.anchor.transactionHash),
      },
    });
    assert.deepEqual(outline(await verify(parseBundle(json))).slice(0, 3), [
      'envelope:ok',
      'logId:ok',
      'inclusion:ok',
    ]);
  });

  test('a changed record that stays canonical fails the inclusion proof', async () => {
    const b = await bundle(4);
    const text = new TextDecoder().decode(b.leafData).replace('"4.00"', '"5.00"');
    const result = await verify({ ...b, leafData: new TextEncoder().encode(text) });
    assert.equal(result.verdict, 'TAMPERED');
    assert.deepEqual(outline(result), ['envelope:ok', 'logId:ok', 'inclusion:FAILED']);
    assert.match(
      last(result).reason,
      /^inclusion proof fails: calculated root [0-9a-f]{64} does not match expected/,
    );
  });

  test('a flipped byte that breaks the envelope fails the envelope step', async () => {
    const b = await bundle(4);
    const leafData = b.leafData.slice();
    leafData[0] ^= 0x01;
    const result = await verify({ ...b, leafData });
    assert.equal(result.verdict, 'TAMPERED');
    assert.deepEqual(outline(result), ['envelope:FAILED']);
    assert.match(
      last(result).reason,
      /^leaf data is not a canonical event envelope: \$: not JSON: /,
    );
  });

  test('a non-canonical leaf is tampered', async () => {
    const b = await bundle(4);
    const spaced = new Uint8Array([0x20, ...b.leafData]);
    const result = await verify({ ...b, leafData: spaced });
    assert.equal(result.verdict, 'TAMPERED');
    assert.equal(
      last(result).reason,
      'leaf data is not a canonical event envelope: $: not in RFC 8785 canonical form',
    );
  });

  test('a flipped bit in the path is tampered', async () => {
    const b = await bundle(5);
    const path = b.inclusionPath.map((h) => h.slice());
    path[0][7] ^= 0x10;
    const result = await verify({ ...b, inclusionPath: path });
    assert.equal(result.verdict, 'TAMPERED');
    assert.equal(last(result).id, 'inclusion');
  });

  test('a flipped byte in the root is tampered', async () => {
    const b = await bundle(5);
    const rootHash = b.rootHash.slice();
    rootHash[31] ^= 0xff;
    const result = await verify({ ...b, rootHash });
    assert.equal(result.verdict, 'TAMPERED');
    assert.equal(last(result).id, 'inclusion');
    assert.ok(last(result).reason.endsWith(`does not match expected ${hex(rootHash)}`));
  });

  test("a log id that is not the origin's is tampered", async () => {
    const b = await bundle(0);
    const other = logIdOf('other.govchain.example');
    const result = await verify({ ...b, anchor: { ...b.anchor, logId: other } });
    assert.equal(result.verdict, 'TAMPERED');
    assert.deepEqual(outline(result), ['envelope:ok', 'logId:FAILED']);
    assert.equal(
      last(result).reason,
      `anchor.logId 0x${hex(other)} is not keccak256('${ORIGIN}') = 0x${hex(logIdOf(ORIGIN))}`,
    );
  });

  test('an envelope of another log is tampered', async () => {
    const b = await bundle(0);
    const result = await verify({ ...b, leafData: envelope(0, 'ssc.govchain.example') });
    assert.equal(result.verdict, 'TAMPERED');
    assert.equal(
      last(result).reason,
      `leaf data belongs to log 'ssc.govchain.example', not '${ORIGIN}'`,
    );
  });

  test('minConfirmations below 1 is a programming error', async () => {
    await assert.rejects(
      verifyBundle(await bundle(0), { rpcUrl: closedUrl, minConfirmations: 0, logKey: null }),
      RangeError,
    );
  });

  test('a hand-made bundle that breaks the invariants is refused', async () => {
    const b = await bundle(0);
    await assert.rejects(verify({ ...b, leafIndex: SIZE }), MalformedBundleError);
  });
});

describe('verifyBundle with a signed checkpoint', () => {
  test('a note signed by the log key verifies, then the chain decides', async () => {
    const note = await logKey.sign(checkpointText(SIZE, tree.root));
    const key = await NoteVerifier.fromVerifierKey(logKey.verifierKey);
    const result = await verify(await bundle(3, note), key);
    assert.equal(result.verdict, 'CHAIN_UNAVAILABLE');
    assert.deepEqual(outline(result), [
      'envelope:ok',
      'logId:ok',
      'inclusion:ok',
      'checkpoint:ok',
      'registry:FAILED',
    ]);
    assert.equal(result.steps[3].reason, `the checkpoint is signed by ${ORIGIN}`);
  });

  test('without a key the note is checked for consistency only', async () => {
    const note = await logKey.sign(checkpointText(SIZE, tree.root));
    const result = await verify(await bundle(3, note));
    assert.equal(
      result.steps[3].reason,
      'the signed checkpoint matches (signature not checked: no log key given)',
    );
    assert.equal(result.verdict, 'CHAIN_UNAVAILABLE');
  });

  test('a tampered note is tampered', async () => {
    const note = await logKey.sign(checkpointText(SIZE, tree.root));
    const key = await NoteVerifier.fromVerifierKey(logKey.verifierKey);
    const forged = note.replace(`\n${SIZE}\n`, `\n${SIZE + 1}\n`);
    const result = await verify(await bundle(3, forged), key);
    assert.equal(result.verdict, 'TAMPERED');
    assert.deepEqual(outline(result).slice(-1), ['checkpoint:FAILED']);
    assert.match(
      last(result).reason,
      /^the signed checkpoint does not verify: signature by seal\.govchain\.example\+[0-9a-f]{8} does not verify: /,
    );
  });

  test('a note by an impostor key is tampered', async () => {
    const impostor = await generateSigner(ORIGIN);
    const key = await NoteVerifier.fromVerifierKey(logKey.verifierKey);
    const result = await verify(
      await bundle(3, await impostor.sign(checkpointText(SIZE, tree.root))),
      key,
    );
    assert.equal(result.verdict, 'TAMPERED');
    assert.match(last(result).reason, /^the signed checkpoint does not verify: no signature by /);
  });

  test('a genuine note for another size is tampered', async () => {
    const smaller = await treeOf(leaves.slice(0, SIZE - 1));
    const note = await logKey.sign(checkpointText(SIZE - 1, smaller.root));
    const key = await NoteVerifier.fromVerifierKey(logKey.verifierKey);
    const result = await verify(await bundle(3, note), key);
    assert.equal(result.verdict, 'TAMPERED');
    assert.equal(
      last(result).reason,
      `the signed checkpoint is for ${ORIGIN} size ${SIZE - 1} root ${hex(smaller.root)}, not the bundle's`,
    );
  });

  test('a key without a note, or a note without signatures, is tampered', async () => {
    const key = await NoteVerifier.fromVerifierKey(logKey.verifierKey);
    const noNote = await verify(await bundle(3), key);
    assert.equal(noNote.verdict, 'TAMPERED');
    assert.equal(
      last(noNote).reason,
      'a log key was given, but the bundle carries no signed checkpoint',
    );
    const unsigned = await verify(await bundle(3, checkpointText(SIZE, tree.root)));
    assert.equal(unsigned.verdict, 'TAMPERED');
    assert.equal(last(unsigned).reason, 'the signed checkpoint has no signature block');
  });
});
