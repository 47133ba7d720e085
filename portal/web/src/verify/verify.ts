/**
 * Verifies proof bundles against the chain alone, in the order and with the verdicts of the Java
 * BundleVerifier (docs/proof-bundle.md): leaf, log id, path, signed checkpoint, then the
 * registry's stored checkpoint, its depth and the anchoring transaction.
 */

import { equalBytes, fromUtf8, hex } from './bytes';
import { checkAnchorTransaction } from './anchor-transaction';
import { type ProofBundle, requireValidBundle } from './bundle';
import { ChainUnavailableError, RegistryCallError, RegistryNotFoundError } from './chain-errors';
import { type Checkpoint, MalformedCheckpointError, parseCheckpoint } from './checkpoint';
import { parseEnvelope, InvalidEnvelopeError } from './envelope';
import { formatInstant, type Instant, parseInstant, sameInstant } from './instant';
import { logIdOf } from './keccak';
import { leafHash } from './merkle';
import { NoteError, type NoteVerifier, verifyCheckpointNote } from './note';
import { ProofError, verifyInclusion } from './proofs';
import { ChainRpc } from './rpc';

/** The outcome of verifying a proof bundle; only VALID means the record is proven. */
export type Verdict =
  | 'VALID'
  | 'TAMPERED'
  | 'NOT_ANCHORED'
  | 'UNCONFIRMED'
  | 'WRONG_CHAIN'
  | 'NO_REGISTRY'
  | 'ANCHOR_MISMATCH'
  | 'CHAIN_UNAVAILABLE';

/** The checks, in the order they run. */
export type StepId =
  | 'envelope'
  | 'logId'
  | 'inclusion'
  | 'checkpoint'
  | 'registry'
  | 'stored'
  | 'confirmations'
  | 'blockMatch'
  | 'transaction';

/**
 * One check: whether it passed, the reason (the Java reason text without its "ok: " or "FAILED: "
 * prefix) and the labelled values it used.
 */
export interface Step {
  id: StepId;
  ok: boolean;
  reason: string;
  inputs: Array<[string, string]>;
}

/** A verdict with the checks behind it, in the order they ran; on failure the last step failed. */
export interface Verification {
  verdict: Verdict;
  steps: Step[];
  /** How many blocks deep the anchor is, its own included, or -1 if the chain was not asked. */
  confirmations: number;
}

/** What verifyBundle asks of the chain and of the bundle's signed checkpoint. */
export interface VerifyOptions {
  /** The chain's JSON-RPC endpoint. */
  rpcUrl: string;
  /** At least 1: how many blocks deep the anchor must be, its own included. */
  minConfirmations: number;
  /** The log's note verifier, or null to check a bundled signed checkpoint for consistency only. */
  logKey: NoteVerifier | null;
}

/** Thrown to end the verification: a check failed with this verdict. */
class Failed {
  constructor(readonly verdict: Verdict) {}
}

/** The steps gathered so far. */
class Steps {
  readonly list: Step[] = [];
  confirmations = -1;

  ok(id: StepId, reason: string, inputs: Array<[string, string]>): void {
    this.list.push({ id, ok: true, reason, inputs });
  }

  /** Records a failed step; throw the result to end the verification with `verdict`. */
  fail(verdict: Verdict, id: StepId, reason: string, inputs: Array<[string, string]>): Failed {
    this.list.push({ id, ok: false, reason, inputs });
    return new Failed(verdict);
  }

  result(verdict: Verdict): Verification {
    return { verdict, steps: this.list, confirmations: this.confirmations };
  }
}

