/**
 * Proof bundles (`govchain.proof/v1`, docs/proof-bundle.md), parsed as strictly as the Java
 * ProofBundleJson does, with its field names and messages.
 */

import { base64, fromBase64, fromHex, utf8 } from './bytes';
import { isJavaBlank } from './java-text';
import { parseInstant } from './instant';
import { CanonicalJsonError, JsonNumberText, readJson } from './json-reader';

/** The format tag every bundle carries. */
export const BUNDLE_FORMAT = 'govchain.proof/v1';

/**
 * A self-contained proof that one log entry is included in an anchored checkpoint. Log hashes are
 * raw 32-byte values; numbers are safe integers.
 */
export interface ProofBundle {
  /** The log's origin string, e.g. `seal.govchain.example`. */
  origin: string;
  /** The entry's index in the log, 0 <= leafIndex < treeSize. */
  leafIndex: number;
  /** The exact bytes hashed into the leaf: the canonical event envelope. */
  leafData: Uint8Array;
  /** The size of the anchored checkpoint the proof is against. */
  treeSize: number;
  rootHash: Uint8Array;
  /** The RFC 9162 inclusion proof, in the RFC's order. */
  inclusionPath: Uint8Array[];
  /** The checkpoint as a C2SP signed note, or null when the bundle has none. */
  checkpoint: string | null;
  anchor: {
    chainId: number;
    /** The registry's address, 0x and 40 hex digits, lowercase once parsed (as Java stores it). */
    contractAddress: string;
    logId: Uint8Array;
    transactionHash: Uint8Array;
    blockNumber: number;
    /** The anchoring block's time as written in the JSON (RFC 3339). */
    blockTime: string;
  };
}

