/** A small in-memory Merkle tree for the tests: RFC 9162 §2.1.1 MTH and §2.1.3.1 PATH. */

import { emptyRoot, leafHash, nodeHash } from '../src/verify/index';

/** The largest power of two smaller than `n` (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

/** MTH of leaf hashes. */
async function rootOf(leaves: Uint8Array[]): Promise<Uint8Array> {
  if (leaves.length === 0) {
    return emptyRoot();
  }
  if (leaves.length === 1) {
    return leaves[0];
  }
  const k = split(leaves.length);
  return nodeHash(await rootOf(leaves.slice(0, k)), await rootOf(leaves.slice(k)));
}

/** PATH(m, D[n]) of leaf hashes. */
async function pathOf(m: number, leaves: Uint8Array[]): Promise<Uint8Array[]> {
  if (leaves.length <= 1) {
    return [];
  }
  const k = split(leaves.length);
  return m < k
    ? [...(await pathOf(m, leaves.slice(0, k))), await rootOf(leaves.slice(k))]
    : [...(await pathOf(m - k, leaves.slice(k))), await rootOf(leaves.slice(0, k))];
}

/** The root of the tree of `leafData` and the inclusion path of each leaf. */
export async function treeOf(
  leafData: Uint8Array[],
): Promise<{ root: Uint8Array; path: (index: number) => Promise<Uint8Array[]> }> {
  const leaves = await Promise.all(leafData.map((data) => leafHash(data)));
  return { root: await rootOf(leaves), path: (index) => pathOf(index, leaves) };
}
