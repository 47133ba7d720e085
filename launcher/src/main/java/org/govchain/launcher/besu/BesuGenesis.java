package org.govchain.launcher.besu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;

/**
 * The genesis file of a GovChain QBFT network, as Besu's documentation describes one (besu-docs
 * {@code docs/private-networks/how-to/configure/consensus/qbft.md}, "Genesis file"; {@code
 * docs/public-networks/reference/genesis-items.md}; {@code
 * docs/private-networks/how-to/configure/free-gas.md}).
 *
 * <p>Milestones: {@code berlinBlock} and {@code londonBlock} at 0, nothing later. Besu builds each
 * milestone's rules on the ones before it, so London at 0 brings every earlier fork too. London is
 * needed for {@code zeroBaseFee}; Shanghai ({@code shanghaiTime}) is left out because it adds
 * {@code PUSH0}, and GovChain's contract is compiled for {@code paris} without it. Paris itself is
 * the switch to proof of stake, which Besu starts from {@code terminalTotalDifficulty}; a QBFT
 * chain has no such milestone, and {@code paris} code runs on a London EVM (it adds no opcode, only
 * renames DIFFICULTY to PREVRANDAO, which the contract does not use).
 *
 * <p>Free gas: {@code zeroBaseFee: true} keeps every block's base fee at 0 (Besu's documented
 * switch for London and later), {@code baseFeePerGas: 0x0} makes the genesis block agree (without
 * it Besu gives a London genesis 1 gwei), and the nodes run with {@code --min-gas-price=0}. The
 * block gas limit is the free-gas page's {@code 0x1fffffffffffff}; the contract size limit stays at
 * Besu's default (24576 bytes, as on the dev chain). Funded accounts get {@value #FUNDING_ETHER}
 * ether: gas costs nothing, but a node still checks that a sender could pay the fee cap it offers.
 */
final class BesuGenesis {

  static final long EPOCH_LENGTH = 30_000;
  static final String GAS_LIMIT = "0x1fffffffffffff";
  static final String FUNDING_ETHER = "1000000";

  /** "Istanbul" block identification, the value every BFT genesis in Besu's documentation has. */
  static final String MIX_HASH =
      "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

  private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
  private static final String ZERO_HASH =
      "0x0000000000000000000000000000000000000000000000000000000000000000";
  private static final BigInteger WEI_PER_ETHER = BigInteger.TEN.pow(18);

  private BesuGenesis() {}

  /**
   * The genesis file.
   *
   * @param sortedValidators the validators' addresses in ascending order
   */
  static ObjectNode of(ObjectMapper json, BesuNetworkSpec spec, List<String> sortedValidators) {
    ObjectNode genesis = json.createObjectNode();
    ObjectNode config = genesis.putObject("config");
    config.put("chainId", spec.chainId());
    config.put("berlinBlock", 0);
    config.put("londonBlock", 0);
    config.put("zeroBaseFee", true);
    ObjectNode qbft = config.putObject("qbft");
    qbft.put("blockperiodseconds", spec.blockPeriodSeconds());
    qbft.put("epochlength", EPOCH_LENGTH);
    qbft.put("requesttimeoutseconds", spec.requestTimeoutSeconds());

    genesis.put("nonce", "0x0");
    // the genesis-items page recommends 0: every later block must be newer
    genesis.put("timestamp", "0x0");
    genesis.put("extraData", QbftExtraData.genesisHex(sortedValidators));
    genesis.put("gasLimit", GAS_LIMIT);
    genesis.put("difficulty", "0x1");
    genesis.put("mixHash", MIX_HASH);
    genesis.put("coinbase", ZERO_ADDRESS);
    genesis.put("baseFeePerGas", "0x0");

    ObjectNode alloc = genesis.putObject("alloc");
    String balance = "0x" + new BigInteger(FUNDING_ETHER).multiply(WEI_PER_ETHER).toString(16);
    for (String address : spec.fundedAddresses()) {
      // as in Besu's examples: lower case, without 0x
      alloc.putObject(address.substring(2)).put("balance", balance);
    }

    genesis.put("number", "0x0");
    genesis.put("gasUsed", "0x0");
    genesis.put("parentHash", ZERO_HASH);
    return genesis;
  }
}
