/**
 * C2SP signed notes verified against one trusted Ed25519 verifier key (`<name>+<hex8>+<base64(0x01
 * || public key)>`), with the rules of the Java NoteVerifier and Notes classes; Ed25519 runs in
 * WebCrypto.
 */

import { base64, concatBytes, fromCanonicalBase64, utf8 } from './bytes';
import { type Checkpoint, parseCheckpoint } from './checkpoint';
import {
  codeUnitName,
  isIsoControl,
  isJavaWhitespace,
  isSpaceChar,
  isWellFormed,
} from './java-text';
import { sha256 } from './merkle';

const SIGNATURE_PREFIX = '\u2014 ';
const ALG_ED25519 = 0x01;
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
/** At most this many signature lines are read. */
const MAX_SIGNATURES = 100;

/** Why a signed note was not accepted; `kind` tells which of the Java exceptions it mirrors. */
export class NoteError extends Error {
  readonly kind: 'malformed' | 'unknown-key' | 'signature-mismatch';

  private constructor(kind: NoteError['kind'], message: string) {
    super(message);
    this.name = 'NoteError';
    this.kind = kind;
  }

  /** The note is not a well-formed signed note (MalformedNoteException). */
  static malformed(reason: string): NoteError {
    return new NoteError('malformed', `malformed note: ${reason}`);
  }

  /** No signature line is by the expected key (UnknownKeyException). */
  static unknownKey(expectedKey: string, presentKeys: string[]): NoteError {
    return new NoteError(
      'unknown-key',
      `no signature by ${expectedKey}; signed by [${presentKeys.join(', ')}]`,
    );
  }

  /** A signature line by the expected key does not verify (SignatureMismatchException). */
  static signatureMismatch(key: string, signature: string): NoteError {
    return new NoteError('signature-mismatch', `signature by ${key} does not verify: ${signature}`);
  }
}

/** A verifier key string that is malformed, not Ed25519, or whose key ID does not match. */
export class InvalidVerifierKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidVerifierKeyError';
  }
}

/** One signature line of a signed note: `— <keyName> <base64(key ID || signature)>`. */
export interface NoteSignature {
  keyName: string;
  /** The 4-byte big-endian key ID, as an unsigned number. */
  keyId: number;
  base64: string;
}

/** A signed note whose signature by the trusted key verified: its text and all signature lines. */
export interface SignedNote {
  /** The note text, with its final newline. */
  text: string;
  /** Every signature line, verified or not (lines by other keys are not), in order. */
  signatures: NoteSignature[];
}

/**
 * Verifies C2SP signed notes against one Ed25519 verifier key. Every signature line by this key
 * (same name and key ID) must verify; lines by other keys are returned unverified, as the spec
 * asks.
 */
export class NoteVerifier {
  private constructor(
    readonly name: string,
    readonly keyId: number,
    private readonly publicKey: Uint8Array,
  ) {}

  /**
   * Loads a verifier key string `<name>+<hex8 key ID>+<base64(0x01 || 32-byte public key)>`; the
   * key ID must be the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key).
   *
   * @throws InvalidVerifierKeyError if it is malformed, not Ed25519, or its key ID does not match
   */
  static async fromVerifierKey(key: string): Promise<NoteVerifier> {
    const [name, idText, keyText] = splitKey(key);
    if (keyText === undefined || !isValidKeyName(name)) {
      throw new InvalidVerifierKeyError(`verifier key is not <name>+<id>+<key>: ${key}`);
    }
    const raw = fromCanonicalBase64(keyText);
    if (!/^[0-9a-fA-F]{8}$/.test(idText) || raw === null) {
      throw new InvalidVerifierKeyError('verifier key has a malformed key ID or key encoding');
    }
    if (raw.length !== 1 + KEY_BYTES || raw[0] !== ALG_ED25519) {
      throw new InvalidVerifierKeyError('verifier key is not a 32-byte Ed25519 (0x01) key');
    }
    const publicKey = raw.slice(1);
    const computed = await keyIdOf(name, publicKey);
    if (computed !== parseInt(idText, 16)) {
      throw new InvalidVerifierKeyError(
        `verifier key ID ${idText} does not match its key (${hex8(computed)})`,
      );
    }
    return new NoteVerifier(name, computed, publicKey);
  }

  /** The verifier key string, with the key ID in lowercase hex. */
  get verifierKey(): string {
    const key = concatBytes(Uint8Array.of(ALG_ED25519), this.publicKey);
    return `${this.name}+${hex8(this.keyId)}+${base64(key)}`;
  }

