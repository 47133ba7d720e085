/**
 * Signed notes against the golang.org/x/mod/sumdb/note test keys and signatures (SignedNoteTest),
 * and checkpoint text (CheckpointTest).
 */

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  base64,
  fromBase64,
  InvalidVerifierKeyError,
  MalformedCheckpointError,
  NoteError,
  NoteVerifier,
  parseCheckpoint,
  verifyCheckpointNote,
} from '../src/verify/index';
import { generateSigner } from './signer';

const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const PETER_SIG =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';

const peter = () => NoteVerifier.fromVerifierKey(PETER_VKEY);

/** Asserts that `promise` rejects with a NoteError of `kind`. */
async function rejectsNote(promise: Promise<unknown>, kind: NoteError['kind'], label?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof NoteError, `${label}: ${String(error)}`);
    assert.equal(error.kind, kind, label);
    return true;
  });
}

describe('signed notes', () => {
  test('loads the documented verifier key', async () => {
    const verifier = await peter();
    assert.equal(verifier.name, 'PeterNeumann');
    assert.equal(verifier.keyId, 0xc74f20a3);
    assert.equal(verifier.verifierKey, PETER_VKEY);
  });

  test('verifies the documented signed note', async () => {
    const note = await (await peter()).verify(TEXT + '\n' + PETER_SIG);
    assert.equal(note.text, TEXT);
    assert.deepEqual(note.signatures, [
      { keyName: 'PeterNeumann', keyId: 0xc74f20a3, base64: PETER_SIG.slice(15, -1) },
    ]);
  });

  test('verifies each key of a doubly signed note and keeps the other signature', async () => {
    const signed = TEXT + '\n' + PETER_SIG + ENOCH_SIG;
    const byPeter = await (await peter()).verify(signed);
    const byEnoch = await (await NoteVerifier.fromVerifierKey(ENOCH_VKEY)).verify(signed);
    assert.deepEqual(
      byPeter.signatures.map((s) => s.keyName),
      ['PeterNeumann', 'EnochRoot'],
    );
    assert.equal(byEnoch.text, TEXT);
  });

  test('rejects tampered text', async () => {
    const tampered = TEXT.replace('cryptography', 'cryptographY') + '\n' + PETER_SIG;
    await assert.rejects((await peter()).verify(tampered), {
      name: 'NoteError',
      kind: 'signature-mismatch',
      message: `signature by PeterNeumann+c74f20a3 does not verify: ${PETER_SIG.slice(15, -1)}`,
    });
  });

  test('rejects a tampered signature', async () => {
    const raw = fromBase64(PETER_SIG.slice(15, -1));
    raw[40] ^= 1;
    const tampered = `${TEXT}\n\u2014 PeterNeumann ${base64(raw)}\n`;
    await rejectsNote((await peter()).verify(tampered), 'signature-mismatch');
  });

  test('rejects a note with one good and one bad signature by the same key', async () => {
    const bad = PETER_SIG.replace('x08go/ZJ', 'x08go/ZK');
    await rejectsNote((await peter()).verify(TEXT + '\n' + PETER_SIG + bad), 'signature-mismatch');
  });

  test('rejects a note signed only by another key', async () => {
    const enoch = await NoteVerifier.fromVerifierKey(ENOCH_VKEY);
    await assert.rejects(enoch.verify(TEXT + '\n' + PETER_SIG), {
      kind: 'unknown-key',
      message: 'no signature by EnochRoot+af0cfe78; signed by [PeterNeumann+c74f20a3]',
    });
  });

  test('treats the same name with another key ID as an unknown key', async () => {
    const impostor = await generateSigner('PeterNeumann');
    await rejectsNote((await peter()).verify(await impostor.sign(TEXT)), 'unknown-key');
  });

  test('rejects signature lines past the limit of 100', async () => {
    await rejectsNote((await peter()).verify(TEXT + '\n' + PETER_SIG.repeat(101)), 'malformed');
    await (await peter()).verify(TEXT + '\n' + PETER_SIG.repeat(100));
  });

  test('rejects malformed signed notes', async () => {
    const verifier = await peter();
    const bad = [
      TEXT,
      TEXT + '\n',
      TEXT + '\n' + PETER_SIG.slice(0, -1),
      '\u0001' + TEXT + '\n' + PETER_SIG,
      '\uD800' + TEXT + '\n' + PETER_SIG,
      TEXT + '\n' + PETER_SIG.replace('PeterNeumann', 'Bad Name'),
      TEXT + '\n' + PETER_SIG + 'Unexpected line.\n',
      TEXT + '\n' + PETER_SIG.replace('\u2014', '-'),
      TEXT + '\n' + PETER_SIG.replace('AM=', 'AM'),
      TEXT + '\n' + '\u2014 PeterNeumann AAAA\n',
      TEXT + '\n' + PETER_SIG.replace('PeterNeumann', 'Peter+Neumann'),
      TEXT + '\r\n' + PETER_SIG,
    ];
    for (const note of bad) {
      await rejectsNote(verifier.verify(note), 'malformed', JSON.stringify(note));
    }
  });

  test('names a control character with its code and index, as Java does', async () => {
    await assert.rejects((await peter()).verify(TEXT + '\r\n' + PETER_SIG), {
      message: 'malformed note: signed note contains control character U+000D at index 99',
    });
  });

  test('a generated key signs and verifies', async () => {
    const signer = await generateSigner('seal.govchain.example');
    const verifier = await NoteVerifier.fromVerifierKey(signer.verifierKey);
    assert.equal((await verifier.verify(await signer.sign('hello\n'))).text, 'hello\n');
    assert.equal(verifier.verifierKey, signer.verifierKey);
  });

  test('rejects every mangling of the verifier key, as note_test.go does', async () => {
    const manglings: string[] = [];
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i !== 0 || j !== PETER_VKEY.length) {
          manglings.push(PETER_VKEY.slice(i, j));
        }
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const incremented = String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1);
      manglings.push(PETER_VKEY.slice(0, i) + incremented + PETER_VKEY.slice(i + 1));
    }
    for (const key of manglings) {
      await assert.rejects(NoteVerifier.fromVerifierKey(key), InvalidVerifierKeyError, key);
    }
  });

  test('rejects verifier keys of the wrong length or algorithm', async () => {
    for (const key of [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
      'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
    ]) {
      await assert.rejects(NoteVerifier.fromVerifierKey(key), InvalidVerifierKeyError, key);
    }
  });

  test('rejects invalid key names', async () => {
    for (const name of ['a b', 'a+b', 'tab\tname', 'nbsp\u00a0name', 'em\u2003space']) {
      const key = PETER_VKEY.replace('PeterNeumann', name);
      await assert.rejects(NoteVerifier.fromVerifierKey(key), InvalidVerifierKeyError, name);
    }
  });
});

