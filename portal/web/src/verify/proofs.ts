/**
 * RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proof verification, step by step as
 * MerkleVerifier does, with the same edge rules and messages. Index arithmetic runs on bigints, so
 * sizes up to 2^53-1 work although JavaScript bit operators stop at 32 bits.
 */

import { equalBytes, hex } from './bytes';
import { emptyRoot, HASH_SIZE, nodeHash } from './merkle';

/**
 * A proof that does not verify: bad sizes or index, hashes of the wrong length, a proof of the
 * wrong length, or a root other than the expected one. The message states the values, as the Java
 * InvalidProofException and RootMismatchException messages do.
 */
export class ProofError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofError';
  }
}

/**
 * Checks that `leafHash` is leaf `index` of the tree of `size` leaves whose root is `root`.
 *
 * @throws ProofError if the index, size, hash lengths or proof length are wrong, or the proof
 *     leads to another root
 * @throws RangeError if `index` or `size` is not a safe integer
 */
export async function verifyInclusion(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: Uint8Array[],
  root: Uint8Array,
): Promise<void> {
  requireHash(root, 'root');
  const calculated = await rootFromInclusionProof(leafHash, index, size, proof);
  if (!equalBytes(calculated, root)) {
    throw rootMismatch('root', root, calculated);
  }
}

/**
 * The root that the inclusion proof of `leafHash` at `index` leads to in a tree of `size` leaves
 * (RFC 9162 §2.1.3.2 steps 1–4). Requires 0 <= index < size and 32-byte hashes.
 *
 * @throws ProofError if the index, size, hash lengths or proof length are wrong
 * @throws RangeError if `index` or `size` is not a safe integer
 */
export async function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: number,
  size: number,
  proof: Uint8Array[],
): Promise<Uint8Array> {
  requireSafeInteger(index, 'index');
  requireSafeInteger(size, 'size');
  if (size < 0) {
    throw new ProofError(`tree size ${size} is negative`);
  }
  if (index < 0 || index >= size) {
    throw new ProofError(
      `leaf index ${unsigned64(index)} is not in a tree of size ${size} (needs 0 <= index < size)`,
    );
  }
  requireHash(leafHash, 'leaf hash');
  requireHashes(proof);
  const expected = inclusionProofLength(BigInt(index), BigInt(size));
  if (proof.length !== expected) {
    throw new ProofError(
      `inclusion proof for index ${index} in a tree of size ${size} has ${proof.length} hashes, needs ${expected}`,
    );
  }
  let fn = BigInt(index);
  let sn = BigInt(size) - 1n;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0n) {
      throw tooLong('inclusion', proof.length);
    }
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) {
    throw tooShort('inclusion', proof.length);
  }
  return r === leafHash ? leafHash.slice() : r;
}

/**
 * Checks that the tree of `m` leaves with root `root1` is a prefix of the tree of `n` leaves with
 * root `root2`:
 *
 * - m == n: the proof must be empty and the roots equal (both SHA-256("") when m == 0), compared
 *   as given, without a length check;
 * - 0 == m < n: refused as not provable (every tree extends the empty tree, so a caller asking has
 *   confused its sizes), as transparency-dev/merkle and MerkleVerifier do;
 * - 0 < m < n: RFC 9162 §2.1.4.2, with 32-byte roots and proof hashes and exactly the proof length
 *   the sizes imply.
 *
 * @throws ProofError if the sizes, hash lengths or proof length are wrong, or the proof does not
 *     lead to both roots
 * @throws RangeError if `m` or `n` is not a safe integer
 */
