package org.govchain.anchor.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Signed notes against the golang.org/x/mod/sumdb/note test keys and signatures. */
class SignedNoteTest {

  // From golang.org/x/mod/sumdb/note (note.go documentation and note_test.go).
  static final String PETER_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  static final String PETER_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  static final String ENOCH_VKEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
  static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  static final String PETER_SIG =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  static final String ENOCH_SIG =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  @Test
  void signerKeyYieldsTheDocumentedVerifierKey() {
    NoteSigner signer = NoteSigner.fromSignerKey(PETER_SKEY);

    assertThat(signer.name()).isEqualTo("PeterNeumann");
    assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
    assertThat(signer.verifierKey()).isEqualTo(PETER_VKEY);
    assertThat(signer.signerKey()).isEqualTo(PETER_SKEY);
    assertThat(signer.toString()).doesNotContain("AYEKFALV");
  }

  @Test
  void signingReproducesTheDocumentedSignedNote() {
    String signed = NoteSigner.fromSignerKey(PETER_SKEY).sign(TEXT);

    assertThat(signed).isEqualTo(TEXT + "\n" + PETER_SIG);
  }

  @Test
  void verifiesTheDocumentedSignedNote() {
    SignedNote note = NoteVerifier.fromVerifierKey(PETER_VKEY).verify(TEXT + "\n" + PETER_SIG);

    assertThat(note.text()).isEqualTo(TEXT);
    assertThat(note.signatures()).hasSize(1);
    assertThat(note.signatures().get(0).key()).isEqualTo("PeterNeumann+c74f20a3");
    assertThat(note.encoded()).isEqualTo(TEXT + "\n" + PETER_SIG);
  }

  @Test
  void verifiesEachKeyOfADoublySignedNoteAndKeepsTheOtherSignature() {
    String signed = TEXT + "\n" + PETER_SIG + ENOCH_SIG;

    SignedNote byPeter = NoteVerifier.fromVerifierKey(PETER_VKEY).verify(signed);
    SignedNote byEnoch = NoteVerifier.fromVerifierKey(ENOCH_VKEY).verify(signed);

    assertThat(byPeter.signatures())
        .extracting(NoteSignature::keyName)
        .containsExactly("PeterNeumann", "EnochRoot");
    assertThat(byEnoch.text()).isEqualTo(TEXT);
  }

