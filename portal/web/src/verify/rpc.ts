/**
 * The few Ethereum JSON-RPC 2.0 requests the verifier makes, over fetch, and the AnchorRegistry
 * reads built on them (the browser's counterpart of AnchorRegistryClient's read side).
 */

import { equalBytes } from './bytes';
import { ChainUnavailableError, RegistryNotFoundError } from './chain-errors';
import { decodeResult, encodeCheckpointAt, encodeLatest } from './registry-abi';

/** How long a request may take, response body included, unless the caller says otherwise. */
const DEFAULT_TIMEOUT_MS = 10_000;

/** A checkpoint as the registry stores it, without the log id and size it was asked for. */
export interface StoredCheckpoint {
  rootHash: Uint8Array;
  blockNumber: number;
  /** The anchoring block's timestamp, in unix seconds. */
  blockTime: number;
}

/**
 * A client for one JSON-RPC endpoint; every failure to get a proper answer is a
 * ChainUnavailableError.
 */
export class ChainRpc {
  private readonly timeoutMs: number;
  private nextId = 1;

  /**
   * @param url the endpoint, e.g. `http://127.0.0.1:8545`
   * @param options.timeoutMs how long one request may take (default 10 s)
   */
  constructor(
    readonly url: string,
    options: { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** eth_chainId: the EIP-155 chain id the endpoint serves. */
  async chainId(): Promise<number> {
    return quantity('eth_chainId', await this.request('eth_chainId', []));
  }

  /** eth_blockNumber: the latest block's number. */
  async blockNumber(): Promise<number> {
    return quantity('eth_blockNumber', await this.request('eth_blockNumber', []));
  }

  /** eth_getCode at the latest block: the code at `address`, 0x-prefixed hex ("0x" for none). */
  async getCode(address: string): Promise<string> {
    const code = await this.request('eth_getCode', [address, 'latest']);
    if (typeof code !== 'string') {
      throw malformed('eth_getCode', code);
    }
    return code;
  }

  /**
   * The root the registry at `registry` stores for `logId` at exactly `treeSize`, with its block,
   * or null when that size was never anchored (an all-zero root).
   *
   * @throws RegistryNotFoundError if the call returns no data (no code at the address)
   * @throws RegistryCallError if the result does not decode as (bytes32, uint64, uint64)
   */
  async checkpointAt(
    registry: string,
    logId: Uint8Array,
    treeSize: number,
  ): Promise<StoredCheckpoint | null> {
    const data = await this.call(registry, encodeCheckpointAt(logId, treeSize));
    const [rootHash, blockNumber, blockTime] = decodeResult('checkpointAt', data, [
      'bytes32',
      'uint64',
      'uint64',
    ]) as [Uint8Array, number, number];
    return isZero(rootHash) ? null : { rootHash, blockNumber, blockTime };
  }

  /**
   * The newest checkpoint the registry stores for `logId`, or null if none was anchored.
   *
   * @throws RegistryNotFoundError if the call returns no data (no code at the address)
   * @throws RegistryCallError if the result does not decode as (uint64, bytes32, uint64, uint64)
   */
  async latest(
    registry: string,
    logId: Uint8Array,
  ): Promise<(StoredCheckpoint & { treeSize: number }) | null> {
    const data = await this.call(registry, encodeLatest(logId));
    const [treeSize, rootHash, blockNumber, blockTime] = decodeResult('latest', data, [
      'uint64',
      'bytes32',
      'uint64',
      'uint64',
    ]) as [number, Uint8Array, number, number];
    return treeSize === 0 ? null : { treeSize, rootHash, blockNumber, blockTime };
  }

  /** eth_getTransactionReceipt: the receipt object as the node sends it, or null if unknown. */
  async transactionReceipt(hash: string): Promise<any | null> {
    const receipt = await this.request('eth_getTransactionReceipt', [hash]);
    if (receipt !== null && (typeof receipt !== 'object' || Array.isArray(receipt))) {
      throw malformed('eth_getTransactionReceipt', receipt);
    }
    return receipt;
  }

  /** eth_getBlockByNumber without transactions: the block's number, timestamp and hash, or null. */
  async block(number: number): Promise<{ number: number; timestamp: number; hash: string } | null> {
    const method = 'eth_getBlockByNumber';
    const block = await this.request(method, ['0x' + number.toString(16), false]);
    if (block === null) {
      return null;
    }
    if (typeof block !== 'object' || typeof (block as { hash?: unknown }).hash !== 'string') {
      throw malformed(method, block);
    }
    const fields = block as { number: unknown; timestamp: unknown; hash: string };
    return {
      number: quantity(method, fields.number),
      timestamp: quantity(method, fields.timestamp),
      hash: fields.hash,
    };
  }

  /** eth_call of `data` on `to` at the latest block; the returned data, never empty. */
  private async call(to: string, data: string): Promise<string> {
    const result = await this.request('eth_call', [{ to, data }, 'latest']);
    if (typeof result !== 'string') {
      throw malformed('eth_call', result);
    }
    if (result === '' || result === '0x') {
      throw new RegistryNotFoundError(to.toLowerCase());
    }
    return result;
  }

  /**
   * Sends one JSON-RPC request and returns its `result`.
   *
   * @throws ChainUnavailableError on a network failure, an HTTP status outside 2xx (web3j's
   *     rule), a timeout, a body that is not a JSON-RPC response, or a JSON-RPC error object
   */
  private async request(method: string, params: unknown[]): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let body: string;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: this.nextId++, method, params }),
        signal: controller.signal,
      });
      if (!response.ok) {
        throw new ChainUnavailableError(
          method,
          `HTTP ${response.status} ${response.statusText}`.trim(),
        );
      }
      body = await response.text();
    } catch (error) {
      if (error instanceof ChainUnavailableError) {
        throw error;
      }
      const detail = controller.signal.aborted
        ? `no answer within ${this.timeoutMs} ms`
        : describeFailure(error);
      throw new ChainUnavailableError(method, detail);
    } finally {
      clearTimeout(timer);
    }
    return result(method, body);
  }
}