/**
 * Verifies `bundle` exactly as BundleVerifier.verify does; the first failing check decides the
 * verdict:
 *
 * 1. envelope: `leafData` is a canonical event envelope of the bundle's origin (else TAMPERED);
 * 2. logId: `anchor.logId` is keccak256(utf8(origin)) (else TAMPERED);
 * 3. inclusion: the leaf hash folds with the path to `rootHash` (else TAMPERED);
 * 4. checkpoint, when the bundle has a signed checkpoint or a log key is given: it names the
 *    bundle's origin, size and root and, given the key, its signature verifies (else TAMPERED);
 * 5. registry: the endpoint serves `anchor.chainId` (else WRONG_CHAIN) and the address holds code
 *    (else NO_REGISTRY);
 * 6. stored: `checkpointAt(logId, treeSize)` exists (else NOT_ANCHORED) and holds `rootHash`
 *    (else TAMPERED);
 * 7. confirmations: head - anchor block + 1 >= `minConfirmations` (else UNCONFIRMED);
 * 8. blockMatch: the bundle's block number and time (as an instant) are the stored ones (else
 *    ANCHOR_MISMATCH);
 * 9. transaction: the anchoring transaction emitted Anchored(logId, treeSize, root) in that
 *    block (else ANCHOR_MISMATCH).
 *
 * A chain that cannot be asked gives CHAIN_UNAVAILABLE at the step that asked; a registry call
 * whose result does not decode gives NO_REGISTRY. Steps 2 and 8 have an "ok" reason of their own:
 * Java reports only their failures.
 *
 * Never throws for a bad bundle or a failing chain.
 *
 * @throws RangeError if `minConfirmations` is not a whole number of at least 1
 * @throws MalformedBundleError if a hand-made `bundle` breaks the invariants parseBundle ensures
 */
export async function verifyBundle(
  bundle: ProofBundle,
  options: VerifyOptions,
): Promise<Verification> {
  if (!Number.isSafeInteger(options.minConfirmations) || options.minConfirmations < 1) {
    throw new RangeError('minConfirmations must be at least 1');
  }
  requireValidBundle(bundle);
  const steps = new Steps();
  try {
    await verifySteps(bundle, options, steps);
    return steps.result('VALID');
  } catch (error) {
    if (error instanceof Failed) {
      return steps.result(error.verdict);
    }
    throw error;
  }
}

async function verifySteps(bundle: ProofBundle, options: VerifyOptions, steps: Steps) {
  const logId = checkLeaf(bundle, steps);
  await checkInclusion(bundle, steps);
  if (bundle.checkpoint !== null || options.logKey !== null) {
    await checkNote(bundle, options.logKey, steps);
  }
  await checkChain(bundle, logId, options, steps);
}

/** Steps 1 and 2: the leaf is a canonical envelope of this log; the log id is the origin's. */
function checkLeaf(bundle: ProofBundle, steps: Steps): Uint8Array {
  const inputs: Array<[string, string]> = [
    ['origin', bundle.origin],
    ['leaf data', fromUtf8(bundle.leafData)],
  ];
  let envelope;
  try {
    envelope = parseEnvelope(bundle.leafData);
  } catch (error) {
    if (!(error instanceof InvalidEnvelopeError)) {
      throw error;
    }
    throw steps.fail(
      'TAMPERED',
      'envelope',
      `leaf data is not a canonical event envelope: ${error.message}`,
      inputs,
    );
  }
  if (envelope.log !== bundle.origin) {
    throw steps.fail(
      'TAMPERED',
      'envelope',
      `leaf data belongs to log '${envelope.log}', not '${bundle.origin}'`,
      inputs,
    );
  }
  steps.ok(
    'envelope',
    `leaf data is a canonical envelope: ${envelope.type} of ${envelope.subject} version ${envelope.version} at ${envelope.time}`,
    inputs,
  );

  const logId = logIdOf(bundle.origin);
  const claimed = bundle.anchor.logId;
  const logIdInputs: Array<[string, string]> = [
    ['origin', bundle.origin],
    ['anchor.logId', '0x' + hex(claimed)],
    ['keccak256(origin)', '0x' + hex(logId)],
  ];
  if (!equalBytes(logId, claimed)) {
    throw steps.fail(
      'TAMPERED',
      'logId',
      `anchor.logId 0x${hex(claimed)} is not keccak256('${bundle.origin}') = 0x${hex(logId)}`,
      logIdInputs,
    );
  }
  steps.ok('logId', `anchor.logId 0x${hex(claimed)} is keccak256('${bundle.origin}')`, logIdInputs);
  return logId;
}

