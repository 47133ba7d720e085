package org.govchain.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.govchain.testsupport.Await;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.WithDevChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

@WithDevChain
class AnchorRegistryClientIT {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final DevChain chain;
  private final Web3j web3j;
  private AnchorRegistryClient owner;
  private Credentials submitter;
  private AnchorRegistryClient submitterClient;
  private byte[] logId;

  AnchorRegistryClientIT(DevChain chain) {
    this.chain = chain;
    this.web3j = chain.web3j();
  }

  @BeforeEach
  void deployRegistryAndRegisterSubmitter() {
    owner = await(AnchorRegistryClient.deploy(web3j, chain.newFundedAccount(), chain.chainId()));
    submitter = chain.newFundedAccount();
    submitterClient = client(submitter);
    logId = LogId.of("it-" + UUID.randomUUID() + ".govchain.example");
    await(owner.registerSubmitter(logId, submitter.getAddress()));
  }

  @Test
  void deployedRegistryIsOwnedByTheDeployerAndHoldsCode() {
    assertThat(await(owner.owner())).isEqualTo(owner.senderAddress().orElseThrow());
    assertThat(await(owner.hasCode())).isTrue();
    assertThat(await(owner.submitterOf(logId))).contains(submitter.getAddress());
  }

  @Test
  void anchoredCheckpointIsReadBackWithTheBlockOfItsReceipt() throws Exception {
    byte[] root = randomRoot();

    AnchorReceipt receipt = await(submitterClient.anchor(logId, 5, root));

    EthBlock.Block block =
        web3j
            .ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(receipt.blockNumber())), false)
            .send()
            .getBlock();
    assertThat(block.getTransactions()).hasSize(1);
    assertThat(((EthBlock.TransactionHash) block.getTransactions().get(0)).get())
        .isEqualTo(receipt.transactionHash());
    assertThat(receipt.blockTime())
        .isEqualTo(Instant.ofEpochSecond(block.getTimestamp().longValueExact()));
    AnchoredCheckpoint expected =
        new AnchoredCheckpoint(logId, 5, root, receipt.blockNumber(), receipt.blockTime());
    assertThat(await(submitterClient.checkpointAt(logId, 5))).contains(expected);
    assertThat(await(submitterClient.latest(logId))).contains(expected);
    AnchorRegistryClient reader =
        AnchorRegistryClient.connect(web3j, owner.address(), chain.chainId());
    assertThat(await(reader.checkpointAt(logId, 5))).contains(expected);
  }

  @Test
  void unanchoredSizesAndLogsReadAsEmpty() {
    await(submitterClient.anchor(logId, 5, randomRoot()));

    assertThat(await(owner.checkpointAt(logId, 4))).isEmpty();
    assertThat(await(owner.checkpointAt(logId, 6))).isEmpty();
    byte[] otherLog = LogId.of("never-anchored-" + UUID.randomUUID());
    assertThat(await(owner.latest(otherLog))).isEmpty();
    assertThat(await(owner.submitterOf(otherLog))).isEmpty();
  }

  @Test
  void latestFollowsTheNewestAnchorWhileOlderCheckpointsStay() {
    byte[] first = randomRoot();
    byte[] second = randomRoot();

    AnchorReceipt firstReceipt = await(submitterClient.anchor(logId, 3, first));
    AnchorReceipt secondReceipt = await(submitterClient.anchor(logId, 8, second));

    assertThat(secondReceipt.blockNumber()).isGreaterThan(firstReceipt.blockNumber());
    AnchoredCheckpoint latest = await(owner.latest(logId)).orElseThrow();
    assertThat(latest.treeSize()).isEqualTo(8);
    assertThat(latest.rootHash()).isEqualTo(second);
    assertThat(latest.blockNumber()).isEqualTo(secondReceipt.blockNumber());
    AnchoredCheckpoint older = await(owner.checkpointAt(logId, 3)).orElseThrow();
    assertThat(older.rootHash()).isEqualTo(first);
    assertThat(older.blockNumber()).isEqualTo(firstReceipt.blockNumber());
  }

  @Test
  void anchorEmitsAnchoredEventWithLogIdTreeSizeAndRoot() throws Exception {
    byte[] root = randomRoot();

    AnchorReceipt anchored = await(submitterClient.anchor(logId, 42, root));

    TransactionReceipt receipt =
        web3j
            .ethGetTransactionReceipt(anchored.transactionHash())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    Event event =
        new Event(
            "Anchored",
            List.of(
                new TypeReference<Bytes32>(true) {},
                new TypeReference<Uint64>() {},
                new TypeReference<Bytes32>() {}));
    assertThat(receipt.getLogs()).hasSize(1);
    Log log = receipt.getLogs().get(0);
    assertThat(log.getAddress()).isEqualToIgnoringCase(owner.address());
    assertThat(log.getTopics())
        .containsExactly(EventEncoder.encode(event), Numeric.toHexString(logId));
    @SuppressWarnings("rawtypes")
    List<Type> data = FunctionReturnDecoder.decode(log.getData(), event.getNonIndexedParameters());
    assertThat(data.get(0).getValue()).isEqualTo(BigInteger.valueOf(42));
    assertThat((byte[]) data.get(1).getValue()).isEqualTo(root);
  }

  @Test
  void gasPerAnchorIsModestAndDoesNotGrowWithTreeSize() {
    byte[] root = new byte[32];
    Arrays.fill(root, (byte) 0x5a); // no zero bytes, so calldata cost stays fixed

    long first = await(submitterClient.anchor(logId, 1, root)).gasUsed();
    long next = await(submitterClient.anchor(logId, 2, root)).gasUsed();
    long huge = await(submitterClient.anchor(logId, 1_000_000_000_000L, root)).gasUsed();

    System.out.printf(
        "AnchorRegistry gas per anchor: first of a log %d, next %d, at tree size 1e12 %d%n",
        first, next, huge);
    assertThat(List.of(first, next, huge))
        .allSatisfy(gas -> assertThat(gas).isBetween(40_000L, 120_000L));
    // Only the calldata of the wider number may differ: at most 8 bytes turning non-zero,
    // 12 gas each (EIP-2028); storage and execution cost are the same at any tree size.
    assertThat(huge - next).isBetween(0L, 8L * 12);
    assertThat(first).isEqualTo(next);
  }

  @Test
  void accountThatIsNotTheSubmitterCannotAnchor() {
    Credentials intruder = chain.newFundedAccount();
    AnchorRegistryClient intruderClient = client(intruder);

    assertThatThrownBy(() -> await(intruderClient.anchor(logId, 1, randomRoot())))
        .isInstanceOfSatisfying(
            NotSubmitterException.class,
            e -> {
              assertThat(e.logId()).isEqualTo(logId);
              assertThat(e.caller()).isEqualTo(intruder.getAddress());
            });
    assertThat(await(owner.latest(logId))).isEmpty();
  }

  @Test
  void submitterCannotAnchorALogItIsNotRegisteredFor() {
    byte[] unregistered = LogId.of("unregistered-" + UUID.randomUUID());

    assertThatThrownBy(() -> await(submitterClient.anchor(unregistered, 1, randomRoot())))
        .isInstanceOfSatisfying(
            NotSubmitterException.class,
            e -> {
              assertThat(e.logId()).isEqualTo(unregistered);
              assertThat(e.caller()).isEqualTo(submitter.getAddress());
            });
  }

  @Test
  void treeSizeEqualToOrSmallerThanTheLatestIsRejected() {
    byte[] root = randomRoot();
    await(submitterClient.anchor(logId, 10, root));

    assertThatThrownBy(() -> await(submitterClient.anchor(logId, 10, randomRoot())))
        .isInstanceOfSatisfying(
            TreeSizeNotGreaterException.class,
            e -> {
              assertThat(e.logId()).isEqualTo(logId);
              assertThat(e.latestSize()).isEqualTo(10);
              assertThat(e.treeSize()).isEqualTo(10);
            });
    assertThatThrownBy(() -> await(submitterClient.anchor(logId, 9, randomRoot())))
        .isInstanceOfSatisfying(
            TreeSizeNotGreaterException.class,
            e -> {
              assertThat(e.latestSize()).isEqualTo(10);
              assertThat(e.treeSize()).isEqualTo(9);
            });
    assertThat(await(owner.latest(logId)).orElseThrow().rootHash()).isEqualTo(root);
  }

  @Test
  void onlyTheOwnerCanSetSubmitters() {
    AnchorRegistryClient notOwner = client(submitter);

    assertThatThrownBy(
            () -> await(notOwner.registerSubmitter(logId, chain.newFundedAccount().getAddress())))
        .isInstanceOfSatisfying(
            NotOwnerException.class, e -> assertThat(e.caller()).isEqualTo(submitter.getAddress()));
    assertThatThrownBy(() -> await(notOwner.removeSubmitter(logId)))
        .isInstanceOf(NotOwnerException.class);
    assertThat(await(owner.submitterOf(logId))).contains(submitter.getAddress());
  }

  @Test
  void changingTheSubmitterHandsTheLogOverAndKeepsItsSize() {
    await(submitterClient.anchor(logId, 3, randomRoot()));
    Credentials successor = chain.newFundedAccount();
    AnchorRegistryClient successorClient = client(successor);

    await(owner.registerSubmitter(logId, successor.getAddress()));

    assertThat(await(owner.submitterOf(logId))).contains(successor.getAddress());
    assertThatThrownBy(() -> await(submitterClient.anchor(logId, 4, randomRoot())))
        .isInstanceOf(NotSubmitterException.class);
    assertThatThrownBy(() -> await(successorClient.anchor(logId, 3, randomRoot())))
        .isInstanceOfSatisfying(
            TreeSizeNotGreaterException.class, e -> assertThat(e.latestSize()).isEqualTo(3));
    await(successorClient.anchor(logId, 4, randomRoot()));

    await(owner.removeSubmitter(logId));

    assertThat(await(owner.submitterOf(logId))).isEmpty();
    assertThatThrownBy(() -> await(successorClient.anchor(logId, 5, randomRoot())))
        .isInstanceOf(NotSubmitterException.class);
    assertThat(await(owner.latest(logId)).orElseThrow().treeSize()).isEqualTo(4);
  }

  @Test
  void ownershipTransferMovesTheRightToSetSubmitters() {
    Credentials newOwner = chain.newFundedAccount();
    await(owner.transferOwnership(newOwner.getAddress()));

    assertThat(await(owner.owner())).isEqualTo(newOwner.getAddress());
    assertThatThrownBy(() -> await(owner.removeSubmitter(logId)))
        .isInstanceOf(NotOwnerException.class);
    await(client(newOwner).removeSubmitter(logId));
    assertThat(await(owner.submitterOf(logId))).isEmpty();
  }

  @Test
  void clientExpectingAnotherChainIdFailsWithWrongChain() {
    long otherChain = chain.chainId() + 1;
    AnchorRegistryClient wrong = AnchorRegistryClient.connect(web3j, owner.address(), otherChain);

    assertThatThrownBy(() -> await(wrong.latest(logId)))
        .isInstanceOfSatisfying(
            WrongChainException.class,
            e -> {
              assertThat(e.expectedChainId()).isEqualTo(otherChain);
              assertThat(e.actualChainId()).isEqualTo(chain.chainId());
            });
    assertThatThrownBy(
            () -> await(AnchorRegistryClient.deploy(web3j, chain.newFundedAccount(), otherChain)))
        .isInstanceOf(WrongChainException.class);
  }

  @Test
  void addressWithoutCodeFailsWithRegistryNotFound() {
    String empty = chain.newFundedAccount().getAddress();
    AnchorRegistryClient missing =
        AnchorRegistryClient.connect(web3j, empty, chain.chainId(), submitter);

    assertThat(await(missing.hasCode())).isFalse();
    assertThatThrownBy(() -> await(missing.checkpointAt(logId, 1)))
        .isInstanceOfSatisfying(
            RegistryNotFoundException.class, e -> assertThat(e.address()).isEqualTo(empty));
    assertThatThrownBy(() -> await(missing.anchor(logId, 1, randomRoot())))
        .isInstanceOf(RegistryNotFoundException.class);
  }

  @Test
  void closedRpcPortFailsWithChainUnavailable() {
    Web3j down = Web3j.build(new HttpService("http://127.0.0.1:" + DevChain.freePort()));
    try {
      AnchorRegistryClient client =
          AnchorRegistryClient.connect(down, owner.address(), chain.chainId(), submitter);

      assertThatThrownBy(() -> await(client.latest(logId)))
          .isInstanceOfSatisfying(
              ChainUnavailableException.class,
              e -> assertThat(e.operation()).isEqualTo("eth_chainId"));
      assertThatThrownBy(() -> await(client.anchor(logId, 1, randomRoot())))
          .isInstanceOf(ChainUnavailableException.class);
      assertThatThrownBy(() -> await(client.blockNumber()))
          .isInstanceOf(ChainUnavailableException.class);
    } finally {
      down.shutdown();
    }
  }

  @Test
  void anchorWaitsForMiningWithoutBlockingAndReportsARevertedReceipt() throws Exception {
    assumeTrue(chain.isHardhat(), "needs Hardhat's mining control");
    chain.setAutomine(false);
    CompletableFuture<AnchorReceipt> pending;
    try {
      long mined = nonceOf(submitter.getAddress());
      pending = submitterClient.anchor(logId, 7, randomRoot());
      awaitPendingNonce(submitter.getAddress(), mined);
      assertThat(pending).isNotDone();
      // Remove the submitter behind the registry's back, so the pooled transaction reverts
      // when mined (slot of _logs[logId] = keccak256(logId . uint256(1))).
      String slot =
          Hash.sha3(
              Numeric.toHexString(logId)
                  + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.ONE, 64));
      chain.send(
          "hardhat_setStorageAt",
          owner.address(),
          slot,
          Numeric.toHexStringWithPrefixZeroPadded(BigInteger.ZERO, 64));
      chain.mine(1);
    } finally {
      chain.setAutomine(true);
    }

    assertThatThrownBy(() -> await(pending))
        .isInstanceOfSatisfying(
            TransactionFailedException.class,
            e -> {
              assertThat(e.transactionHash()).isPresent();
              assertThat(e.getCause()).isInstanceOf(NotSubmitterException.class);
            });
  }

  private long nonceOf(String address) throws Exception {
    return web3j
        .ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
        .send()
        .getTransactionCount()
        .longValueExact();
  }

  /** Polls until the node's pending nonce of {@code address} passes its mined nonce. */
  private void awaitPendingNonce(String address, long mined) {
    Await.until(
        "transaction reached the pool",
        Duration.ofSeconds(30),
        Duration.ofMillis(50),
        () ->
            web3j
                    .ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
                    .send()
                    .getTransactionCount()
                    .longValueExact()
                > mined);
  }

  private AnchorRegistryClient client(Credentials credentials) {
    return AnchorRegistryClient.connect(web3j, owner.address(), chain.chainId(), credentials);
  }

  private static byte[] randomRoot() {
    byte[] root = new byte[32];
    RANDOM.nextBytes(root);
    return root;
  }
}
