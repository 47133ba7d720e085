package org.govchain.anchor.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checkpoint text format (C2SP tlog-checkpoint) and signed checkpoints. */
class CheckpointTest {

  // The example body of the C2SP tlog-checkpoint specification.
  private static final String SPEC_EXAMPLE =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  private static final byte[] ROOT =
      Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");

  @Test
  void parsesTheSpecificationExample() {
    Checkpoint checkpoint = Checkpoint.parse(SPEC_EXAMPLE);

    assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
    assertThat(checkpoint.size()).isEqualTo(20852163);
    assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
    assertThat(checkpoint.extensions()).isEmpty();
    assertThat(checkpoint.toText()).isEqualTo(SPEC_EXAMPLE);
  }

  @Test
  void writesOriginSizeAndBase64Root() {
    Checkpoint checkpoint = new Checkpoint("seal.govchain.example", 0, new byte[32]);

    assertThat(checkpoint.toText())
        .isEqualTo("seal.govchain.example\n0\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
  }

  @Test
  void keepsExtensionLines() {
    String text = SPEC_EXAMPLE + "ext one\n\u2014 two\n";

    Checkpoint checkpoint = Checkpoint.parse(text);

    assertThat(checkpoint.extensions()).containsExactly("ext one", "\u2014 two");
    assertThat(checkpoint.toText()).isEqualTo(text);
  }

  @Test
  void comparesRootHashByContentAndCopiesIt() {
    byte[] root = ROOT.clone();
    Checkpoint checkpoint = new Checkpoint("o", 1, root);
    root[0] ^= 1;
    checkpoint.rootHash()[1] ^= 1;

    assertThat(checkpoint).isEqualTo(new Checkpoint("o", 1, ROOT.clone()));
    assertThat(checkpoint.hashCode()).isEqualTo(new Checkpoint("o", 1, ROOT.clone()).hashCode());
    assertThat(checkpoint).isNotEqualTo(new Checkpoint("o", 1, root));
  }

  @Test
  void acceptsLargestSize() {
    String text = "o\n9223372036854775807\n" + Base64.getEncoder().encodeToString(ROOT) + "\n";

    assertThat(Checkpoint.parse(text).size()).isEqualTo(Long.MAX_VALUE);
  }

  @ParameterizedTest(name = "line {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|missing final newline|o\\n1\\nROOT",
        "0|two lines|o\\n1\\n",
        "0|empty|",
        "1|empty origin|\\n1\\nROOT\\n",
        "1|leading space|' o\\n1\\nROOT\\n'",
        "1|trailing space|o \\n1\\nROOT\\n",
        "1|control character|o\\u0001x\\n1\\nROOT\\n",
        "1|carriage return|o\\r\\n1\\nROOT\\n",
        "2|leading zero|o\\n01\\nROOT\\n",
        "2|plus sign|o\\n+1\\nROOT\\n",
        "2|minus sign|o\\n-1\\nROOT\\n",
        "2|empty size|o\\n\\nROOT\\n",
        "2|hex size|o\\n0x10\\nROOT\\n",
        "2|space in size|o\\n1 \\nROOT\\n",
        "2|above 2^63-1|o\\n9223372036854775808\\nROOT\\n",
        "2|twenty digits|o\\n10000000000000000000\\nROOT\\n",
        "3|unpadded root|o\\n1\\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\\n",
        "3|base64url root|o\\n1\\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\\n",
        "3|31-byte root|o\\n1\\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\\n",
        "3|33-byte root|o\\n1\\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA\\n",
        "3|non-canonical trailing bits|o\\n1\\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\\n",
        "3|hex root|o\\n1\\n0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62\\n",
        "3|empty root|o\\n1\\n\\n",
        "4|empty extension line|o\\n1\\nROOT\\n\\n",
        "5|empty extension after one|o\\n1\\nROOT\\next\\n\\n",
        "4|tab in extension|o\\n1\\nROOT\\na\\tb\\n",
      })
  void rejectsMalformedCheckpointText(int line, String description, String escaped) {
    String text =
        (escaped == null ? "" : escaped)
            .replace("ROOT", Base64.getEncoder().encodeToString(ROOT))
            .replace("\\n", "\n")
            .replace("\\r", "\r")
            .replace("\\t", "\t")
            .replace("\\u0001", "\u0001");

    assertThatThrownBy(() -> Checkpoint.parse(text))
        .as(description)
        .isInstanceOfSatisfying(
            MalformedCheckpointException.class, e -> assertThat(e.line()).isEqualTo(line));
  }

  @Test
  void constructorRejectsBadValues() {
    assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT))
        .isInstanceOf(MalformedCheckpointException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31]))
        .isInstanceOf(MalformedCheckpointException.class);
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT))
        .isInstanceOf(MalformedCheckpointException.class);
    assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, List.of("")))
        .isInstanceOf(MalformedCheckpointException.class);
  }

  @Test
  void signedCheckpointVerifiesAndParsesBack() {
    NoteSigner signer = NoteSigner.generate("seal.govchain.example");
    Checkpoint checkpoint = new Checkpoint("seal.govchain.example", 42, ROOT);

    SignedCheckpoint signed = checkpoint.sign(signer);
    SignedCheckpoint verified =
        Checkpoint.verify(signed.noteText(), NoteVerifier.fromVerifierKey(signer.verifierKey()));

    assertThat(signed.noteText())
        .startsWith(checkpoint.toText() + "\n\u2014 seal.govchain.example ");
    assertThat(verified.checkpoint()).isEqualTo(checkpoint);
    assertThat(verified.noteText()).isEqualTo(signed.noteText());
  }

  @Test
  void signedCheckpointWithChangedSizeFailsVerification() {
    NoteSigner signer = NoteSigner.generate("seal.govchain.example");
    String note = new Checkpoint("seal.govchain.example", 42, ROOT).sign(signer).noteText();

    assertThatThrownBy(() -> Checkpoint.verify(note.replace("\n42\n", "\n43\n"), signer.verifier()))
        .isInstanceOf(SignatureMismatchException.class);
  }

  @Test
  void signedCheckpointFailsWithAnotherLogsKey() {
    String note =
        new Checkpoint("seal.govchain.example", 42, ROOT)
            .sign(NoteSigner.generate("seal.govchain.example"))
            .noteText();

    assertThatThrownBy(
            () -> Checkpoint.verify(note, NoteSigner.generate("ssc.govchain.example").verifier()))
        .isInstanceOf(UnknownKeyException.class);
  }

  @Test
  void verifiedNoteWhoseTextIsNotACheckpointIsRejected() {
    NoteSigner signer = NoteSigner.generate("seal.govchain.example");
    String note = signer.sign("just a text\n");

    assertThatThrownBy(() -> Checkpoint.verify(note, signer.verifier()))
        .isInstanceOf(MalformedCheckpointException.class);
  }
}
