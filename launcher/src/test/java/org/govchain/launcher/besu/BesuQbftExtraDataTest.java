package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

class BesuQbftExtraDataTest {

  /**
   * Besu's documentation, "Generate extra data" (besu-docs {@code
   * docs/private-networks/how-to/configure/consensus/qbft.md}): the validators of its {@code
   * toEncode.json} and what {@code besu rlp encode --type=QBFT_EXTRA_DATA} printed for them.
   */
  @Test
  void matchesTheDocumentedEncodingOfFourValidators() {
    List<String> validators =
        List.of(
            "0x4592c8e45706cc08b8f44b11e43cba0cfc5892cb",
            "0x06e23768a0f59cf365e18c2e0c89e151bcdedc70",
            "0xc5327f96ee02d7bcbc1bf1236b8c15148971e1de",
            "0xab5e7f4061c605820d3744227eed91ff8e2c8908");

    assertThat(QbftExtraData.genesisHex(validators))
        .isEqualTo(
            "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f854944592c8e"
                + "45706cc08b8f44b11e43cba0cfc5892cb9406e23768a0f59cf365e18c2e0c89e151bcdedc7094c5"
                + "327f96ee02d7bcbc1bf1236b8c15148971e1de94ab5e7f4061c605820d3744227eed91ff8e2c89"
                + "08c080c0");
  }

  /** The same page's QBFT genesis example (block header validator selection), four validators. */
  @Test
  void matchesTheExtraDataOfTheDocumentedGenesisExample() {
    List<String> validators =
        List.of(
            "0x64a702e6263b7297a96638cac6ae65e6541f4169",
            "0x3923390ad55e90c237593b3b0e401f3b08a03185",
            "0xaefdb9a738c9f433e5b6b212a6d62f6370c2f692",
            "0xc7eeb9a4e00ce683cf93039b212648e01c6c6b78");

    assertThat(QbftExtraData.genesisHex(validators))
        .isEqualTo(
            "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f8549464a702e"
                + "6263b7297a96638cac6ae65e6541f4169943923390ad55e90c237593b3b0e401f3b08a0318594ae"
                + "fdb9a738c9f433e5b6b212a6d62f6370c2f69294c7eeb9a4e00ce683cf93039b212648e01c6c6b"
                + "78c080c0");
  }

  /** The same page's contract-selection example: no validators in the header. */
  @Test
  void matchesTheDocumentedEncodingWithoutValidators() {
    assertThat(QbftExtraData.genesisHex(List.of()))
        .isEqualTo(
            "0xe5a00000000000000000000000000000000000000000000000000000000000000000c0c080c0");
  }

  @Test
  void decodesBackToVanityValidatorsNoVoteRoundZeroAndNoSeals() {
    SecureRandom random = new SecureRandom();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      addresses.add(ValidatorKey.generate(random).address());
    }

    byte[] encoded = Numeric.hexStringToByteArray(QbftExtraData.genesisHex(addresses));
    List<RlpType> top = RlpDecoder.decode(encoded).getValues();

    assertThat(top).hasSize(1);
    List<RlpType> fields = ((RlpList) top.get(0)).getValues();
    assertThat(fields).hasSize(5);
    assertThat(((RlpString) fields.get(0)).getBytes()).isEqualTo(new byte[32]);
    List<String> decoded =
        ((RlpList) fields.get(1))
            .getValues().stream()
                .map(value -> Numeric.toHexString(((RlpString) value).getBytes()))
                .toList();
    assertThat(decoded).isEqualTo(addresses);
    assertThat(fields.get(2)).isInstanceOf(RlpList.class);
    assertThat(((RlpList) fields.get(2)).getValues()).isEmpty();
    assertThat(fields.get(3)).isInstanceOf(RlpString.class);
    assertThat(((RlpString) fields.get(3)).getBytes()).isEmpty();
    assertThat(fields.get(4)).isInstanceOf(RlpList.class);
    assertThat(((RlpList) fields.get(4)).getValues()).isEmpty();
  }

  @Test
  void endsWithQbftsScalarRoundNotIbftsFourByteRound() {
    String hex =
        QbftExtraData.genesisHex(List.of(ValidatorKey.generate(new SecureRandom()).address()));

    // no vote (c0), round 0 as the empty string (80), no seals (c0); IBFT 2.0 would end
    // 808400000000c0
    assertThat(hex).endsWith("c080c0").doesNotContain("8400000000c0");
  }

  @Test
  void refusesAnAddressThatIsNotTwentyBytes() {
    assertThatThrownBy(
            () -> QbftExtraData.genesisHex(List.of("0x4592c8e45706cc08b8f44b11e43cba0c")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes, not 16");
  }
}
