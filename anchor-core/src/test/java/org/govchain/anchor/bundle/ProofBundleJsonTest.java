package org.govchain.anchor.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofBundleJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static ProofBundle sample() {
    byte[] h1 = filled(1);
    byte[] h2 = filled(2);
    return new ProofBundle(
        "seal.govchain.example",
        3,
        "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
        7,
        filled(9),
        List.of(h1, h2),
        new Anchor(
            31337,
            "0x5FbDB2315678afecb367f032d93F642f64180aa3",
            filled(4),
            filled(5),
            12,
            Instant.parse("2026-11-28T18:00:00Z")),
        null);
  }

  private static byte[] filled(int value) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }

  @Test
  void writtenBundleParsesBackToAnEqualBundle() {
    ProofBundle bundle = sample();
    ProofBundle parsed = ProofBundleJson.parse(ProofBundleJson.write(bundle));
    assertThat(parsed).isEqualTo(bundle);
    assertThat(parsed.anchor().contractAddress())
        .isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
  }

  @Test
  void keepsTheSignedCheckpointNote() {
    ProofBundle b = sample();
    ProofBundle withNote =
        new ProofBundle(
            b.origin(),
            b.leafIndex(),
            b.leafData(),
            b.treeSize(),
            b.rootHash(),
            b.inclusionPath(),
            b.anchor(),
            "seal.govchain.example\n7\nAAAA\n\n— k sig\n");
    assertThat(ProofBundleJson.parse(ProofBundleJson.write(withNote)).checkpointNote())
        .isEqualTo(withNote.checkpointNote());
  }

  @Test
  void writesHashesAsLowercaseHexAndChainValuesWithPrefix() throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ProofBundleJson.write(sample()));
    assertThat(json.get("format").textValue()).isEqualTo("govchain.proof/v1");
    assertThat(json.get("rootHash").textValue()).isEqualTo("09".repeat(32));
    assertThat(json.get("inclusionPath").get(1).textValue()).isEqualTo("02".repeat(32));
    assertThat(json.get("anchor").get("transactionHash").textValue())
        .isEqualTo("0x" + "05".repeat(32));
    assertThat(json.get("anchor").get("blockTime").textValue()).isEqualTo("2026-11-28T18:00:00Z");
  }

  @ParameterizedTest(name = "{0} = {1} is rejected")
  @CsvSource(
      delimiter = '|',
      value = {
        "format|\"govchain.proof/v2\"|format",
        "origin|42|origin",
        "leafIndex|-1|leafIndex",
        "leafIndex|1.5|leafIndex",
        "leafIndex|7|$",
        "treeSize|\"7\"|treeSize",
        "leafData|\"***\"|leafData",
        "rootHash|\"0909\"|rootHash",
        "rootHash|\""
            + "0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A0A"
            + "\"|rootHash",
        "inclusionPath|\"01\"|inclusionPath",
        "inclusionPath|[\"zz\"]|inclusionPath[0]",
        "inclusionPath|[1]|inclusionPath[0]",
        "anchor|[]|anchor",
        "surprise|true|surprise",
        "leafData|\"QQ\"|leafData",
        "leafData|\"QR==\"|leafData",
        "leafData|\"QQ==\\n\"|leafData",
      })
  void rejectsAFieldThatIsWrong(String field, String value, String reportedField) throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ProofBundleJson.write(sample()));
    json.set(field, MAPPER.readTree(value));
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    assertThatThrownBy(() -> ProofBundleJson.parse(bytes))
        .isInstanceOf(MalformedBundleException.class)
        .extracting(e -> ((MalformedBundleException) e).field())
        .isEqualTo(reportedField);
  }

  @ParameterizedTest(name = "anchor.{0} = {1} is rejected")
  @CsvSource(
      delimiter = '|',
      value = {
        "chainId|0|anchor",
        "chainId|\"31337\"|anchor.chainId",
        "contractAddress|\"0x1234\"|anchor",
        "logId|\"0404040404040404040404040404040404040404040404040404040404040404\"|anchor.logId",
        "transactionHash|\"0x05\"|anchor.transactionHash",
        "blockNumber|-3|anchor.blockNumber",
        "blockTime|\"yesterday\"|anchor.blockTime",
        "blockTime|\"2026-11-28T19:00:00+01:00\"|anchor.blockTime",
        "blockTime|\"2026-11-28t18:00:00z\"|anchor.blockTime",
        "blockTime|\"2026-02-30T18:00:00Z\"|anchor.blockTime",
        "extra|1|anchor.extra",
      })
  void rejectsAnAnchorFieldThatIsWrong(String field, String value, String reportedField)
      throws Exception {
    ObjectNode json = (ObjectNode) MAPPER.readTree(ProofBundleJson.write(sample()));
    ((ObjectNode) json.get("anchor")).set(field, MAPPER.readTree(value));
    byte[] bytes = MAPPER.writeValueAsBytes(json);
    assertThatThrownBy(() -> ProofBundleJson.parse(bytes))
        .isInstanceOf(MalformedBundleException.class)
        .extracting(e -> ((MalformedBundleException) e).field())
        .isEqualTo(reportedField);
  }

  @Test
  void rejectsMissingFields() throws Exception {
    for (String field :
        List.of("format", "origin", "leafIndex", "leafData", "treeSize", "rootHash", "anchor")) {
      ObjectNode json = (ObjectNode) MAPPER.readTree(ProofBundleJson.write(sample()));
      json.remove(field);
      byte[] bytes = MAPPER.writeValueAsBytes(json);
      assertThatThrownBy(() -> ProofBundleJson.parse(bytes))
          .as(field)
          .isInstanceOf(MalformedBundleException.class)
          .hasMessageContaining(field);
    }
  }

  @Test
  void rejectsDuplicateKeysTrailingGarbageAndNonObjects() {
    String valid = new String(ProofBundleJson.write(sample()), StandardCharsets.UTF_8);
    String duplicated = valid.replaceFirst("\\{", "{\"origin\":\"other.example\",");
    assertThatThrownBy(() -> ProofBundleJson.parse(duplicated))
        .isInstanceOf(MalformedBundleException.class);
    assertThatThrownBy(() -> ProofBundleJson.parse(valid + " {}"))
        .isInstanceOf(MalformedBundleException.class);
    assertThatThrownBy(() -> ProofBundleJson.parse("[1,2]"))
        .isInstanceOf(MalformedBundleException.class);
    assertThatThrownBy(() -> ProofBundleJson.parse(""))
        .isInstanceOf(MalformedBundleException.class);
  }
}
