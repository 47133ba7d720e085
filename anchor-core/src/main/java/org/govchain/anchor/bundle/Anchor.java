package org.govchain.anchor.bundle;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a checkpoint was anchored: the chain, the AnchorRegistry contract, the log's id there, and
 * the transaction and block that stored it.
 *
 * @param chainId the EIP-155 chain id
 * @param contractAddress the registry's address, {@code 0x} and 40 hex digits (stored lowercase)
 * @param logId {@code keccak256(utf8(origin))}, 32 bytes
 * @param transactionHash the anchoring transaction's hash, 32 bytes
 * @param blockNumber the block that holds the transaction
 * @param blockTime that block's timestamp
 */
public record Anchor(
    long chainId,
    String contractAddress,
    byte[] logId,
    byte[] transactionHash,
    long blockNumber,
    Instant blockTime) {

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

  /** Checks shapes and normalises the address to lowercase; copies arrays. */
  public Anchor {
    Objects.requireNonNull(contractAddress, "contractAddress");
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(transactionHash, "transactionHash");
    Objects.requireNonNull(blockTime, "blockTime");
    if (chainId < 1) {
      throw new IllegalArgumentException("chainId " + chainId + " is not positive");
    }
    if (!ADDRESS.matcher(contractAddress).matches()) {
      throw new IllegalArgumentException(
          "contractAddress '" + contractAddress + "' is not 0x and 40 hex digits");
    }
    if (logId.length != 32 || transactionHash.length != 32) {
      throw new IllegalArgumentException("logId and transactionHash must have 32 bytes");
    }
    if (blockNumber < 0) {
      throw new IllegalArgumentException("blockNumber " + blockNumber + " is negative");
    }
    contractAddress = contractAddress.toLowerCase(Locale.ROOT);
    logId = logId.clone();
    transactionHash = transactionHash.clone();
  }

  @Override
  public byte[] logId() {
    return logId.clone();
  }

  @Override
  public byte[] transactionHash() {
    return transactionHash.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Anchor a
        && chainId == a.chainId
        && contractAddress.equals(a.contractAddress)
        && Arrays.equals(logId, a.logId)
        && Arrays.equals(transactionHash, a.transactionHash)
        && blockNumber == a.blockNumber
        && blockTime.equals(a.blockTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(chainId, contractAddress, Arrays.hashCode(transactionHash), blockNumber);
  }

  @Override
  public String toString() {
    return "Anchor[chain "
        + chainId
        + ", registry "
        + contractAddress
        + ", tx 0x"
        + HexFormat.of().formatHex(transactionHash)
        + ", block "
        + blockNumber
        + "]";
  }
}
