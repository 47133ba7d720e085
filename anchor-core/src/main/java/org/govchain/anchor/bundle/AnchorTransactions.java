package org.govchain.anchor.bundle;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.govchain.anchor.chain.ChainUnavailableException;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/** Checks that a bundle's anchoring transaction really emitted its checkpoint. Blocks. */
final class AnchorTransactions {

  static final String ANCHORED_TOPIC = Hash.sha3String("Anchored(bytes32,uint64,bytes32)");
  private static final HexFormat HEX = HexFormat.of();

  private AnchorTransactions() {}

  /**
   * @return empty if the transaction succeeded in the bundle's block and emitted {@code
   *     Anchored(logId, treeSize, root)} from the registry; otherwise what differs
   * @throws ChainUnavailableException if the chain cannot be asked
   */
  static Optional<String> check(
      Web3j web3j, Anchor anchor, byte[] logId, long treeSize, byte[] root) {
    String txHash = "0x" + HEX.formatHex(anchor.transactionHash());
    EthGetTransactionReceipt response;
    try {
      response = web3j.ethGetTransactionReceipt(txHash).sendAsync().join();
    } catch (CompletionException e) {
      throw new ChainUnavailableException(
          "eth_getTransactionReceipt", String.valueOf(e.getCause()), e);
    }
    if (response.hasError()) {
      throw new ChainUnavailableException(
          "eth_getTransactionReceipt", response.getError().getMessage(), null);
    }
    Optional<TransactionReceipt> found = response.getTransactionReceipt();
    if (found.isEmpty()) {
      return Optional.of("the chain knows no transaction " + txHash);
    }
    TransactionReceipt receipt = found.get();
    if (!receipt.isStatusOK()) {
      return Optional.of("transaction " + txHash + " failed on chain");
    }
    if (!BigInteger.valueOf(anchor.blockNumber()).equals(receipt.getBlockNumber())) {
      return Optional.of(
          "transaction "
              + txHash
              + " is in block "
              + receipt.getBlockNumber()
              + ", not "
              + anchor.blockNumber());
    }
    String logIdTopic = "0x" + HEX.formatHex(logId);
    for (Log log : receipt.getLogs()) {
      List<String> topics = log.getTopics();
      if (anchor.contractAddress().equalsIgnoreCase(log.getAddress())
          && topics.size() == 2
          && ANCHORED_TOPIC.equalsIgnoreCase(topics.get(0))
          && logIdTopic.equalsIgnoreCase(topics.get(1))) {
        byte[] data = Numeric.hexStringToByteArray(log.getData());
        if (data.length == 64
            && new BigInteger(1, java.util.Arrays.copyOfRange(data, 0, 32))
                .equals(BigInteger.valueOf(treeSize))
            && java.util.Arrays.equals(java.util.Arrays.copyOfRange(data, 32, 64), root)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        "transaction " + txHash + " emitted no Anchored event for this log, size and root");
  }
}
