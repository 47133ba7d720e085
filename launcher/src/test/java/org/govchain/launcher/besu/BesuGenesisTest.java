package org.govchain.launcher.besu;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.utils.Numeric;

class BesuGenesisTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "0x5b38da6a701c568545dcfcb03fcb875f56beddc4";
  private static final String SUBMITTER = "0xab8483f64d9c6d1ecf9b849ae677dd3315835cb2";

  @Test
  void isAQbftGenesisAtLondonWithoutShanghaiAndWithFreeGas() throws Exception {
    BesuNetwork network = network(4, 2, List.of(OWNER, SUBMITTER));

    JsonNode genesis = JSON.readTree(network.genesisJson());
    JsonNode config = genesis.get("config");

    assertThat(config.get("chainId").asLong()).isEqualTo(1337);
    assertThat(config.get("berlinBlock").asInt()).isZero();
    assertThat(config.get("londonBlock").asInt()).isZero();
    assertThat(config.get("zeroBaseFee").asBoolean()).isTrue();
    assertThat(config.has("shanghaiTime")).isFalse();
    assertThat(config.has("cancunTime")).isFalse();
    assertThat(config.has("terminalTotalDifficulty")).isFalse();
    assertThat(config.has("ibft2")).isFalse();
    JsonNode qbft = config.get("qbft");
    assertThat(qbft.get("blockperiodseconds").asInt()).isEqualTo(2);
    assertThat(qbft.get("epochlength").asInt()).isEqualTo(30000);
    assertThat(qbft.get("requesttimeoutseconds").asInt()).isEqualTo(4);

    assertThat(genesis.get("difficulty").asText()).isEqualTo("0x1");
    assertThat(genesis.get("gasLimit").asText()).isEqualTo("0x1fffffffffffff");
    assertThat(genesis.get("baseFeePerGas").asText()).isEqualTo("0x0");
    assertThat(genesis.get("mixHash").asText())
        .isEqualTo("0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365");
    assertThat(genesis.get("coinbase").asText()).isEqualTo("0x" + "0".repeat(40));
    assertThat(genesis.get("nonce").asText()).isEqualTo("0x0");
    assertThat(genesis.get("timestamp").asText()).isEqualTo("0x0");
  }

  @Test
  void fundsTheGivenAccountsWithAMillionEther() throws Exception {
    BesuNetwork network = network(1, 2, List.of(OWNER, SUBMITTER));

    JsonNode alloc = JSON.readTree(network.genesisJson()).get("alloc");

    List<String> funded = new ArrayList<>();
    alloc.fieldNames().forEachRemaining(funded::add);
    assertThat(funded).containsExactly(OWNER.substring(2), SUBMITTER.substring(2));
    BigInteger balance =
        Numeric.decodeQuantity(alloc.get(OWNER.substring(2)).get("balance").asText());
    assertThat(balance).isEqualTo(BigInteger.TEN.pow(24));
  }

  @Test
  void extraDataNamesEveryValidatorInAscendingOrder() throws Exception {
    BesuNetwork network = network(7, 2, List.of());

    String extraData = JSON.readTree(network.genesisJson()).get("extraData").asText();
    RlpList fields =
        (RlpList) RlpDecoder.decode(Numeric.hexStringToByteArray(extraData)).getValues().get(0);
    List<String> listed =
        ((RlpList) fields.getValues().get(1))
            .getValues().stream()
                .map(value -> Numeric.toHexString(((RlpString) value).getBytes()))
                .toList();

    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      addresses.add(network.address(i));
    }
    assertThat(listed).containsExactlyInAnyOrderElementsOf(addresses).isSorted();
  }

  @Test
  void theRoundTimeoutIsTwiceTheBlockPeriod() throws Exception {
    BesuNetwork network = network(1, 5, List.of());

    JsonNode qbft = JSON.readTree(network.genesisJson()).get("config").get("qbft");

    assertThat(qbft.get("blockperiodseconds").asInt()).isEqualTo(5);
    assertThat(qbft.get("requesttimeoutseconds").asInt()).isEqualTo(10);
  }

  @Test
  void carriesTheChainId() throws Exception {
    BesuNetwork network =
        BesuNetwork.generate(
            new BesuNetworkSpec(1, 424242, 2, List.of(), "besu-validator-{i}"), new SecureRandom());

    assertThat(JSON.readTree(network.genesisJson()).get("config").get("chainId").asLong())
        .isEqualTo(424242);
  }

  private static BesuNetwork network(int validators, int blockPeriod, List<String> funded) {
    return BesuNetwork.generate(
        new BesuNetworkSpec(validators, 1337, blockPeriod, funded, "besu-validator-{i}"),
        new SecureRandom());
  }
}
