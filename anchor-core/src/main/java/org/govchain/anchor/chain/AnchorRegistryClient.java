package org.govchain.anchor.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Reads and writes GovChain's AnchorRegistry contract on one chain through web3j.
 *
 * <p>Every method is asynchronous: it returns at once, and the future completes on web3j's or this
 * package's threads, so reactive callers can bridge it with {@code Mono.fromFuture}. Failures
 * complete the future exceptionally with a {@link ChainException} subclass (wrapped in a {@code
 * CompletionException} by dependent stages); {@link #await} is the one blocking helper, for
 * command-line tools and tests.
 *
 * <p>Before its first request the client checks, once, that the endpoint serves the expected chain
 * id ({@link WrongChainException}) and that the address holds code ({@link
 * RegistryNotFoundException}). Reads use the latest block; confirmation depth is the caller's
 * concern (compare {@link AnchoredCheckpoint#blockNumber()} with {@link #blockNumber()}).
 *
 * <p>Writing needs credentials. One writer per key: a client owns its key's nonce and sends one
 * transaction at a time (see {@link TransactionSender}); never share a key between clients or
 * processes. Before sending, each transaction is simulated with {@code eth_call}, so the registry's
 * custom errors arrive as {@link NotSubmitterException}, {@link TreeSizeNotGreaterException} or
 * {@link NotOwnerException} without spending gas.
 */
public final class AnchorRegistryClient {

  private static final String ZERO_ADDRESS = Address.DEFAULT.getValue();

  private final Web3j web3j;
  private final String address;
  private final long chainId;
  private final TransactionSender sender;
  private final AtomicReference<CompletableFuture<Void>> verified = new AtomicReference<>();

  private AnchorRegistryClient(
      Web3j web3j, String address, long chainId, TransactionSender sender) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.address = new Address(Objects.requireNonNull(address, "address")).getValue();
    this.chainId = chainId;
    this.sender = sender;
  }

  /** A read-only client for the registry at {@code address} on chain {@code chainId}. */
  public static AnchorRegistryClient connect(Web3j web3j, String address, long chainId) {
    return new AnchorRegistryClient(web3j, address, chainId, null);
  }

  /** A client that reads and, with {@code credentials}, writes; default receipt polling. */
  public static AnchorRegistryClient connect(
      Web3j web3j, String address, long chainId, Credentials credentials) {
    return connect(web3j, address, chainId, credentials, ReceiptPolling.defaults());
  }

  /** A client that reads and, with {@code credentials}, writes, waiting for receipts as given. */
  public static AnchorRegistryClient connect(
      Web3j web3j, String address, long chainId, Credentials credentials, ReceiptPolling polling) {
    Objects.requireNonNull(credentials, "credentials");
    return new AnchorRegistryClient(
        web3j, address, chainId, new TransactionSender(web3j, credentials, chainId, polling));
  }

  /**
   * Deploys a new registry from the bytecode on the classpath ({@code
   * org/govchain/contracts/AnchorRegistry.bin}); {@code credentials} becomes its owner and the
   * returned client's signer.
   */
  public static CompletableFuture<AnchorRegistryClient> deploy(
      Web3j web3j, Credentials credentials, long chainId) {
    return deploy(web3j, credentials, chainId, ReceiptPolling.defaults());
  }

  /** As {@link #deploy(Web3j, Credentials, long)}, waiting for the receipt as given. */
  public static CompletableFuture<AnchorRegistryClient> deploy(
      Web3j web3j, Credentials credentials, long chainId, ReceiptPolling polling) {
    TransactionSender sender = new TransactionSender(web3j, credentials, chainId, polling);
    return checkChainId(web3j, chainId)
        .thenCompose(ignored -> sender.send(null, RegistryAbi.creationBytecode()))
        .thenApply(
            receipt ->
                new AnchorRegistryClient(web3j, receipt.getContractAddress(), chainId, sender));
  }

  /**
   * Blocks the calling thread until {@code future} completes and returns its value, rethrowing a
   * {@link ChainException} as itself rather than wrapped. Never call it on an event-loop thread.
   */
  public static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (RuntimeException e) {
      Throwable cause = Rpc.unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  /** The registry's address, lower-case 0x hex. */
  public String address() {
    return address;
  }

  /** The chain id this client expects (and signs for); no I/O. */
  public long chainId() {
    return chainId;
  }

  /** The signer's address, if this client can write. */
  public Optional<String> senderAddress() {
    return Optional.ofNullable(sender).map(TransactionSender::address);
  }

  /**
   * Checks that the endpoint serves the expected chain and that the address holds code; done once
   * per client (retried after a failure) and before every other request.
   */
  public CompletableFuture<Void> verifyRegistry() {
    CompletableFuture<Void> current = verified.get();
    if (current != null) {
      return current;
    }
    CompletableFuture<Void> check =
        checkChainId(web3j, chainId)
            .thenCompose(ignored -> hasCodeUnchecked())
            .thenAccept(
                present -> {
                  if (!present) {
                    throw new RegistryNotFoundException(address);
                  }
                });
    if (!verified.compareAndSet(null, check)) {
      return verified.get();
    }
    check.whenComplete(
        (ignored, error) -> {
          if (error != null) {
            verified.compareAndSet(check, null);
          }
        });
    return check;
  }

  /** Whether the address holds contract code (on the expected chain). */
  public CompletableFuture<Boolean> hasCode() {
    return checkChainId(web3j, chainId).thenCompose(ignored -> hasCodeUnchecked());
  }

  /** The latest block number. */
  public CompletableFuture<Long> blockNumber() {
    return Rpc.result(web3j.ethBlockNumber())
        .thenApply(response -> response.getBlockNumber().longValueExact());
  }

  /**
   * The root anchored for {@code logId} at exactly {@code treeSize}, or empty if none was.
   *
   * @param logId 32 bytes, see {@link LogId#of}
   * @param treeSize positive
   */
  public CompletableFuture<Optional<AnchoredCheckpoint>> checkpointAt(byte[] logId, long treeSize) {
    byte[] id = LogId.requireValid(logId).clone();
    requirePositive(treeSize);
    return call(RegistryAbi.checkpointAt(id, treeSize), RegistryAbi::decodeCheckpointAt)
        .thenApply(values -> checkpoint(id, treeSize, values.get(0), values.get(1), values.get(2)));
  }

  /** The newest checkpoint anchored for {@code logId}, or empty if none was. */
  public CompletableFuture<Optional<AnchoredCheckpoint>> latest(byte[] logId) {
    byte[] id = LogId.requireValid(logId).clone();
    return call(RegistryAbi.latest(id), RegistryAbi::decodeLatest)
        .thenApply(
            values -> {
              long treeSize = RegistryAbi.uint64(values.get(0));
              return treeSize == 0
                  ? Optional.<AnchoredCheckpoint>empty()
                  : checkpoint(id, treeSize, values.get(1), values.get(2), values.get(3));
            });
  }

  /** The address registered to anchor {@code logId} (lower-case 0x hex), or empty if none. */
  public CompletableFuture<Optional<String>> submitterOf(byte[] logId) {
    return call(RegistryAbi.submitterOf(LogId.requireValid(logId)), RegistryAbi::decodeAddress)
        .thenApply(
            submitter ->
                submitter.equals(ZERO_ADDRESS) ? Optional.empty() : Optional.of(submitter));
  }

  /** The registry's owner, lower-case 0x hex. */
  public CompletableFuture<String> owner() {
    return call(RegistryAbi.owner(), RegistryAbi::decodeAddress);
  }

  /**
   * Anchors {@code (treeSize, rootHash)} for {@code logId} and completes once the transaction is
   * mined, with its receipt.
   *
   * @param logId 32 bytes; this client's key must be the log's registered submitter
   * @param treeSize greater than the log's latest anchored size
   * @param rootHash 32 bytes, not all zero
   */
  public CompletableFuture<AnchorReceipt> anchor(byte[] logId, long treeSize, byte[] rootHash) {
    LogId.requireValid(logId);
    requirePositive(treeSize);
    Objects.requireNonNull(rootHash, "rootHash");
    if (rootHash.length != 32 || Arrays.equals(rootHash, new byte[32])) {
      throw new IllegalArgumentException("rootHash must be 32 bytes and not all zero");
    }
    return write(RegistryAbi.anchor(logId, treeSize, rootHash));
  }

  /**
   * Prepares an anchor transaction without sending it: simulates it (so registry errors arrive
   * typed, as for {@link #anchor}), estimates its gas, and takes the current fees and the sender's
   * pending nonce. For callers that own their nonce and store each transaction's hash before
   * sending it ({@link #sign}, {@link #sendRaw}, {@link #receipt}); never mix them with {@link
   * #anchor} on one key.
   *
   * @param logId 32 bytes; this client's key must be the log's registered submitter
   * @param treeSize greater than the log's latest anchored size
   * @param rootHash 32 bytes, not all zero
   */
  public CompletableFuture<AnchorTransaction> prepareAnchor(
      byte[] logId, long treeSize, byte[] rootHash) {
    TransactionSender writer = requireSender();
    byte[] id = LogId.requireValid(logId).clone();
    requirePositive(treeSize);
    Objects.requireNonNull(rootHash, "rootHash");
    if (rootHash.length != 32 || Arrays.equals(rootHash, new byte[32])) {
      throw new IllegalArgumentException("rootHash must be 32 bytes and not all zero");
    }
    byte[] root = rootHash.clone();
    return verifyRegistry()
        .thenCompose(ignored -> writer.gasLimit(address, RegistryAbi.anchor(id, treeSize, root)))
        .thenCompose(
            gasLimit ->
                writer
                    .fees()
                    .thenCombine(
                        writer.transactionCount(true),
                        (fees, nonce) ->
                            new AnchorTransaction(id, treeSize, root, nonce, gasLimit, fees)));
  }

  /** The fees this client would offer for a new transaction now. */
  public CompletableFuture<TransactionFees> currentFees() {
    return requireSender().fees();
  }

  /** Signs {@code transaction} with its explicit nonce, gas limit and fees; no I/O. */
  public SignedTransaction sign(AnchorTransaction transaction) {
    return requireSender()
        .signExplicit(
            address,
            transaction.callData(),
            transaction.gasLimit(),
            transaction.fees(),
            transaction.nonce());
  }

  /**
   * Sends a signed transaction and completes with its hash. Sending the same bytes again is
   * harmless (a node that knows them answers with the same hash); a nonce already used on chain
   * fails with {@link NonceConsumedException}.
   */
  public CompletableFuture<String> sendRaw(SignedTransaction transaction) {
    return requireSender().sendSigned(Objects.requireNonNull(transaction, "transaction"));
  }

  /**
   * The receipt of a mined transaction, or empty while none is known (pending, dropped, or lost in
   * a reorganisation). A mined transaction that reverted fails with {@link
   * TransactionFailedException}.
   */
  public CompletableFuture<Optional<AnchorReceipt>> receipt(String transactionHash) {
    Objects.requireNonNull(transactionHash, "transactionHash");
    return Rpc.result(web3j.ethGetTransactionReceipt(transactionHash))
        .thenCompose(
            response -> {
              Optional<TransactionReceipt> receipt = response.getTransactionReceipt();
              if (receipt.isEmpty() || receipt.get().getBlockNumberRaw() == null) {
                return CompletableFuture.completedFuture(Optional.<AnchorReceipt>empty());
              }
              if (!receipt.get().isStatusOK()) {
                throw new TransactionFailedException(
                    transactionHash, "reverted (status " + receipt.get().getStatus() + ")");
              }
              return toAnchorReceipt(receipt.get()).thenApply(Optional::of);
            });
  }

  /**
   * The signer's next nonce: counting mined transactions only ({@code pending = false}) or also
   * those waiting in the node's pool.
   */
  public CompletableFuture<Long> nonce(boolean pending) {
    return requireSender().transactionCount(pending);
  }

  /**
   * The {@code Anchored} event of {@code logId} at {@code treeSize} in blocks {@code fromBlock} to
   * {@code toBlock} (inclusive), found with {@code eth_getLogs}, or empty.
   */
  public CompletableFuture<Optional<AnchoredEvent>> findAnchored(
      byte[] logId, long treeSize, long fromBlock, long toBlock) {
    byte[] id = LogId.requireValid(logId).clone();
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
            address);
    filter.addSingleTopic(RegistryAbi.ANCHORED_TOPIC);
    filter.addSingleTopic(Numeric.toHexString(id));
    return Rpc.result(web3j.ethGetLogs(filter))
        .thenApply(
            response ->
                response.getLogs().stream()
                    .map(result -> (Log) result.get())
                    .filter(log -> !log.isRemoved())
                    .map(RegistryAbi::decodeAnchored)
                    .filter(event -> event.treeSize() == treeSize)
                    .findFirst());
  }

  /**
   * Registers {@code submitter} as the only address allowed to anchor {@code logId} (owner only).
   */
  public CompletableFuture<AnchorReceipt> registerSubmitter(byte[] logId, String submitter) {
    LogId.requireValid(logId);
    String checked = new Address(Objects.requireNonNull(submitter, "submitter")).getValue();
    if (checked.equals(ZERO_ADDRESS)) {
      throw new IllegalArgumentException("use removeSubmitter to remove a submitter");
    }
    return write(RegistryAbi.setSubmitter(logId, checked));
  }

  /** Removes the submitter of {@code logId} (owner only); its anchored size is kept. */
  public CompletableFuture<AnchorReceipt> removeSubmitter(byte[] logId) {
    return write(RegistryAbi.setSubmitter(LogId.requireValid(logId), ZERO_ADDRESS));
  }

  /** Hands the registry to {@code newOwner}, which must not be the zero address (owner only). */
  public CompletableFuture<AnchorReceipt> transferOwnership(String newOwner) {
    String checked = new Address(Objects.requireNonNull(newOwner, "newOwner")).getValue();
    if (checked.equals(ZERO_ADDRESS)) {
      throw new IllegalArgumentException("newOwner must not be the zero address");
    }
    return write(RegistryAbi.transferOwnership(checked));
  }

  private TransactionSender requireSender() {
    if (sender == null) {
      throw new IllegalStateException("read-only client: connect with credentials to write");
    }
    return sender;
  }

  private CompletableFuture<AnchorReceipt> write(String data) {
    requireSender();
    return verifyRegistry()
        .thenCompose(ignored -> sender.send(address, data))
        .thenCompose(this::toAnchorReceipt);
  }

  private CompletableFuture<AnchorReceipt> toAnchorReceipt(TransactionReceipt receipt) {
    BigInteger number = receipt.getBlockNumber();
    return Rpc.result(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false))
        .thenApply(
            block ->
                new AnchorReceipt(
                    receipt.getTransactionHash(),
                    number.longValueExact(),
                    Instant.ofEpochSecond(block.getBlock().getTimestamp().longValueExact()),
                    receipt.getGasUsed().longValueExact()));
  }

  private <T> CompletableFuture<T> call(String data, Function<String, T> decoder) {
    Transaction call = Transaction.createEthCallTransaction(null, address, data);
    return verifyRegistry()
        .thenCompose(ignored -> Rpc.result(web3j.ethCall(call, DefaultBlockParameterName.LATEST)))
        .thenApply(
            response -> {
              if (Numeric.cleanHexPrefix(response.getValue()).isEmpty()) {
                // The code vanished since verification (e.g. a dev chain restarted empty).
                verified.set(null);
                throw new RegistryNotFoundException(address);
              }
              return decoder.apply(response.getValue());
            });
  }

  private CompletableFuture<Boolean> hasCodeUnchecked() {
    return Rpc.result(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST))
        .thenApply(code -> Numeric.cleanHexPrefix(code.getCode()).length() > 0);
  }

  private static CompletableFuture<Void> checkChainId(Web3j web3j, long expected) {
    return Rpc.result(web3j.ethChainId())
        .thenAccept(
            response -> {
              long actual = response.getChainId().longValueExact();
              if (actual != expected) {
                throw new WrongChainException(expected, actual);
              }
            });
  }

  private static Optional<AnchoredCheckpoint> checkpoint(
      byte[] logId, long treeSize, Type<?> root, Type<?> blockNumber, Type<?> blockTime) {
    byte[] rootHash = RegistryAbi.bytes32(root);
    if (Arrays.equals(rootHash, new byte[32])) {
      return Optional.empty();
    }
    return Optional.of(
        new AnchoredCheckpoint(
            logId,
            treeSize,
            rootHash,
            RegistryAbi.uint64(blockNumber),
            Instant.ofEpochSecond(RegistryAbi.uint64(blockTime))));
  }

  private static void requirePositive(long treeSize) {
    if (treeSize <= 0) {
      throw new IllegalArgumentException("treeSize must be positive: " + treeSize);
    }
  }
}