  /**
   * Parses a signed note and verifies this key's signatures on it: the note has no lone
   * surrogates and no control characters but newlines; its text ends at the last blank line; the
   * signature block is non-empty, ends with a newline and has at most 100 lines, each `— <valid
   * key name> <canonical base64 of at least 5 bytes>`.
   *
   * @throws NoteError `malformed` if the note is not well-formed, `unknown-key` if no signature
   *     line is by this key, `signature-mismatch` if a line by this key does not verify
   */
  async verify(signedNote: string): Promise<SignedNote> {
    checkCharacters(signedNote, 'signed note');
    const split = signedNote.lastIndexOf('\n\n');
    if (split < 0) {
      throw NoteError.malformed('no blank line before the signatures');
    }
    const text = signedNote.slice(0, split + 1);
    const block = signedNote.slice(split + 2);
    if (block.length === 0 || !block.endsWith('\n')) {
      throw NoteError.malformed('signature block is empty or lacks its final newline');
    }
    const signatures: NoteSignature[] = [];
    for (const line of block.slice(0, -1).split('\n')) {
      const signature = parseSignatureLine(line);
      if (signatures.length === MAX_SIGNATURES) {
        throw NoteError.malformed(`more than ${MAX_SIGNATURES} signatures`);
      }
      signatures.push(signature);
    }
    const mine = signatures.filter((s) => s.keyName === this.name && s.keyId === this.keyId);
    const key = keyString(this.name, this.keyId);
    if (mine.length === 0) {
      throw NoteError.unknownKey(
        key,
        signatures.map((s) => keyString(s.keyName, s.keyId)),
      );
    }
    const message = utf8(text);
    for (const signature of mine) {
      const raw = fromCanonicalBase64(signature.base64)!;
      if (!(await this.ed25519Verifies(message, raw.slice(4)))) {
        throw NoteError.signatureMismatch(key, signature.base64);
      }
    }
    return { text, signatures };
  }

  /** Whether `signature` is a valid Ed25519 signature of `message` by this key. */
  private async ed25519Verifies(message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    if (signature.length !== SIGNATURE_BYTES) {
      return false;
    }
    try {
      const key = await crypto.subtle.importKey(
        'raw',
        concatBytes(this.publicKey),
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      return await crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        concatBytes(signature),
        concatBytes(message),
      );
    } catch {
      return false; // a key or signature WebCrypto cannot even decode is no valid signature
    }
  }
}

/**
 * Verifies a signed checkpoint note with `verifier` and parses its text, as Checkpoint.verify
 * does.
 *
 * @throws NoteError if the note or its signature is not acceptable
 * @throws MalformedCheckpointError if the signed text is not a checkpoint
 */
export async function verifyCheckpointNote(
  signedNote: string,
  verifier: NoteVerifier,
): Promise<Checkpoint> {
  const note = await verifier.verify(signedNote);
  return parseCheckpoint(note.text);
}

/** `key` split at its first two '+' signs, as Java's split("\\+", 3); fewer parts if missing. */
function splitKey(key: string): string[] {
  const first = key.indexOf('+');
  const second = first < 0 ? -1 : key.indexOf('+', first + 1);
  if (second < 0) {
    return first < 0 ? [key] : [key.slice(0, first), key.slice(first + 1)];
  }
  return [key.slice(0, first), key.slice(first + 1, second), key.slice(second + 1)];
}

/**
 * Whether `name` can name a key: non-empty, well-formed, with no '+', no Java whitespace or
 * Unicode space character and no control character.
 */
function isValidKeyName(name: string): boolean {
  if (name.length === 0 || !isWellFormed(name)) {
    return false;
  }
  return [...name].every((c) => {
    const cp = c.codePointAt(0)!;
    return cp !== 0x2b && !isJavaWhitespace(cp) && !isSpaceChar(cp) && !isIsoControl(cp);
  });
}

/** The key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), unsigned. */
async function keyIdOf(name: string, publicKey: Uint8Array): Promise<number> {
  const digest = await sha256(utf8(name), Uint8Array.of(0x0a, ALG_ED25519), publicKey);
  return new DataView(digest.buffer, digest.byteOffset).getUint32(0);
}

function hex8(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function keyString(name: string, keyId: number): string {
  return `${name}+${hex8(keyId)}`;
}

/** Checks a note: well-formed Unicode, no control characters other than newline. */
function checkCharacters(text: string, what: string): void {
  if (!isWellFormed(text)) {
    throw NoteError.malformed(`${what} contains a lone surrogate`);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) {
      throw NoteError.malformed(
        `${what} contains control character ${codeUnitName(c)} at index ${i}`,
      );
    }
  }
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) {
    throw NoteError.malformed('signature line does not start with an em dash and space');
  }
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) {
    throw NoteError.malformed('signature line has no space between name and signature');
  }
  const keyName = rest.slice(0, space);
  const signature = rest.slice(space + 1);
  const raw = fromCanonicalBase64(signature);
  if (!isValidKeyName(keyName) || raw === null || raw.length < 5) {
    throw NoteError.malformed(`malformed signature line: ${line}`);
  }
  const keyId = new DataView(raw.buffer, raw.byteOffset).getUint32(0);
  return { keyName, keyId, base64: signature };
}
