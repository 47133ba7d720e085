/**
 * Checks that a bundle's anchoring transaction really emitted its checkpoint, as the Java
 * AnchorTransactions.check does.
 */

import { fromHex, hex } from './bytes';
import { ChainUnavailableError } from './chain-errors';
import { type ProofBundle } from './bundle';
import { ANCHORED_TOPIC } from './registry-abi';
import { type ChainRpc } from './rpc';

/**
 * Fetches the receipt of `anchor.transactionHash` and checks that the transaction succeeded (a
 * receipt without status counts as success, as web3j has it), is in `anchor.blockNumber`, and
 * emitted from `anchor.contractAddress` a log with topics [Anchored, logId] and data uint64
 * treeSize || root.
 *
 * @returns null if all holds, otherwise what differs
 * @throws ChainUnavailableError if the chain cannot be asked or answers with a malformed receipt
 */
export async function checkAnchorTransaction(
  rpc: ChainRpc,
  anchor: ProofBundle['anchor'],
  logId: Uint8Array,
  treeSize: number,
  root: Uint8Array,
): Promise<string | null> {
  const txHash = '0x' + hex(anchor.transactionHash);
  const receipt = await rpc.transactionReceipt(txHash);
  if (receipt === null || receipt.blockNumber === null || receipt.blockNumber === undefined) {
    return `the chain knows no transaction ${txHash}`;
  }
  if (!statusOk(receipt.status)) {
    return `transaction ${txHash} failed on chain`;
  }
  const block = quantity(receipt.blockNumber);
  if (block !== BigInt(anchor.blockNumber)) {
    return `transaction ${txHash} is in block ${block}, not ${anchor.blockNumber}`;
  }
  const logIdTopic = '0x' + hex(logId);
  const logs: unknown = receipt.logs ?? [];
  if (!Array.isArray(logs)) {
    throw malformedReceipt(`logs ${JSON.stringify(logs)}`);
  }
  const emitted = logs.some(
    (log) =>
      sameHex(log?.address, anchor.contractAddress) &&
      Array.isArray(log.topics) &&
      log.topics.length === 2 &&
      sameHex(log.topics[0], ANCHORED_TOPIC) &&
      sameHex(log.topics[1], logIdTopic) &&
      holdsSizeAndRoot(log.data, treeSize, root),
  );
  return emitted
    ? null
    : `transaction ${txHash} emitted no Anchored event for this log, size and root`;
}

/** A missing status (pre-Byzantium receipts) or status 1. */
function statusOk(status: unknown): boolean {
  return status === null || status === undefined || quantity(status) === 1n;
}

/** Whether event data is exactly the two words uint64 `treeSize` and bytes32 `root`. */
function holdsSizeAndRoot(data: unknown, treeSize: number, root: Uint8Array): boolean {
  if (typeof data !== 'string') {
    return false;
  }
  let bytes: Uint8Array;
  try {
    bytes = fromHex(data);
  } catch {
    return false;
  }
  return (
    bytes.length === 64 &&
    BigInt('0x' + hex(bytes.slice(0, 32))) === BigInt(treeSize) &&
    hex(bytes.slice(32)) === hex(root)
  );
}

function sameHex(value: unknown, expected: string): boolean {
  return typeof value === 'string' && value.toLowerCase() === expected.toLowerCase();
}

function quantity(value: unknown): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) {
    throw malformedReceipt(JSON.stringify(value));
  }
  return BigInt(value);
}

function malformedReceipt(detail: string): ChainUnavailableError {
  return new ChainUnavailableError('eth_getTransactionReceipt', `malformed receipt: ${detail}`);
}
