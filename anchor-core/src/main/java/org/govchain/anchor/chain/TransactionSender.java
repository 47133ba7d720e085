package org.govchain.anchor.chain;

import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Simulates, signs, sends and awaits the transactions of one key, one at a time, without blocking
 * the caller's thread.
 *
 * <p>One writer per key: this object owns the key's nonce. Sends are serialized until the node has
 * accepted each transaction (Hardhat's automine refuses out-of-order nonces); the nonce is the
 * larger of the node's pending transaction count and the one after the last accepted send. Receipts
 * are polled on a shared daemon scheduler, with the RPC calls themselves on web3j's async executor.
 * Stuck-transaction replacement and reorg handling are left to the caller (a {@link
 * ReceiptTimeoutException} carries the hash and nonce).
 *
 * <p>Fees: EIP-1559 when the latest block has a base fee ({@code maxFeePerGas = 2 × baseFee +
 * eth_maxPriorityFeePerGas}), otherwise a legacy EIP-155 transaction at {@code eth_gasPrice}. The
 * gas limit is {@code eth_estimateGas} plus 20 %.
 */
final class TransactionSender {

  private static final ScheduledExecutorService POLLER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "govchain-receipt-poller");
            thread.setDaemon(true);
            return thread;
          });

  private final Web3j web3j;
  private final Credentials credentials;
  private final long chainId;
  private final ReceiptPolling polling;
  private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
  private volatile BigInteger nextNonce = BigInteger.ZERO;

  TransactionSender(Web3j web3j, Credentials credentials, long chainId, ReceiptPolling polling) {
    this.web3j = web3j;
    this.credentials = credentials;
    this.chainId = chainId;
    this.polling = polling;
  }

  /** The sender's address, lower-case 0x hex. */
  String address() {
    return credentials.getAddress();
  }

  /**
   * Sends {@code data} to {@code to} ({@code null} creates a contract) once an {@code eth_call}
   * simulation succeeds, and completes with the receipt of the mined, successful transaction.
   */
  CompletableFuture<TransactionReceipt> send(String to, String data) {
    Transaction call = Transaction.createEthCallTransaction(address(), to, data);
    CompletableFuture<Sent> sent;
    synchronized (this) {
      sent = tail.handle((ignored, error) -> null).thenCompose(ignored -> simulateAndSend(call));
      tail = sent;
    }
    return sent.thenCompose(this::awaitReceipt)
        .thenCompose(receipt -> requireSuccess(receipt, call));
  }

  private record Sent(String hash, BigInteger nonce) {}

  private CompletableFuture<Sent> simulateAndSend(Transaction call) {
    return simulate(call, DefaultBlockParameterName.LATEST)
        .thenCompose(ignored -> Rpc.send(web3j.ethEstimateGas(call)))
        .thenCompose(
            estimate -> {
              // Some nodes (Hardhat) estimate against the pending block, so a transaction that
              // conflicts with one still in the pool can fail here rather than in the simulation.
              if (estimate.hasError()) {
                throw revertOf(null, estimate.getError());
              }
              BigInteger gasLimit =
                  estimate
                      .getAmountUsed()
                      .multiply(BigInteger.valueOf(6))
                      .divide(BigInteger.valueOf(5));
              return fees()
                  .thenCombine(nonce(), (fees, nonce) -> sign(call, gasLimit, fees, nonce))
                  .thenCompose(signed -> sendRaw(signed.hash, signed.nonce));
            });
  }

  /**
   * Simulates {@code data} sent to {@code to} and returns its gas limit ({@code eth_estimateGas}
   * plus 20 %); fails with the decoded revert if it would revert.
   */
  CompletableFuture<BigInteger> gasLimit(String to, String data) {
    Transaction call = Transaction.createEthCallTransaction(address(), to, data);
    return simulate(call, DefaultBlockParameterName.LATEST)
        .thenCompose(ignored -> Rpc.send(web3j.ethEstimateGas(call)))
        .thenApply(
            estimate -> {
              if (estimate.hasError()) {
                throw revertOf(null, estimate.getError());
              }
              return estimate
                  .getAmountUsed()
                  .multiply(BigInteger.valueOf(6))
                  .divide(BigInteger.valueOf(5));
            });
  }

  /** The sender's transaction count: mined only ({@code latest}) or with the pool's. */
  CompletableFuture<Long> transactionCount(boolean pending) {
    return Rpc.result(
            web3j.ethGetTransactionCount(
                address(),
                pending ? DefaultBlockParameterName.PENDING : DefaultBlockParameterName.LATEST))
        .thenApply(count -> count.getTransactionCount().longValueExact());
  }

  /** Signs {@code data} to {@code to} with exactly the given nonce, gas limit and fees. */
  SignedTransaction signExplicit(
      String to, String data, BigInteger gasLimit, TransactionFees fees, long nonce) {
    Transaction call = Transaction.createEthCallTransaction(address(), to, data);
    Sent signed = sign(call, gasLimit, fees, BigInteger.valueOf(nonce));
    return SignedTransaction.of(signed.hash(), nonce);
  }

  /**
   * Sends a signed transaction as is and completes with its hash. A node that already knows it
   * counts as success (resending is idempotent); a used nonce fails with {@link
   * NonceConsumedException}.
   */
  CompletableFuture<String> sendSigned(SignedTransaction signed) {
    return Rpc.send(web3j.ethSendRawTransaction(signed.rawHex()))
        .thenApply(
            response -> {
              if (!response.hasError()) {
                return signed.hash();
              }
              String message = String.valueOf(response.getError().getMessage());
              String lower = message.toLowerCase(java.util.Locale.ROOT);
              if (lower.contains("already known") || lower.contains("known transaction")) {
                return signed.hash();
              }
              if (lower.contains("nonce too low")
                  || lower.contains("nonce has already been used")) {
                throw new NonceConsumedException(signed.hash(), signed.nonce(), message);
              }
              throw revertOf(null, response.getError());
            });
  }

  /** Runs the call on the node; fails with the decoded revert if it would revert. */
  private CompletableFuture<Void> simulate(Transaction call, DefaultBlockParameter block) {
    return Rpc.send(web3j.ethCall(call, block))
        .thenAccept(
            response -> {
              if (response.hasError()) {
                throw revertOf(null, response.getError());
              }
              if (response.isReverted()) {
                throw new TransactionFailedException(
                    null, String.valueOf(response.getRevertReason()));
              }
            });
  }

  /** Fees for a transaction now (see the class comment). */
  CompletableFuture<TransactionFees> fees() {
    return Rpc.result(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
        .thenCompose(
            latest -> {
              EthBlock.Block block = latest.getBlock();
              if (block == null || block.getBaseFeePerGasRaw() == null) {
                return Rpc.result(web3j.ethGasPrice())
                    .thenApply(price -> TransactionFees.legacy(price.getGasPrice()));
              }
              BigInteger baseFee = block.getBaseFeePerGas();
              return Rpc.result(web3j.ethMaxPriorityFeePerGas())
                  .thenApply(
                      tip -> {
                        BigInteger priority = tip.getMaxPriorityFeePerGas();
                        return TransactionFees.eip1559(
                            baseFee.multiply(BigInteger.TWO).add(priority), priority);
                      });
            });
  }

  private CompletableFuture<BigInteger> nonce() {
    return Rpc.result(web3j.ethGetTransactionCount(address(), DefaultBlockParameterName.PENDING))
        .thenApply(count -> count.getTransactionCount().max(nextNonce));
  }

  /** The signed transaction as hex in {@code hash}, with its nonce. */
  private Sent sign(Transaction call, BigInteger gasLimit, TransactionFees fees, BigInteger nonce) {
    String to = call.getTo() == null ? "" : call.getTo();
    byte[] signed;
    if (fees.legacy()) {
      RawTransaction raw =
          RawTransaction.createTransaction(
              nonce, fees.maxFeePerGas(), gasLimit, to, BigInteger.ZERO, call.getData());
      signed = TransactionEncoder.signMessage(raw, chainId, credentials);
    } else {
      RawTransaction raw =
          RawTransaction.createTransaction(
              chainId,
              nonce,
              gasLimit,
              to,
              BigInteger.ZERO,
              call.getData(),
              fees.maxPriorityFeePerGas(),
              fees.maxFeePerGas());
      signed = TransactionEncoder.signMessage(raw, credentials);
    }
    return new Sent(Numeric.toHexString(signed), nonce);
  }

  private CompletableFuture<Sent> sendRaw(String signedHex, BigInteger nonce) {
    return Rpc.send(web3j.ethSendRawTransaction(signedHex))
        .thenApply(
            response -> {
              if (response.hasError()) {
                throw revertOf(null, response.getError());
              }
              nextNonce = nonce.add(BigInteger.ONE);
              return new Sent(response.getTransactionHash(), nonce);
            });
  }

  private CompletableFuture<TransactionReceipt> awaitReceipt(Sent sent) {
    CompletableFuture<TransactionReceipt> result = new CompletableFuture<>();
    poll(sent, Instant.now().plus(polling.timeout()), result);
    return result;
  }

  private void poll(Sent sent, Instant deadline, CompletableFuture<TransactionReceipt> result) {
    Rpc.result(web3j.ethGetTransactionReceipt(sent.hash()))
        .whenComplete(
            (response, error) -> {
              // An unavailable node while waiting is retried until the deadline: the
              // transaction was accepted and may well be mined meanwhile.
              if (error == null && response.getTransactionReceipt().isPresent()) {
                result.complete(response.getTransactionReceipt().get());
              } else if (Instant.now().isAfter(deadline)) {
                result.completeExceptionally(
                    new ReceiptTimeoutException(
                        sent.hash(), sent.nonce().longValueExact(), polling.timeout()));
              } else {
                POLLER.schedule(
                    () -> poll(sent, deadline, result),
                    polling.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
              }
            });
  }

  /**
   * Passes a successful receipt on; for a reverted one, replays the call at its block to name the
   * reason, and fails with a {@link TransactionFailedException}.
   */
  private CompletableFuture<TransactionReceipt> requireSuccess(
      TransactionReceipt receipt, Transaction call) {
    if (receipt.isStatusOK()) {
      return CompletableFuture.completedFuture(receipt);
    }
    String hash = receipt.getTransactionHash();
    return Rpc.send(web3j.ethCall(call, DefaultBlockParameter.valueOf(receipt.getBlockNumber())))
        .handle(
            (replay, error) -> {
              ChainException reason = replay == null ? null : replayReason(hash, replay);
              String text =
                  reason != null
                      ? reason.getMessage()
                      : receipt.getRevertReason() != null
                          ? receipt.getRevertReason()
                          : "reverted (status " + receipt.getStatus() + ")";
              throw new TransactionFailedException(
                  hash, text, reason instanceof TransactionFailedException ? null : reason);
            });
  }

  private static ChainException replayReason(String hash, EthCall replay) {
    if (replay.hasError()) {
      return revertOf(hash, replay.getError());
    }
    return null;
  }

  private static ChainException revertOf(String hash, Response.Error error) {
    String message = "JSON-RPC error " + error.getCode() + ": " + error.getMessage();
    return RegistryAbi.revertData(error)
        .map(data -> RegistryAbi.revert(hash, data, message))
        .orElseGet(() -> new TransactionFailedException(hash, message));
  }
}
