/**
 * RFC 9162 §2.1.1 hashing with SHA-256 (WebCrypto), as MerkleHasher does: leaf and interior-node
 * hashes and the empty-tree root.
 */

import { concatBytes } from './bytes';

/** Length in bytes of every hash in the tree. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** SHA-256 of the concatenation of `parts`. */
export async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', concatBytes(...parts)));
}

/** SHA-256(0x00 || data): the hash of a leaf whose data is `data` (which may be empty). */
export function leafHash(data: Uint8Array): Promise<Uint8Array> {
  return sha256(LEAF_PREFIX, data);
}

/**
 * SHA-256(0x01 || left || right): the hash of an interior node.
 *
 * @throws RangeError unless both children are 32-byte hashes
 */
export function nodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  requireHashArgument(left, 'left');
  requireHashArgument(right, 'right');
  return sha256(NODE_PREFIX, left, right);
}

/** The root of the empty tree, SHA-256(""). */
export function emptyRoot(): Promise<Uint8Array> {
  return sha256();
}

function requireHashArgument(hash: Uint8Array, what: string): void {
  if (hash.length !== HASH_SIZE) {
    throw new RangeError(`${what} must be a ${HASH_SIZE}-byte hash, got ${hash.length} bytes`);
  }
}
