package org.govchain.anchor.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.anchor.chain.AnchorRegistryClient.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govchain.anchor.chain.AnchorReceipt;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MemoryTree;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.testsupport.DevChain;
import org.govchain.testsupport.WithDevChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Every verdict of the bundle verifier, against a registry on the real dev chain. */
@WithDevChain
class BundleVerifierIT {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SIZE = 13;

  private final DevChain chain;
  private final BundleVerifier verifier;
  private String origin;
  private NoteSigner logKey;
  private AnchorRegistryClient submitter;
  private MemoryTree tree;
  private List<byte[]> leaves;
  private AnchorReceipt receipt;

  BundleVerifierIT(DevChain chain) {
    this.chain = chain;
    this.verifier = new BundleVerifier(chain.web3j());
  }

  @BeforeEach
  void anchorALogOfThirteenEnvelopes() {
    origin = "it-" + UUID.randomUUID() + ".govchain.example";
    logKey = NoteSigner.generate(origin);
    AnchorRegistryClient owner =
        await(
            AnchorRegistryClient.deploy(chain.web3j(), chain.newFundedAccount(), chain.chainId()));
    Credentials key = chain.newFundedAccount();
    await(owner.registerSubmitter(LogId.of(origin), key.getAddress()));
    submitter = AnchorRegistryClient.connect(chain.web3j(), owner.address(), chain.chainId(), key);
    leaves = envelopes(origin, SIZE);
    tree = treeOf(leaves);
    receipt = await(submitter.anchor(LogId.of(origin), SIZE, tree.root()));
  }

