/**
 * A log's tree head as C2SP tlog-checkpoint note text (`<origin>\n<size>\n<base64 root>\n`,
 * optionally followed by extension lines), with the rules of the Java Checkpoint class.
 */

import { fromCanonicalBase64 } from './bytes';
import { hasIsoControl, javaStrip } from './java-text';

/** A parsed checkpoint: origin, tree size, 32-byte root hash and any extension lines. */
export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  extensions: string[];
}

/** Checkpoint text that breaks the format; names the 1-based line at fault (0: none). */
export class MalformedCheckpointError extends Error {
  /** 1 origin, 2 size, 3 root hash, 4+ extension lines, 0 for the text as a whole. */
  readonly line: number;
  /** What is wrong. */
  readonly reason: string;

  constructor(line: number, reason: string) {
    super(line > 0 ? `checkpoint line ${line}: ${reason}` : `checkpoint: ${reason}`);
    this.name = 'MalformedCheckpointError';
    this.line = line;
    this.reason = reason;
  }
}

const SIZE = /^(?:0|[1-9][0-9]{0,18})$/;
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * Reads checkpoint note text strictly, as Checkpoint.parse does: the text ends with a newline and
 * has at least three lines; the origin is non-empty, without control characters and without
 * leading or trailing whitespace; the size is decimal without sign or leading zeros; the root hash
 * is the canonical padded standard base64 of 32 bytes; each extension line is non-empty without
 * control characters.
 *
 * Unlike Java, which accepts sizes up to 2^63-1, sizes above 2^53-1 are refused: a JavaScript
 * number cannot hold them exactly (and no bundle can name such a size).
 *
 * @throws MalformedCheckpointError naming the line at fault
 */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) {
    throw new MalformedCheckpointError(0, 'text must end with a newline');
  }
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) {
    throw new MalformedCheckpointError(0, 'fewer than three lines');
  }
  const [origin, sizeText, rootText] = lines;
  checkLine(1, origin, 'origin');
  if (!SIZE.test(sizeText)) {
    throw new MalformedCheckpointError(
      2,
      `tree size must be decimal without sign or leading zeros: ${sizeText}`,
    );
  }
  const size = BigInt(sizeText);
  if (size > MAX_INT64) {
    throw new MalformedCheckpointError(2, `tree size above 2^63-1: ${sizeText}`);
  }
  if (size > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MalformedCheckpointError(
      2,
      `tree size above 2^53-1, the largest whole number JavaScript holds exactly: ${sizeText}`,
    );
  }
  const rootHash = fromCanonicalBase64(rootText);
  if (rootHash === null || rootHash.length !== 32) {
    throw new MalformedCheckpointError(
      3,
      `root hash must be padded standard base64 of 32 bytes: ${rootText}`,
    );
  }
  if (javaStrip(origin) !== origin) {
    throw new MalformedCheckpointError(1, 'origin has leading or trailing whitespace');
  }
  const extensions = lines.slice(3);
  extensions.forEach((line, i) => checkLine(4 + i, line, 'extension line'));
  return { origin, size: Number(size), rootHash, extensions };
}

function checkLine(line: number, value: string, what: string): void {
  if (value.length === 0) {
    throw new MalformedCheckpointError(line, `${what} is empty`);
  }
  if (hasIsoControl(value)) {
    throw new MalformedCheckpointError(line, `${what} contains control characters`);
  }
}