  @Test
  void rejectsTamperedText() {
    String tampered = TEXT.replace("cryptography", "cryptographY") + "\n" + PETER_SIG;

    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(PETER_VKEY).verify(tampered))
        .isInstanceOfSatisfying(
            SignatureMismatchException.class,
            e -> assertThat(e.key()).isEqualTo("PeterNeumann+c74f20a3"));
  }

  @Test
  void rejectsTamperedSignature() {
    String base64 = PETER_SIG.substring(PETER_SIG.indexOf(' ', 2) + 1, PETER_SIG.length() - 1);
    byte[] raw = Base64.getDecoder().decode(base64);
    raw[40] ^= 1;
    String tampered =
        TEXT + "\n\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(raw) + "\n";

    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(PETER_VKEY).verify(tampered))
        .isInstanceOf(SignatureMismatchException.class);
  }

  @Test
  void rejectsNoteWithOneGoodAndOneBadSignatureByTheSameKey() {
    String bad = PETER_SIG.replace("x08go/ZJ", "x08go/ZK");

    assertThatThrownBy(
            () -> NoteVerifier.fromVerifierKey(PETER_VKEY).verify(TEXT + "\n" + PETER_SIG + bad))
        .isInstanceOf(SignatureMismatchException.class);
  }

  @Test
  void rejectsNoteSignedOnlyByAnotherKey() {
    assertThatThrownBy(
            () -> NoteVerifier.fromVerifierKey(ENOCH_VKEY).verify(TEXT + "\n" + PETER_SIG))
        .isInstanceOfSatisfying(
            UnknownKeyException.class,
            e -> {
              assertThat(e.expectedKey()).isEqualTo("EnochRoot+af0cfe78");
              assertThat(e.presentKeys()).containsExactly("PeterNeumann+c74f20a3");
            });
  }

  @Test
  void treatsSameNameWithOtherKeyIdAsUnknownKey() {
    NoteSigner impostor = NoteSigner.generate("PeterNeumann");

    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(PETER_VKEY).verify(impostor.sign(TEXT)))
        .isInstanceOf(UnknownKeyException.class);
  }

  @Test
  void rejectsSignatureLinesPastTheLimit() {
    String many = TEXT + "\n" + PETER_SIG.repeat(101);

    assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(PETER_VKEY).verify(many))
        .isInstanceOf(MalformedNoteException.class);
  }

  @Test
  void rejectsMalformedSignedNotes() {
    NoteVerifier verifier = NoteVerifier.fromVerifierKey(PETER_VKEY);
    String[] bad = {
      TEXT,
      TEXT + "\n",
      TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
      "\u0001" + TEXT + "\n" + PETER_SIG,
      "\uD800" + TEXT + "\n" + PETER_SIG,
      TEXT
          + "\n"
          + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
      TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
      TEXT + "\n" + PETER_SIG.replace("\u2014", "-"),
      TEXT + "\n" + PETER_SIG.replace("AM=", "AM"),
      TEXT + "\n" + "\u2014 PeterNeumann AAAA\n",
      TEXT
          + "\n"
          + "\u2014 Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
      TEXT + "\r\n" + PETER_SIG,
    };

    for (String note : bad) {
      assertThatThrownBy(() -> verifier.verify(note))
          .as("%s", note)
          .isInstanceOf(MalformedNoteException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"no final newline", "", "tab\there\n", "cr\r\n"})
  void refusesToSignTextThatCannotBeANote(String text) {
    NoteSigner signer = NoteSigner.fromSignerKey(PETER_SKEY);

    assertThatThrownBy(() -> signer.sign(text)).isInstanceOf(MalformedNoteException.class);
  }

  @Test
  void generatedKeySignsAndVerifiesAndRoundTripsItsKeyStrings() {
    NoteSigner signer = NoteSigner.generate("seal.govchain.example");

    String signed = signer.sign("hello\n");
    NoteSigner reloaded = NoteSigner.fromSignerKey(signer.signerKey());

    assertThat(NoteVerifier.fromVerifierKey(signer.verifierKey()).verify(signed).text())
        .isEqualTo("hello\n");
    assertThat(reloaded.sign("hello\n")).isEqualTo(signed);
    assertThat(reloaded.verifierKey()).isEqualTo(signer.verifierKey());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "a+b", "tab\tname", "nbsp\u00a0name"})
  void refusesInvalidKeyNames(String name) {
    assertThatThrownBy(() -> NoteSigner.generate(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsEveryManglingOfTheVerifierKey() {
    assertManglingsRejected(PETER_VKEY, true);
  }

  @Test
  void rejectsEveryManglingOfTheSignerKey() {
    assertManglingsRejected(PETER_SKEY, false);
  }

  private static void assertManglingsRejected(String key, boolean verifier) {
    // As note_test.go does: every proper substring and every single-character increment fails.
    for (int i = 0; i <= key.length(); i++) {
      for (int j = i + 1; j <= key.length(); j++) {
        if (i != 0 || j != key.length()) {
          assertRejected(key.substring(i, j), verifier);
        }
      }
    }
    char[] chars = key.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i]++;
      assertRejected(new String(chars), verifier);
      chars[i]--;
    }
  }

  private static void assertRejected(String key, boolean verifier) {
    assertThatThrownBy(
            () -> {
              if (verifier) {
                NoteVerifier.fromVerifierKey(key);
              } else {
                NoteSigner.fromSignerKey(key);
              }
            })
        .as(key)
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsKeyIdsWrittenWithOtherScriptsDigits() {
    // the same key ID in fullwidth or Arabic-Indic digits: Java's digit parsing would read them
    String id = PETER_VKEY.split("\\+")[1];
    for (char zero : new char[] {'\uFF10', '\u0660'}) {
      StringBuilder foreign = new StringBuilder();
      for (char c : id.toCharArray()) {
        foreign.append(c >= '0' && c <= '9' ? (char) (zero + (c - '0')) : c);
      }
      assertThat(foreign.toString()).isNotEqualTo(id);
      assertRejected(PETER_VKEY.replace(id, foreign), true);
      assertRejected(PETER_SKEY.replace(id, foreign), false);
    }
  }

  @Test
  void rejectsVerifierKeysOfWrongLengthOrAlgorithm() {
    // From note_test.go: wrong key length and unknown algorithm, each with an adjusted key ID.
    for (String key :
        new String[] {
          "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
          "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
        }) {
      assertThatThrownBy(() -> NoteVerifier.fromVerifierKey(key))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