/** A proof bundle that is not well-formed; names the field, `$` for the document as a whole. */
export class MalformedBundleError extends Error {
  /** The JSON field at fault (e.g. `anchor.logId`, `inclusionPath[2]`), or `$`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`proof bundle field '${field}': ${problem}`);
    this.name = 'MalformedBundleError';
    this.field = field;
  }
}

const TOP_FIELDS = new Set([
  'format',
  'origin',
  'leafIndex',
  'leafData',
  'treeSize',
  'rootHash',
  'inclusionPath',
  'checkpoint',
  'anchor',
]);
const ANCHOR_FIELDS = new Set([
  'chainId',
  'contractAddress',
  'logId',
  'transactionHash',
  'blockNumber',
  'blockTime',
]);
const HASH_HEX = /^[0-9a-f]{64}$/;
const PREFIXED_HASH = /^0x[0-9a-fA-F]{64}$/;
// RFC 3339 in UTC as Java's Instant.toString() writes it: 'T', 'Z', 0 to 9 fraction digits
const BLOCK_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?Z$/;
const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

type JsonObject = Map<string, unknown>;

/**
 * Parses a bundle strictly, as ProofBundleJson.parse does: one JSON object (a leading byte-order
 * mark is skipped, as Jackson does) without duplicate keys or unknown fields; every field present
 * with its type; whole numbers written without fraction or exponent (`1.0` is refused) and not
 * negative; `leafData` padded standard base64; hashes of 32 bytes, `0x`-prefixed in
 * `anchor`; a positive chain id; an RFC 3339 UTC block time ('T', 'Z'); a non-blank origin; 0 <= leafIndex <
 * treeSize.
 *
 * One difference from Java, which accepts any 64-bit number: numbers above 2^53-1 are refused,
 * as JavaScript cannot hold them exactly.
 *
 * @throws MalformedBundleError naming the first field that is missing, unknown, of the wrong type
 *     or out of range
 */
export function parseBundle(json: string): ProofBundle {
  if (/^\uFEFF?[ \t\r\n]*$/.test(json)) {
    throw new MalformedBundleError('$', 'not a JSON object');
  }
  let root: unknown;
  try {
    root = readJson(utf8(json), 'bundle');
  } catch (error) {
    if (error instanceof CanonicalJsonError) {
      throw new MalformedBundleError('$', `not valid JSON: ${error.message}`);
    }
    throw error;
  }
  if (!(root instanceof Map)) {
    throw new MalformedBundleError('$', 'not a JSON object');
  }
  onlyKnownFields(root, TOP_FIELDS, '');
  const format = text(root, 'format', '');
  if (format !== BUNDLE_FORMAT) {
    throw new MalformedBundleError('format', `is '${format}', expected '${BUNDLE_FORMAT}'`);
  }
  const origin = text(root, 'origin', '');
  const leafIndex = whole(root, 'leafIndex', '');
  const leafData = leafDataOf(root);
  const treeSize = whole(root, 'treeSize', '');
  const rootHash = hash(text(root, 'rootHash', ''), 'rootHash');
  const inclusionPath = inclusionPathOf(root);
  const checkpoint = root.has('checkpoint') ? text(root, 'checkpoint', '') : null;
  const anchorNode = root.get('anchor');
  if (!(anchorNode instanceof Map)) {
    throw new MalformedBundleError('anchor', 'missing or not an object');
  }
  onlyKnownFields(anchorNode, ANCHOR_FIELDS, 'anchor.');
  const chainId = whole(anchorNode, 'chainId', 'anchor.');
  const contractAddress = text(anchorNode, 'contractAddress', 'anchor.');
  const logId = prefixedHash(anchorNode, 'logId');
  const transactionHash = prefixedHash(anchorNode, 'transactionHash');
  const blockNumber = whole(anchorNode, 'blockNumber', 'anchor.');
  const blockTime = blockTimeOf(anchorNode);
  // The Anchor and ProofBundle constructors' checks, in their order, on the values Java holds.
  if (chainId < 1n) {
    throw new MalformedBundleError('anchor', notPositive(chainId));
  }
  if (!ADDRESS.test(contractAddress)) {
    throw new MalformedBundleError('anchor', notAnAddress(contractAddress));
  }
  if (isJavaBlank(origin)) {
    throw new MalformedBundleError('$', 'origin is blank');
  }
  if (treeSize < 1n || leafIndex >= treeSize) {
    throw new MalformedBundleError('$', notWithin(leafIndex, treeSize));
  }
  return {
    origin,
    leafIndex: safe(leafIndex, 'leafIndex'),
    leafData,
    treeSize: safe(treeSize, 'treeSize'),
    rootHash,
    inclusionPath,
    checkpoint,
    anchor: {
      chainId: safe(chainId, 'anchor.chainId'),
      contractAddress: contractAddress.toLowerCase(),
      logId,
      transactionHash,
      blockNumber: safe(blockNumber, 'anchor.blockNumber'),
      blockTime,
    },
  };
}

/**
 * Checks the invariants every bundle holds whatever its source, as the Java ProofBundle and Anchor
 * constructors do, for bundles not made by {@link parseBundle}; numbers must be safe integers.
 *
 * @throws MalformedBundleError (`anchor` for the anchor's values, `$` for the others)
 */
export function requireValidBundle(bundle: ProofBundle): void {
  const { anchor, leafIndex, treeSize } = bundle;
  const anchorFault = (problem: string) => new MalformedBundleError('anchor', problem);
  if (!isCount(anchor.chainId) || anchor.chainId < 1) {
    throw anchorFault(notPositive(anchor.chainId));
  }
  if (!ADDRESS.test(anchor.contractAddress)) {
    throw anchorFault(notAnAddress(anchor.contractAddress));
  }
  if (anchor.logId.length !== 32 || anchor.transactionHash.length !== 32) {
    throw anchorFault('logId and transactionHash must have 32 bytes');
  }
  if (!isCount(anchor.blockNumber)) {
    throw anchorFault(`blockNumber ${anchor.blockNumber} is negative`);
  }
  if (parseInstant(anchor.blockTime) === null) {
    throw anchorFault(`blockTime '${anchor.blockTime}' is not an RFC 3339 time`);
  }
  const fault = (problem: string) => new MalformedBundleError('$', problem);
  if (isJavaBlank(bundle.origin)) {
    throw fault('origin is blank');
  }
  if (!isCount(leafIndex) || !isCount(treeSize) || treeSize < 1 || leafIndex >= treeSize) {
    throw fault(notWithin(leafIndex, treeSize));
  }
  if (bundle.rootHash.length !== 32) {
    throw fault(`rootHash has ${bundle.rootHash.length} bytes, not 32`);
  }
  const badHash = bundle.inclusionPath.find((h) => h.length !== 32);
  if (badHash !== undefined) {
    throw fault(`inclusion path hash has ${badHash.length} bytes, not 32`);
  }
}

/** Whether `value` is a non-negative safe integer. */
function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function notPositive(chainId: bigint | number): string {
  return `chainId ${chainId} is not positive`;
}

function notAnAddress(address: string): string {
  return `contractAddress '${address}' is not 0x and 40 hex digits`;
}

function notWithin(leafIndex: bigint | number, treeSize: bigint | number): string {
  return `leafIndex ${leafIndex} is not within a tree of size ${treeSize}`;
}

function onlyKnownFields(node: JsonObject, known: Set<string>, prefix: string): void {
  for (const name of node.keys()) {
    if (!known.has(name)) {
      throw new MalformedBundleError(prefix + name, 'unknown field');
    }
  }
}

function text(node: JsonObject, field: string, prefix: string): string {
  const value = node.get(field);
  if (typeof value !== 'string') {
    throw new MalformedBundleError(prefix + field, 'missing or not a string');
  }
  return value;
}

/**
 * A whole number as Jackson sees one: an integer literal (no fraction, no exponent) within the
 * 64-bit range, not negative ("-0" is 0).
 */
function whole(node: JsonObject, field: string, prefix: string): bigint {
  const value = node.get(field);
  const literal = value instanceof JsonNumberText && /^-?[0-9]+$/.test(value.text);
  const number = literal ? BigInt(value.text) : null;
  if (number === null || number < INT64_MIN || number > INT64_MAX) {
    throw new MalformedBundleError(prefix + field, 'missing or not a whole number');
  }
  if (number < 0n) {
    throw new MalformedBundleError(prefix + field, `is negative: ${number}`);
  }
  return number;
}

/**
 * `value` as a number, refused above 2^53-1 (which JavaScript cannot hold exactly). Checked once
 * every field has been read, so that a bundle Java also refuses is refused for the same field.
 */
function safe(value: bigint, field: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MalformedBundleError(
      field,
      `is ${value}, above 2^53-1, the largest whole number JavaScript holds exactly`,
    );
  }
  return Number(value);
}