/** Step 3: the inclusion path folds the leaf hash to the root. */
async function checkInclusion(bundle: ProofBundle, steps: Steps): Promise<void> {
  const leaf = await leafHash(bundle.leafData);
  const rootHex = hex(bundle.rootHash);
  const inputs: Array<[string, string]> = [
    ['leaf hash', hex(leaf)],
    ['leaf index', String(bundle.leafIndex)],
    ['tree size', String(bundle.treeSize)],
    ...bundle.inclusionPath.map((h, i): [string, string] => [`path[${i}]`, hex(h)]),
    ['root hash', rootHex],
  ];
  try {
    await verifyInclusion(
      leaf,
      bundle.leafIndex,
      bundle.treeSize,
      bundle.inclusionPath,
      bundle.rootHash,
    );
  } catch (error) {
    if (!(error instanceof ProofError)) {
      throw error;
    }
    throw steps.fail('TAMPERED', 'inclusion', `inclusion proof fails: ${error.message}`, inputs);
  }
  steps.ok(
    'inclusion',
    `leaf ${bundle.leafIndex} (hash ${hex(leaf)}) folds with ${bundle.inclusionPath.length} path hashes to root ${rootHex} of size ${bundle.treeSize}`,
    inputs,
  );
}

/** Step 4: the signed checkpoint names the bundle's origin, size and root (signed by the key). */
async function checkNote(
  bundle: ProofBundle,
  logKey: NoteVerifier | null,
  steps: Steps,
): Promise<void> {
  const note = bundle.checkpoint;
  const inputs: Array<[string, string]> = [
    ['signed checkpoint', note ?? '(none)'],
    ['log key', logKey?.verifierKey ?? '(none)'],
  ];
  const fail = (reason: string) => steps.fail('TAMPERED', 'checkpoint', reason, inputs);
  if (note === null) {
    throw fail('a log key was given, but the bundle carries no signed checkpoint');
  }
  let checkpoint: Checkpoint;
  try {
    if (logKey !== null) {
      checkpoint = await verifyCheckpointNote(note, logKey);
    } else {
      const split = note.lastIndexOf('\n\n');
      if (split < 0) {
        throw fail('the signed checkpoint has no signature block');
      }
      checkpoint = parseCheckpoint(note.slice(0, split + 1));
    }
  } catch (error) {
    if (error instanceof NoteError || error instanceof MalformedCheckpointError) {
      throw fail(`the signed checkpoint does not verify: ${error.message}`);
    }
    throw error;
  }
  if (
    checkpoint.origin !== bundle.origin ||
    checkpoint.size !== bundle.treeSize ||
    !equalBytes(checkpoint.rootHash, bundle.rootHash)
  ) {
    throw fail(
      `the signed checkpoint is for ${checkpoint.origin} size ${checkpoint.size} root ${hex(checkpoint.rootHash)}, not the bundle's`,
    );
  }
  steps.ok(
    'checkpoint',
    logKey !== null
      ? `the checkpoint is signed by ${logKey.name}`
      : 'the signed checkpoint matches (signature not checked: no log key given)',
    inputs,
  );
}

