package org.govchain.launcher.besu;

import java.util.ArrayList;
import java.util.List;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * The {@code extraData} of a QBFT genesis block that names its validators (block header validator
 * selection).
 *
 * <p>Layout, from Besu's documentation (besu-docs {@code
 * docs/private-networks/how-to/configure/consensus/qbft.md}, "Extra data": {@code RLP([32 bytes
 * Vanity, List<Validators>, No Vote, Round=Int(0), 0 Seals])}) and checked against Besu's encoder
 * (hyperledger/besu {@code consensus/qbft/src/main/java/org/hyperledger/besu/consensus/qbft/
 * QbftExtraDataCodec.java}, {@code encode} and {@code encodeFromAddresses}): one RLP list of
 *
 * <ol>
 *   <li>the vanity, 32 zero bytes (a 32-byte string, {@code a0 00…00});
 *   <li>the validators, a list of 20-byte strings ({@code 94 <address>} each);
 *   <li>the vote: absent, written as the empty list {@code c0};
 *   <li>the round, an RLP integer scalar ({@code writeIntScalar}), so round 0 is the empty string
 *       {@code 80}. IBFT 2.0 writes a 4-byte round ({@code 84 00000000}) and a vote {@code 80}
 *       instead; Besu's {@code QbftExtraDataCodecTest.incorrectlyEncodedRoundThrowsRlpException}
 *       shows the QBFT decoder rejects a round with a leading zero byte;
 *   <li>the committed seals, none in the genesis block: the empty list {@code c0}.
 * </ol>
 *
 * <p>The documentation's example for four validators ends in {@code c080c0}, as this does. Besu
 * expects validators in ascending order (its {@code BftValidatorsValidationRule} rejects a header
 * whose list is unsorted); {@link BesuNetwork} sorts them before calling this.
 */
final class QbftExtraData {

  private static final int VANITY_BYTES = 32;
  private static final int ADDRESS_BYTES = 20;

  private QbftExtraData() {}

  /**
   * The genesis extraData for these validators, in the order given, as {@code 0x} hex.
   *
   * @param addresses {@code 0x}-prefixed 20-byte addresses
   */
  static String genesisHex(List<String> addresses) {
    List<RlpType> validators = new ArrayList<>(addresses.size());
    for (String address : addresses) {
      byte[] bytes = Numeric.hexStringToByteArray(address);
      if (bytes.length != ADDRESS_BYTES) {
        throw new IllegalArgumentException(
            "a validator address has 20 bytes, not " + bytes.length + ": " + address);
      }
      validators.add(RlpString.create(bytes));
    }
    RlpList extraData =
        new RlpList(
            RlpString.create(new byte[VANITY_BYTES]),
            new RlpList(validators),
            new RlpList(),
            // round 0 as an integer scalar: the empty string
            RlpString.create(new byte[0]),
            new RlpList());
    return Numeric.toHexString(RlpEncoder.encode(extraData));
  }
}