export async function verifyConsistency(
  m: number,
  n: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: Uint8Array[],
): Promise<void> {
  requireSafeInteger(m, 'm');
  requireSafeInteger(n, 'n');
  if (m < 0 || n < 0 || m > n) {
    throw new ProofError(`consistency needs 0 <= m <= n, got m ${m}, n ${n}`);
  }
  if (m === n) {
    return verifySameSize(m, root1, root2, proof);
  }
  if (m === 0) {
    throw new ProofError(`consistency from the empty tree to size ${n} proves nothing (m = 0 < n)`);
  }
  requireHash(root1, 'first root');
  requireHash(root2, 'second root');
  if (proof.length === 0) {
    throw new ProofError(`consistency proof from ${m} to ${n} is empty`);
  }
  requireHashes(proof);
  const expected = consistencyProofLength(BigInt(m), BigInt(n));
  if (proof.length !== expected) {
    throw new ProofError(
      `consistency proof from ${m} to ${n} has ${proof.length} hashes, needs ${expected}`,
    );
  }
  const mIsPowerOfTwo = (BigInt(m) & (BigInt(m) - 1n)) === 0n;
  let start = 0;
  let fr = root1; // step 2: when m is a power of two, first_hash is prepended
  if (!mIsPowerOfTwo) {
    fr = proof[0];
    start = 1;
  }
  let sr = fr;
  let fn = BigInt(m) - 1n;
  let sn = BigInt(n) - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  for (const c of proof.slice(start)) {
    if (sn === 0n) {
      throw tooLong('consistency', proof.length);
    }
    if ((fn & 1n) === 1n || fn === sn) {
      fr = await nodeHash(c, fr);
      sr = await nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = await nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) {
    throw tooShort('consistency', proof.length);
  }
  if (!equalBytes(fr, root1)) {
    throw rootMismatch(`first root (size ${m})`, root1, fr);
  }
  if (!equalBytes(sr, root2)) {
    throw rootMismatch(`second root (size ${n})`, root2, sr);
  }
}

/** The case m == n: an empty proof and equal roots, SHA-256("") for the empty tree. */
async function verifySameSize(
  size: number,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: Uint8Array[],
): Promise<void> {
  if (proof.length !== 0) {
    throw new ProofError(
      `consistency between equal sizes ${size} needs an empty proof, got ${proof.length} hashes`,
    );
  }
  if (size === 0) {
    const empty = await emptyRoot();
    if (!equalBytes(root1, empty)) {
      throw rootMismatch('first root (size 0)', root1, empty);
    }
  }
  if (!equalBytes(root1, root2)) {
    throw rootMismatch(`second root (size ${size})`, root2, root1);
  }
}

/** The number of proof hashes below the level where the paths to `index` and `size - 1` meet. */
function innerProofSize(index: bigint, size: bigint): number {
  return bitLength(index ^ (size - 1n));
}

/** The RFC 9162 inclusion proof length for 0 <= index < size. */
function inclusionProofLength(index: bigint, size: bigint): number {
  const inner = innerProofSize(index, size);
  return inner + bitCount(index >> BigInt(inner));
}

/** The RFC 9162 consistency proof length for 0 < m < n. */
function consistencyProofLength(m: bigint, n: bigint): number {
  let shift = 0;
  while (((m >> BigInt(shift)) & 1n) === 0n) {
    shift++;
  }
  const seed = m === 1n << BigInt(shift) ? 0 : 1;
  return seed + inclusionProofLength(m - 1n, n) - shift;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function bitCount(value: bigint): number {
  return [...value.toString(2)].filter((digit) => digit === '1').length;
}

/** A negative index printed as the unsigned 64-bit value with its bits, as Java's message does. */
function unsigned64(index: number): string {
  return BigInt.asUintN(64, BigInt(index)).toString();
}

function requireSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${value}`);
  }
}

function requireHash(hash: Uint8Array, what: string): void {
  if (hash.length !== HASH_SIZE) {
    throw new ProofError(`${what} must be ${HASH_SIZE} bytes, got ${hash.length} bytes`);
  }
}

function requireHashes(proof: Uint8Array[]): void {
  proof.forEach((hash, i) => requireHash(hash, `proof[${i}]`));
}

function tooLong(kind: string, length: number): ProofError {
  return new ProofError(`${kind} proof of ${length} hashes is too long`);
}

function tooShort(kind: string, length: number): ProofError {
  return new ProofError(`${kind} proof of ${length} hashes is too short`);
}

function rootMismatch(which: string, expected: Uint8Array, calculated: Uint8Array): ProofError {
  return new ProofError(
    `calculated ${which} ${hex(calculated)} does not match expected ${hex(expected)}`,
  );
}