/** Steps 5 to 9: the chain holds this root for this size, deep enough, where the bundle says. */
async function checkChain(
  bundle: ProofBundle,
  logId: Uint8Array,
  options: VerifyOptions,
  steps: Steps,
): Promise<void> {
  const anchor = bundle.anchor;
  const address = anchor.contractAddress.toLowerCase();
  const rpc = new ChainRpc(options.rpcUrl);
  const rpcInput: [string, string] = ['RPC', options.rpcUrl];
  let step: StepId = 'registry';
  let inputs: Array<[string, string]> = [
    rpcInput,
    ['chain id', String(anchor.chainId)],
    ['registry', address],
  ];
  try {
    const chainId = await rpc.chainId();
    if (chainId !== anchor.chainId) {
      throw steps.fail(
        'WRONG_CHAIN',
        step,
        `expected chain id ${anchor.chainId} but the endpoint serves ${chainId}`,
        inputs,
      );
    }
    const code = await rpc.getCode(address);
    if (code.replace(/^0x/, '').length === 0) {
      throw steps.fail('NO_REGISTRY', step, new RegistryNotFoundError(address).message, inputs);
    }
    steps.ok(step, `chain ${anchor.chainId} has the AnchorRegistry contract at ${address}`, inputs);

    step = 'stored';
    const rootHex = hex(bundle.rootHash);
    inputs = [
      rpcInput,
      ['registry', address],
      ['log id', '0x' + hex(logId)],
      ['tree size', String(bundle.treeSize)],
      ['root hash', rootHex],
    ];
    const stored = await rpc.checkpointAt(address, logId, bundle.treeSize);
    if (stored === null) {
      throw steps.fail(
        'NOT_ANCHORED',
        step,
        `the registry has no checkpoint of size ${bundle.treeSize} for log ${bundle.origin}`,
        inputs,
      );
    }
    const storedTime: Instant = { seconds: stored.blockTime, nanos: 0 };
    inputs.push(
      ['stored root', hex(stored.rootHash)],
      ['stored block', String(stored.blockNumber)],
      ['stored block time', formatInstant(storedTime)],
    );
    if (!equalBytes(stored.rootHash, bundle.rootHash)) {
      throw steps.fail(
        'TAMPERED',
        step,
        `the registry holds root ${hex(stored.rootHash)} for size ${bundle.treeSize}, the bundle claims ${rootHex}`,
        inputs,
      );
    }
    steps.ok(
      step,
      `the registry holds root ${rootHex} for size ${bundle.treeSize}, anchored in block ${stored.blockNumber} at ${formatInstant(storedTime)}`,
      inputs,
    );

    step = 'confirmations';
    inputs = [
      rpcInput,
      ['anchor block', String(stored.blockNumber)],
      ['required', String(options.minConfirmations)],
    ];
    const head = await rpc.blockNumber();
    const confirmations = head - stored.blockNumber + 1;
    steps.confirmations = confirmations;
    inputs.push(['head block', String(head)]);
    if (confirmations < options.minConfirmations) {
      throw steps.fail(
        'UNCONFIRMED',
        step,
        `${confirmations} confirmations, ${options.minConfirmations} required`,
        inputs,
      );
    }
    steps.ok(step, `${confirmations} confirmations (${options.minConfirmations} required)`, inputs);

    step = 'blockMatch';
    const bundleTime = parseInstant(anchor.blockTime)!;
    inputs = [
      ['bundle block', String(anchor.blockNumber)],
      ['bundle block time', anchor.blockTime],
      ['stored block', String(stored.blockNumber)],
      ['stored block time', formatInstant(storedTime)],
    ];
    if (stored.blockNumber !== anchor.blockNumber || !sameInstant(bundleTime, storedTime)) {
      throw steps.fail(
        'ANCHOR_MISMATCH',
        step,
        `the bundle names block ${anchor.blockNumber} at ${formatInstant(bundleTime)}, the registry stored block ${stored.blockNumber} at ${formatInstant(storedTime)}`,
        inputs,
      );
    }
    steps.ok(
      step,
      `the bundle names block ${anchor.blockNumber} at ${formatInstant(bundleTime)}, as the registry stored`,
      inputs,
    );

    step = 'transaction';
    const txHash = '0x' + hex(anchor.transactionHash);
    inputs = [
      rpcInput,
      ['transaction', txHash],
      ['block', String(anchor.blockNumber)],
      ['registry', address],
      ['log id', '0x' + hex(logId)],
      ['tree size', String(bundle.treeSize)],
      ['root hash', rootHex],
    ];
    const problem = await checkAnchorTransaction(
      rpc,
      anchor,
      logId,
      bundle.treeSize,
      bundle.rootHash,
    );
    if (problem !== null) {
      throw steps.fail('ANCHOR_MISMATCH', step, problem, inputs);
    }
    steps.ok(
      step,
      `transaction ${txHash} emitted Anchored(logId, ${bundle.treeSize}, root) in block ${anchor.blockNumber}`,
      inputs,
    );
  } catch (error) {
    if (error instanceof ChainUnavailableError) {
      throw steps.fail(
        'CHAIN_UNAVAILABLE',
        step,
        `the chain did not answer: ${error.message}`,
        inputs,
      );
    }
    if (error instanceof RegistryNotFoundError) {
      throw steps.fail('NO_REGISTRY', step, error.message, inputs);
    }
    if (error instanceof RegistryCallError) {
      throw steps.fail(
        'NO_REGISTRY',
        step,
        `${address} does not answer as an AnchorRegistry: ${error.message}`,
        inputs,
      );
    }
    throw error;
  }
}
