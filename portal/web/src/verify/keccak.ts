/**
 * Keccak-256 (the Ethereum hash, not SHA3-256) and what GovChain derives from it: log ids,
 * function selectors and event topics.
 */

import { keccak_256 } from '@noble/hashes/sha3.js';
import { hex, utf8 } from './bytes';
import { isJavaBlank } from './java-text';

/** Keccak-256 of `bytes`. */
export function keccak256(bytes: Uint8Array): Uint8Array {
  return keccak_256(bytes);
}

/**
 * The on-chain name of a log, keccak256(utf8(origin)), as LogId.of computes it.
 *
 * @throws RangeError if `origin` is blank (empty or only whitespace, by Java's rules)
 */
export function logIdOf(origin: string): Uint8Array {
  if (isJavaBlank(origin)) {
    throw new RangeError('origin must not be blank');
  }
  return keccak256(utf8(origin));
}

/** The 4-byte ABI selector of a function signature such as "latest(bytes32)". */
export function functionSelector(signature: string): Uint8Array {
  return keccak256(utf8(signature)).slice(0, 4);
}

/** topic0 of an event signature, 0x-prefixed lowercase hex, as web3j's Hash.sha3String. */
export function eventTopic(signature: string): string {
  return '0x' + hex(keccak256(utf8(signature)));
}
