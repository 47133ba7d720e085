/**
 * ABI encoding of the AnchorRegistry calls the verifier makes, and decoding of their results,
 * written out by hand (static types only: bytes32 and uint64 words).
 */

import { fromHex, hex } from './bytes';
import { RegistryCallError } from './chain-errors';
import { eventTopic, functionSelector } from './keccak';

const WORD = 32;

/** topic0 of `Anchored(bytes32 indexed logId, uint64 treeSize, bytes32 rootHash)`. */
export const ANCHORED_TOPIC = eventTopic('Anchored(bytes32,uint64,bytes32)');

const CHECKPOINT_AT = functionSelector('checkpointAt(bytes32,uint64)');
const LATEST = functionSelector('latest(bytes32)');

/** Call data of `checkpointAt(bytes32 logId, uint64 treeSize)`, 0x-prefixed. */
export function encodeCheckpointAt(logId: Uint8Array, treeSize: number): string {
  return '0x' + hex(CHECKPOINT_AT) + bytes32Word(logId) + uint64Word(treeSize);
}

/** Call data of `latest(bytes32 logId)`, 0x-prefixed. */
export function encodeLatest(logId: Uint8Array): string {
  return '0x' + hex(LATEST) + bytes32Word(logId);
}

/** One decoded result word: a bytes32 or a uint64 (as a safe integer). */
export type AbiValue = Uint8Array | number;

/**
 * Decodes the result of a call returning static values of the given types; data after the last
 * word is ignored, as web3j's decoder ignores it.
 *
 * @throws RegistryCallError if the data is not hex, is shorter than the types need, or a uint64
 *     word does not hold a uint64 this verifier can represent (at most 2^53-1)
 */
export function decodeResult(
  call: string,
  data: string,
  types: ReadonlyArray<'bytes32' | 'uint64'>,
): AbiValue[] {
  let bytes: Uint8Array;
  try {
    bytes = fromHex(data);
  } catch {
    throw new RegistryCallError(`${call} returned data that is not hex: ${data}`);
  }
  if (bytes.length < types.length * WORD) {
    throw new RegistryCallError(
      `${call} returned ${bytes.length} bytes, not the ${types.length * WORD} of (${types.join(', ')})`,
    );
  }
  return types.map((type, i) => {
    const word = bytes.slice(i * WORD, (i + 1) * WORD);
    return type === 'bytes32' ? word : uint64(call, i, word);
  });
}

/** A uint64 word's value, which must have zero high bytes and fit a safe integer. */
function uint64(call: string, index: number, word: Uint8Array): number {
  const value = BigInt('0x' + hex(word));
  if (value >= 2n ** 64n) {
    throw new RegistryCallError(`${call} result word ${index} is not a uint64: 0x${hex(word)}`);
  }
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RegistryCallError(`${call} result word ${index} is above 2^53-1: ${value}`);
  }
  return Number(value);
}

function bytes32Word(value: Uint8Array): string {
  if (value.length !== WORD) {
    throw new RangeError(`a bytes32 argument must have 32 bytes, got ${value.length}`);
  }
  return hex(value);
}

function uint64Word(value: number): string {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`a uint64 argument must be a non-negative safe integer, got ${value}`);
  }
  return value.toString(16).padStart(2 * WORD, '0');
}