describe('checkpoints', () => {
  const SPEC_EXAMPLE =
    'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
  const ROOT_B64 = 'CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=';

  test('parses the specification example', () => {
    assert.deepEqual(parseCheckpoint(SPEC_EXAMPLE), {
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
      rootHash: fromBase64(ROOT_B64),
      extensions: [],
    });
  });

  test('keeps extension lines', () => {
    assert.deepEqual(parseCheckpoint(SPEC_EXAMPLE + 'ext one\n\u2014 two\n').extensions, [
      'ext one',
      '\u2014 two',
    ]);
  });

  test('accepts sizes up to 2^53-1, and refuses larger ones that Java accepts', () => {
    assert.equal(parseCheckpoint(`o\n9007199254740991\n${ROOT_B64}\n`).size, 2 ** 53 - 1);
    assert.throws(() => parseCheckpoint(`o\n9223372036854775807\n${ROOT_B64}\n`), {
      line: 2,
      message:
        'checkpoint line 2: tree size above 2^53-1, the largest whole number JavaScript holds exactly: 9223372036854775807',
    });
  });

  const malformed: Array<[number, string, string]> = [
    [0, 'missing final newline', 'o\n1\nROOT'],
    [0, 'two lines', 'o\n1\n'],
    [0, 'empty', ''],
    [1, 'empty origin', '\n1\nROOT\n'],
    [1, 'leading space', ' o\n1\nROOT\n'],
    [1, 'trailing space', 'o \n1\nROOT\n'],
    [1, 'control character', 'o\u0001x\n1\nROOT\n'],
    [1, 'carriage return', 'o\r\n1\nROOT\n'],
    [2, 'leading zero', 'o\n01\nROOT\n'],
    [2, 'plus sign', 'o\n+1\nROOT\n'],
    [2, 'minus sign', 'o\n-1\nROOT\n'],
    [2, 'empty size', 'o\n\nROOT\n'],
    [2, 'hex size', 'o\n0x10\nROOT\n'],
    [2, 'space in size', 'o\n1 \nROOT\n'],
    [2, 'above 2^63-1', 'o\n9223372036854775808\nROOT\n'],
    [2, 'twenty digits', 'o\n10000000000000000000\nROOT\n'],
    [3, 'unpadded root', 'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n'],
    [3, 'base64url root', 'o\n1\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n'],
    [3, '31-byte root', 'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n'],
    [3, '33-byte root', 'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA\n'],
    [3, 'non-canonical trailing bits', 'o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n'],
    [3, 'hex root', 'o\n1\n0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62\n'],
    [3, 'empty root', 'o\n1\n\n'],
    [4, 'empty extension line', 'o\n1\nROOT\n\n'],
    [5, 'empty extension after one', 'o\n1\nROOT\next\n\n'],
    [4, 'tab in extension', 'o\n1\nROOT\na\tb\n'],
  ];
  for (const [line, description, template] of malformed) {
    test(`rejects line ${line}: ${description}`, () => {
      assert.throws(
        () => parseCheckpoint(template.replace('ROOT', ROOT_B64)),
        (e: unknown) => e instanceof MalformedCheckpointError && e.line === line,
      );
    });
  }

  test('a signed checkpoint verifies and parses back', async () => {
    const signer = await generateSigner('seal.govchain.example');
    const body = `seal.govchain.example\n42\n${ROOT_B64}\n`;
    const note = await signer.sign(body);
    const verifier = await NoteVerifier.fromVerifierKey(signer.verifierKey);
    assert.deepEqual(await verifyCheckpointNote(note, verifier), {
      origin: 'seal.govchain.example',
      size: 42,
      rootHash: fromBase64(ROOT_B64),
      extensions: [],
    });
  });

  test('a signed checkpoint with a changed size fails verification', async () => {
    const signer = await generateSigner('seal.govchain.example');
    const note = await signer.sign(`seal.govchain.example\n42\n${ROOT_B64}\n`);
    const verifier = await NoteVerifier.fromVerifierKey(signer.verifierKey);
    await rejectsNote(
      verifyCheckpointNote(note.replace('\n42\n', '\n43\n'), verifier),
      'signature-mismatch',
    );
  });

  test("a signed checkpoint fails with another log's key", async () => {
    const note = await (
      await generateSigner('seal.govchain.example')
    ).sign(`seal.govchain.example\n42\n${ROOT_B64}\n`);
    const other = await NoteVerifier.fromVerifierKey(
      (await generateSigner('ssc.govchain.example')).verifierKey,
    );
    await rejectsNote(verifyCheckpointNote(note, other), 'unknown-key');
  });

  test('a verified note whose text is not a checkpoint is rejected', async () => {
    const signer = await generateSigner('seal.govchain.example');
    const verifier = await NoteVerifier.fromVerifierKey(signer.verifierKey);
    await assert.rejects(
      verifyCheckpointNote(await signer.sign('just a text\n'), verifier),
      MalformedCheckpointError,
    );
  });
});