function leafDataOf(root: JsonObject): Uint8Array {
  const encoded = text(root, 'leafData', '');
  let decoded: Uint8Array;
  try {
    decoded = fromBase64(encoded);
  } catch {
    throw new MalformedBundleError('leafData', 'not standard base64');
  }
  // padded, and the one spelling of these bytes (no stray bits)
  if (base64(decoded) !== encoded) {
    throw new MalformedBundleError('leafData', 'not standard base64');
  }
  return decoded;
}

function hash(value: string, field: string): Uint8Array {
  if (!HASH_HEX.test(value)) {
    throw new MalformedBundleError(field, `not 64 lowercase hex digits: '${value}'`);
  }
  return fromHex(value);
}

function prefixedHash(anchor: JsonObject, field: string): Uint8Array {
  const value = text(anchor, field, 'anchor.');
  if (!PREFIXED_HASH.test(value)) {
    throw new MalformedBundleError(`anchor.${field}`, `not 0x and 64 hex digits: '${value}'`);
  }
  return fromHex(value);
}

function blockTimeOf(anchor: JsonObject): string {
  const value = text(anchor, 'blockTime', 'anchor.');
  if (!BLOCK_TIME.test(value) || parseInstant(value) === null) {
    throw new MalformedBundleError('anchor.blockTime', `not an RFC 3339 UTC time: ${value}`);
  }
  return value;
}

function inclusionPathOf(root: JsonObject): Uint8Array[] {
  const value = root.get('inclusionPath');
  if (!Array.isArray(value)) {
    throw new MalformedBundleError('inclusionPath', 'missing or not an array');
  }
  return value.map((element, i) => {
    if (typeof element !== 'string') {
      throw new MalformedBundleError(`inclusionPath[${i}]`, 'not a string');
    }
    return hash(element, `inclusionPath[${i}]`);
  });
}
