package org.govchain.anchor.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/** ABI encoding of AnchorRegistry's functions and decoding of its results and custom errors. */
final class RegistryAbi {

  static final String BIN_RESOURCE = "org/govchain/contracts/AnchorRegistry.bin";

  private static final String NOT_OWNER = selector("NotOwner(address)");
  private static final String NOT_SUBMITTER = selector("NotSubmitter(bytes32,address)");
  private static final String TREE_SIZE_NOT_GREATER =
      selector("TreeSizeNotGreater(bytes32,uint64,uint64)");
  private static final String ZERO_ROOT = selector("ZeroRoot()");
  private static final String ZERO_ADDRESS = selector("ZeroAddress()");
  private static final String ERROR_STRING = selector("Error(string)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** topic0 of {@code Anchored(bytes32 indexed logId, uint64 treeSize, bytes32 rootHash)}. */
  static final String ANCHORED_TOPIC = Hash.sha3String("Anchored(bytes32,uint64,bytes32)");

  private RegistryAbi() {}

  /** The creation bytecode from the contracts module, 0x-prefixed; read once. */
  static String creationBytecode() {
    return Bytecode.CREATION;
  }

  /** Loads the bytecode on first use, so a missing resource fails only deployments. */
  private static final class Bytecode {
    static final String CREATION = load();

    private static String load() {
      try (InputStream in = RegistryAbi.class.getClassLoader().getResourceAsStream(BIN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("classpath resource " + BIN_RESOURCE + " is missing");
        }
        return "0x" + new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String anchor(byte[] logId, long treeSize, byte[] rootHash) {
    return encode("anchor", new Bytes32(logId), new Uint64(treeSize), new Bytes32(rootHash));
  }

  static String setSubmitter(byte[] logId, String submitter) {
    return encode("setSubmitter", new Bytes32(logId), new Address(submitter));
  }

  static String transferOwnership(String newOwner) {
    return encode("transferOwnership", new Address(newOwner));
  }

  static String checkpointAt(byte[] logId, long treeSize) {
    return encode("checkpointAt", new Bytes32(logId), new Uint64(treeSize));
  }

  static String latest(byte[] logId) {
    return encode("latest", new Bytes32(logId));
  }

  static String submitterOf(byte[] logId) {
    return encode("submitterOf", new Bytes32(logId));
  }

  static String owner() {
    return encode("owner");
  }

  /** Decodes {@code (bytes32 rootHash, uint64 blockNumber, uint64 blockTime)}. */
  static List<Type<?>> decodeCheckpointAt(String returned) {
    return decode(
        returned,
        new TypeReference<Bytes32>() {},
        new TypeReference<Uint64>() {},
        new TypeReference<Uint64>() {});
  }

  /** Decodes {@code (uint64 treeSize, bytes32 rootHash, uint64 blockNumber, uint64 blockTime)}. */
  static List<Type<?>> decodeLatest(String returned) {
    return decode(
        returned,
        new TypeReference<Uint64>() {},
        new TypeReference<Bytes32>() {},
        new TypeReference<Uint64>() {},
        new TypeReference<Uint64>() {});
  }

  /** Decodes an {@code Anchored} log entry (data: treeSize, rootHash). */
  static AnchoredEvent decodeAnchored(org.web3j.protocol.core.methods.response.Log log) {
    List<Type<?>> values =
        decode(log.getData(), new TypeReference<Uint64>() {}, new TypeReference<Bytes32>() {});
    return new AnchoredEvent(
        log.getTransactionHash(),
        log.getBlockNumber().longValueExact(),
        uint64(values.get(0)),
        bytes32(values.get(1)));
  }

  /** Decodes a single returned address, lower-case 0x hex. */
  static String decodeAddress(String returned) {
    return address(decode(returned, new TypeReference<Address>() {}).get(0));
  }

  static String address(Type<?> value) {
    return ((Address) value).getValue();
  }

  static long uint64(Type<?> value) {
    return ((BigInteger) value.getValue()).longValueExact();
  }

  static byte[] bytes32(Type<?> value) {
    return (byte[]) value.getValue();
  }

  /**
   * The registry's custom error (or a Solidity {@code Error(string)}) in revert data, as the
   * exception that reports it; a {@link TransactionFailedException} for anything else.
   *
   * @param transactionHash the mined transaction, or null for a simulation
   * @param revertData 0x-prefixed revert data, possibly empty
   * @param fallbackReason what to report when the data holds no known error
   */
  static ChainException revert(String transactionHash, String revertData, String fallbackReason) {
    String data = revertData == null ? "" : Numeric.cleanHexPrefix(revertData);
    if (data.length() < 8) {
      return new TransactionFailedException(transactionHash, fallbackReason);
    }
    String selector = "0x" + data.substring(0, 8);
    String args = data.substring(8);
    if (selector.equals(NOT_OWNER)) {
      return new NotOwnerException(
          address(decodeArgs(args, new TypeReference<Address>() {}).get(0)));
    }
    if (selector.equals(NOT_SUBMITTER)) {
      List<Type<?>> values =
          decodeArgs(args, new TypeReference<Bytes32>() {}, new TypeReference<Address>() {});
      return new NotSubmitterException(bytes32(values.get(0)), address(values.get(1)));
    }
    if (selector.equals(TREE_SIZE_NOT_GREATER)) {
      List<Type<?>> values =
          decodeArgs(
              args,
              new TypeReference<Bytes32>() {},
              new TypeReference<Uint64>() {},
              new TypeReference<Uint64>() {});
      return new TreeSizeNotGreaterException(
          bytes32(values.get(0)), uint64(values.get(1)), uint64(values.get(2)));
    }
    if (selector.equals(ZERO_ROOT)) {
      return new TransactionFailedException(transactionHash, "ZeroRoot()");
    }
    if (selector.equals(ZERO_ADDRESS)) {
      return new TransactionFailedException(transactionHash, "ZeroAddress()");
    }
    if (selector.equals(ERROR_STRING)) {
      return new TransactionFailedException(
          transactionHash,
          "Error("
              + decodeArgs(args, new TypeReference<org.web3j.abi.datatypes.Utf8String>() {}).get(0)
              + ")");
    }
    return new TransactionFailedException(
        transactionHash, fallbackReason + " (data 0x" + data + ")");
  }

  /**
   * The revert data in a JSON-RPC error: Besu and newer nodes put the hex string in {@code data};
   * Hardhat may nest it as {@code data.data}.
   */
  static Optional<String> revertData(Response.Error error) {
    String data = error.getData();
    if (data == null || data.isBlank()) {
      return Optional.empty();
    }
    String trimmed = data.trim();
    if (trimmed.startsWith("\"")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1);
    }
    if (trimmed.startsWith("0x")) {
      return Optional.of(trimmed);
    }
    try {
      JsonNode node = JSON.readTree(trimmed).path("data");
      return node.isTextual() && node.asText().startsWith("0x")
          ? Optional.of(node.asText())
          : Optional.empty();
    } catch (IOException notJson) {
      return Optional.empty();
    }
  }

  private static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  private static String encode(String name, Type<?>... inputs) {
    return FunctionEncoder.encode(new Function(name, List.of(inputs), List.of()));
  }

  private static List<Type<?>> decode(String returned, TypeReference<?>... outputs) {
    if (returned == null || Numeric.cleanHexPrefix(returned).isEmpty()) {
      throw new IllegalStateException("empty result from the registry");
    }
    return decodeArgs(Numeric.cleanHexPrefix(returned), outputs);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Type<?>> decodeArgs(String hexArgs, TypeReference<?>... outputs) {
    List<TypeReference<Type>> references = (List) List.of(outputs);
    return (List) FunctionReturnDecoder.decode(hexArgs, references);
  }
}