/** The `result` of a JSON-RPC response body. */
function result(method: string, body: string): unknown {
  let response: unknown;
  try {
    response = JSON.parse(body);
  } catch {
    throw new ChainUnavailableError(method, `the answer is not JSON: ${body.slice(0, 200)}`);
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) {
    throw new ChainUnavailableError(
      method,
      `the answer is not a JSON-RPC response: ${body.slice(0, 200)}`,
    );
  }
  const { error, result } = response as {
    error?: { code?: unknown; message?: unknown } | null;
    result?: unknown;
  };
  if (error !== undefined && error !== null) {
    throw new ChainUnavailableError(method, errorDetail(method, error));
  }
  if (result === undefined) {
    throw new ChainUnavailableError(method, `the answer has no result: ${body.slice(0, 200)}`);
  }
  return result;
}

/**
 * A JSON-RPC error as the Java verifier reports it: "JSON-RPC error <code>: <message>", but the
 * message alone for eth_getTransactionReceipt (AnchorTransactions reports it that way).
 */
function errorDetail(method: string, error: { code?: unknown; message?: unknown }): string {
  const message = String(error.message);
  return method === 'eth_getTransactionReceipt'
    ? message
    : `JSON-RPC error ${String(error.code)}: ${message}`;
}

/** A fetch failure with its cause, e.g. "fetch failed (connect ECONNREFUSED 127.0.0.1:9)". */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${error.message} (${cause})` : error.message;
}

/** A hex quantity ("0x1a") that must be a safe integer. */
function quantity(method: string, value: unknown): number {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) {
    throw malformed(method, value);
  }
  const number = Number(BigInt(value));
  if (!Number.isSafeInteger(number)) {
    throw new ChainUnavailableError(method, `${value} is above 2^53-1`);
  }
  return number;
}

function malformed(method: string, value: unknown): ChainUnavailableError {
  return new ChainUnavailableError(method, `malformed result: ${JSON.stringify(value)}`);
}

function isZero(bytes: Uint8Array): boolean {
  return equalBytes(bytes, new Uint8Array(bytes.length));
}