  @Test
  void bundleOfAnAnchoredLeafIsValid() {
    for (int index : new int[] {0, 6, SIZE - 1}) {
      Verification result = verifier.verify(bundle(index), 1, null);
      assertThat(result.verdict())
          .as("leaf %d: %s", index, result.reasons())
          .isEqualTo(Verdict.VALID);
      assertThat(result.confirmations()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void signedCheckpointIsCheckedWithTheLogKey() {
    ProofBundle signed = withNote(bundle(3), signedNote(logKey, SIZE, tree.root()));
    assertThat(verifier.verify(signed, 1, logKey.verifier()).verdict()).isEqualTo(Verdict.VALID);

    NoteSigner impostor = NoteSigner.generate(origin);
    ProofBundle forged = withNote(bundle(3), signedNote(impostor, SIZE, tree.root()));
    Verification result = verifier.verify(forged, 1, logKey.verifier());
    assertThat(result.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(last(result)).contains("signed checkpoint does not verify");
  }

  @Test
  void signedCheckpointForAnotherSizeIsTampered() {
    ProofBundle wrongNote = withNote(bundle(3), signedNote(logKey, SIZE - 1, tree.root(SIZE - 1)));
    Verification result = verifier.verify(wrongNote, 1, logKey.verifier());
    assertThat(result.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(last(result)).contains("not the bundle's");
  }

  @Test
  void alteredRecordIsTampered() {
    ProofBundle b = bundle(4);
    EventEnvelope original = EventEnvelope.parse(b.leafData());
    EventEnvelope altered =
        new EventEnvelope(
            original.log(),
            original.type(),
            original.subject(),
            original.version(),
            original.time(),
            Map.of("amount", "999999.00"),
            original.salt());
    Verification result = verifier.verify(withLeaf(b, altered.toCanonicalBytes()), 1, null);
    assertThat(result.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(last(result)).contains("inclusion proof fails");
  }

  @Test
  void nonCanonicalLeafDataIsTampered() {
    ProofBundle b = bundle(4);
    byte[] spaced =
        (" " + new String(b.leafData(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.verify(withLeaf(b, spaced), 1, null).verdict()).isEqualTo(Verdict.TAMPERED);
  }

  @Test
  void flippedBitInThePathIsTampered() {
    ProofBundle b = bundle(5);
    List<byte[]> path = new ArrayList<>(b.inclusionPath());
    byte[] first = path.get(0);
    first[7] ^= 0x10;
    path.set(0, first);
    ProofBundle flipped =
        new ProofBundle(
            b.origin(),
            b.leafIndex(),
            b.leafData(),
            b.treeSize(),
            b.rootHash(),
            path,
            b.anchor(),
            null);
    assertThat(verifier.verify(flipped, 1, null).verdict()).isEqualTo(Verdict.TAMPERED);
  }

  @Test
  void consistentBundleOfADifferentTreeIsTamperedByTheChainsRoot() {
    List<byte[]> forgedLeaves = envelopes(origin, SIZE);
    MemoryTree forged = treeOf(forgedLeaves);
    ProofBundle b = bundle(2);
    ProofBundle rewritten =
        new ProofBundle(
            origin,
            2,
            forgedLeaves.get(2),
            SIZE,
            forged.root(),
            forged.inclusionProof(2, SIZE),
            b.anchor(),
            null);
    Verification result = verifier.verify(rewritten, 1, null);
    assertThat(result.verdict()).isEqualTo(Verdict.TAMPERED);
    assertThat(last(result)).contains("the registry holds root " + hex(tree.root()));
  }

  @Test
  void bundleForASizeNeverAnchoredIsNotAnchored() {
    List<byte[]> more = new ArrayList<>(leaves);
    more.addAll(envelopes(origin, 3));
    MemoryTree bigger = treeOf(more);
    ProofBundle b = bundle(1);
    ProofBundle unanchored =
        new ProofBundle(
            origin,
            1,
            more.get(1),
            SIZE + 3,
            bigger.root(),
            bigger.inclusionProof(1, SIZE + 3),
            b.anchor(),
            null);
    assertThat(verifier.verify(unanchored, 1, null).verdict()).isEqualTo(Verdict.NOT_ANCHORED);
  }

  @Test
  void shallowAnchorIsUnconfirmedUntilEnoughBlocksFollow() {
    Verification shallow = verifier.verify(bundle(0), 5, null);
    assertThat(shallow.verdict()).isEqualTo(Verdict.UNCONFIRMED);
    chain.mine(4);
    assertThat(verifier.verify(bundle(0), 5, null).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void bundleNamingAnotherChainIsWrongChain() {
    ProofBundle b = bundle(0);
    Anchor a = b.anchor();
    Anchor elsewhere =
        new Anchor(
            a.chainId() + 1,
            a.contractAddress(),
            a.logId(),
            a.transactionHash(),
            a.blockNumber(),
            a.blockTime());
    assertThat(verifier.verify(withAnchor(b, elsewhere), 1, null).verdict())
        .isEqualTo(Verdict.WRONG_CHAIN);
  }

  @Test
  void addressWithoutTheRegistryIsNoRegistry() {
    ProofBundle b = bundle(0);
    Anchor a = b.anchor();
    Anchor nowhere =
        new Anchor(
            a.chainId(),
            chain.newFundedAccount().getAddress(),
            a.logId(),
            a.transactionHash(),
            a.blockNumber(),
            a.blockTime());
    assertThat(verifier.verify(withAnchor(b, nowhere), 1, null).verdict())
        .isEqualTo(Verdict.NO_REGISTRY);
  }

  @Test
  void wrongTransactionOrBlockIsAnchorMismatch() {
    ProofBundle b = bundle(0);
    Anchor a = b.anchor();
    byte[] otherTx = new byte[32];
    RANDOM.nextBytes(otherTx);
    Anchor wrongTx =
        new Anchor(
            a.chainId(), a.contractAddress(), a.logId(), otherTx, a.blockNumber(), a.blockTime());
    Verification result = verifier.verify(withAnchor(b, wrongTx), 1, null);
    assertThat(result.verdict()).isEqualTo(Verdict.ANCHOR_MISMATCH);
    assertThat(last(result)).contains("knows no transaction");

    Anchor wrongBlock =
        new Anchor(
            a.chainId(),
            a.contractAddress(),
            a.logId(),
            a.transactionHash(),
            a.blockNumber() - 1,
            a.blockTime());
    assertThat(verifier.verify(withAnchor(b, wrongBlock), 1, null).verdict())
        .isEqualTo(Verdict.ANCHOR_MISMATCH);
  }

  @Test
  void bundleWhoseLogIdIsNotItsOriginsIsTampered() {
    ProofBundle b = bundle(0);
    Anchor a = b.anchor();
    Anchor otherLog =
        new Anchor(
            a.chainId(),
            a.contractAddress(),
            LogId.of("other.govchain.example"),
            a.transactionHash(),
            a.blockNumber(),
            a.blockTime());
    assertThat(verifier.verify(withAnchor(b, otherLog), 1, null).verdict())
        .isEqualTo(Verdict.TAMPERED);
  }

  @Test
  void unreachableChainIsChainUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Web3j nowhere = Web3j.build(new HttpService("http://127.0.0.1:" + closedPort));
    try {
      Verification result = new BundleVerifier(nowhere).verify(bundle(0), 1, null);
      assertThat(result.verdict()).isEqualTo(Verdict.CHAIN_UNAVAILABLE);
      assertThat(result.confirmations()).isEqualTo(-1);
    } finally {
      nowhere.shutdown();
    }
  }

  @Test
  void bundleSurvivesItsJsonRoundTrip() {
    ProofBundle b = withNote(bundle(9), signedNote(logKey, SIZE, tree.root()));
    ProofBundle parsed = ProofBundleJson.parse(ProofBundleJson.write(b));
    assertThat(verifier.verify(parsed, 1, logKey.verifier()).verdict()).isEqualTo(Verdict.VALID);
  }

  private ProofBundle bundle(int index) {
    return new ProofBundle(
        origin,
        index,
        leaves.get(index),
        SIZE,
        tree.root(),
        tree.inclusionProof(index, SIZE),
        new Anchor(
            chain.chainId(),
            submitter.address(),
            LogId.of(origin),
            HexFormat.of().parseHex(receipt.transactionHash().substring(2)),
            receipt.blockNumber(),
            receipt.blockTime()),
        null);
  }

  private static String signedNote(NoteSigner key, long size, byte[] root) {
    return new Checkpoint(key.name(), size, root).sign(key).noteText();
  }

  private static ProofBundle withNote(ProofBundle b, String note) {
    return new ProofBundle(
        b.origin(),
        b.leafIndex(),
        b.leafData(),
        b.treeSize(),
        b.rootHash(),
        b.inclusionPath(),
        b.anchor(),
        note);
  }

  private static ProofBundle withLeaf(ProofBundle b, byte[] leafData) {
    return new ProofBundle(
        b.origin(),
        b.leafIndex(),
        leafData,
        b.treeSize(),
        b.rootHash(),
        b.inclusionPath(),
        b.anchor(),
        null);
  }

  private static ProofBundle withAnchor(ProofBundle b, Anchor anchor) {
    return new ProofBundle(
        b.origin(),
        b.leafIndex(),
        b.leafData(),
        b.treeSize(),
        b.rootHash(),
        b.inclusionPath(),
        anchor,
        null);
  }

  private static List<byte[]> envelopes(String origin, int count) {
    List<byte[]> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      result.add(
          EventEnvelope.create(
                  origin,
                  "test.recorded",
                  UUID.randomUUID().toString(),
                  1,
                  Instant.now(),
                  Map.of("amount", i + ".00"),
                  RANDOM)
              .toCanonicalBytes());
    }
    return result;
  }

  private static MemoryTree treeOf(List<byte[]> leafData) {
    MemoryTree t = new MemoryTree();
    leafData.forEach(d -> t.append(MerkleHasher.leafHash(d)));
    return t;
  }

  private static String last(Verification v) {
    return v.reasons().get(v.reasons().size() - 1);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
