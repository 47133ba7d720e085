package org.govchain.anchor.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.govchain.anchor.chain.AnchorRegistryClient;
import org.govchain.anchor.chain.AnchoredCheckpoint;
import org.govchain.anchor.chain.ChainException;
import org.govchain.anchor.chain.ChainUnavailableException;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.chain.RegistryNotFoundException;
import org.govchain.anchor.chain.WrongChainException;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.MalformedCheckpointException;
import org.govchain.anchor.checkpoint.NoteException;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.envelope.InvalidEnvelopeException;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.merkle.ProofException;
import org.web3j.exceptions.MessageDecodingException;
import org.web3j.protocol.Web3j;

/**
 * Verifies proof bundles against the chain alone, as docs/proof-bundle.md describes: leaf, path,
 * root, then the registry's stored checkpoint, its depth and the anchoring transaction.
 *
 * <p>{@link #verify} blocks the calling thread on chain requests; reactive callers use {@link
 * #verifyAsync} with an executor meant for blocking work.
 */
public final class BundleVerifier {

  private static final HexFormat HEX = HexFormat.of();

  private final Web3j web3j;

  /** A verifier that asks the chain behind {@code web3j}. */
  public BundleVerifier(Web3j web3j) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
  }

  /** {@link #verify} on {@code executor}, which may block. */
  public CompletableFuture<Verification> verifyAsync(
      ProofBundle bundle, long minConfirmations, NoteVerifier logKey, Executor executor) {
    return CompletableFuture.supplyAsync(() -> verify(bundle, minConfirmations, logKey), executor);
  }

  /**
   * Verifies {@code bundle}. Blocks on chain requests.
   *
   * @param minConfirmations at least 1: how many blocks deep the anchor must be, its own included
   * @param logKey the log's note verifier, or {@code null} to check the signed checkpoint (if the
   *     bundle has one) for consistency only, not for its signature
   * @return the verdict with its reasons; never throws for a bad bundle or a failing chain
   */
  public Verification verify(ProofBundle bundle, long minConfirmations, NoteVerifier logKey) {
    if (minConfirmations < 1) {
      throw new IllegalArgumentException("minConfirmations must be at least 1");
    }
    Steps steps = new Steps();
    byte[] root = bundle.rootHash();
    String rootHex = HEX.formatHex(root);

    // 1. The leaf is a canonical event envelope of this log.
    EventEnvelope envelope;
    try {
      envelope = EventEnvelope.parse(bundle.leafData());
    } catch (InvalidEnvelopeException e) {
      return steps.fail(
          Verdict.TAMPERED, "leaf data is not a canonical event envelope: " + e.getMessage());
    }
    if (!envelope.log().equals(bundle.origin())) {
      return steps.fail(
          Verdict.TAMPERED,
          "leaf data belongs to log '" + envelope.log() + "', not '" + bundle.origin() + "'");
    }
    steps.ok(
        "leaf data is a canonical envelope: "
            + envelope.type()
            + " of "
            + envelope.subject()
            + " version "
            + envelope.version()
            + " at "
            + envelope.timeText());

    byte[] logId = LogId.of(bundle.origin());
    if (!Arrays.equals(logId, bundle.anchor().logId())) {
      return steps.fail(
          Verdict.TAMPERED,
          "anchor.logId 0x"
              + HEX.formatHex(bundle.anchor().logId())
              + " is not keccak256('"
              + bundle.origin()
              + "') = 0x"
              + HEX.formatHex(logId));
    }

    // 2. The inclusion path folds to the root.
    byte[] leafHash = MerkleHasher.leafHash(bundle.leafData());
    try {
      MerkleVerifier.verifyInclusion(
          leafHash, bundle.leafIndex(), bundle.treeSize(), bundle.inclusionPath(), root);
    } catch (ProofException e) {
      return steps.fail(Verdict.TAMPERED, "inclusion proof fails: " + e.getMessage());
    }
    steps.ok(
        "leaf "
            + bundle.leafIndex()
            + " (hash "
            + HEX.formatHex(leafHash)
            + ") folds with "
            + bundle.inclusionPath().size()
            + " path hashes to root "
            + rootHex
            + " of size "
            + bundle.treeSize());

    // 3. The signed checkpoint, if any, says the same.
    if (bundle.checkpointNote() != null || logKey != null) {
      Optional<String> problem = checkNote(bundle, logKey, steps);
      if (problem.isPresent()) {
        return steps.fail(Verdict.TAMPERED, problem.get());
      }
    }

    // 4. The chain holds this root for this size, deep enough, where the bundle says.
    Anchor anchor = bundle.anchor();
    AnchorRegistryClient registry =
        AnchorRegistryClient.connect(web3j, anchor.contractAddress(), anchor.chainId());
    try {
      AnchorRegistryClient.await(registry.verifyRegistry());
      steps.ok(
          "chain "
              + anchor.chainId()
              + " has the AnchorRegistry contract at "
              + anchor.contractAddress());
      Optional<AnchoredCheckpoint> stored =
          AnchorRegistryClient.await(registry.checkpointAt(logId, bundle.treeSize()));
      if (stored.isEmpty()) {
        return steps.fail(
            Verdict.NOT_ANCHORED,
            "the registry has no checkpoint of size "
                + bundle.treeSize()
                + " for log "
                + bundle.origin());
      }
      AnchoredCheckpoint onChain = stored.get();
      if (!Arrays.equals(onChain.rootHash(), root)) {
        return steps.fail(
            Verdict.TAMPERED,
            "the registry holds root "
                + HEX.formatHex(onChain.rootHash())
                + " for size "
                + bundle.treeSize()
                + ", the bundle claims "
                + rootHex);
      }
      steps.ok(
          "the registry holds root "
              + rootHex
              + " for size "
              + bundle.treeSize()
              + ", anchored in block "
              + onChain.blockNumber()
              + " at "
              + onChain.blockTime());
      long head = AnchorRegistryClient.await(registry.blockNumber());
      long confirmations = head - onChain.blockNumber() + 1;
      steps.confirmations = confirmations;
      if (confirmations < minConfirmations) {
        return steps.fail(
            Verdict.UNCONFIRMED,
            confirmations + " confirmations, " + minConfirmations + " required");
      }
      steps.ok(confirmations + " confirmations (" + minConfirmations + " required)");
      if (onChain.blockNumber() != anchor.blockNumber()
          || !onChain.blockTime().equals(anchor.blockTime())) {
        return steps.fail(
            Verdict.ANCHOR_MISMATCH,
            "the bundle names block "
                + anchor.blockNumber()
                + " at "
                + anchor.blockTime()
                + ", the registry stored block "
                + onChain.blockNumber()
                + " at "
                + onChain.blockTime());
      }
      Optional<String> txProblem =
          AnchorTransactions.check(web3j, anchor, logId, bundle.treeSize(), root);
      if (txProblem.isPresent()) {
        return steps.fail(Verdict.ANCHOR_MISMATCH, txProblem.get());
      }
      steps.ok(
          "transaction 0x"
              + HEX.formatHex(anchor.transactionHash())
              + " emitted Anchored(logId, "
              + bundle.treeSize()
              + ", root) in block "
              + anchor.blockNumber());
      return steps.result(Verdict.VALID);
    } catch (ChainUnavailableException e) {
      return steps.fail(Verdict.CHAIN_UNAVAILABLE, "the chain did not answer: " + e.getMessage());
    } catch (WrongChainException e) {
      return steps.fail(Verdict.WRONG_CHAIN, e.getMessage());
    } catch (RegistryNotFoundException e) {
      return steps.fail(Verdict.NO_REGISTRY, e.getMessage());
    } catch (ChainException e) {
      return steps.fail(
          Verdict.NO_REGISTRY,
          anchor.contractAddress() + " does not answer as an AnchorRegistry: " + e.getMessage());
    } catch (MessageDecodingException | ArithmeticException e) {
      // values no chain sends: a quantity that is not hex, a number past 64 bits
      return steps.fail(
          Verdict.CHAIN_UNAVAILABLE, "the chain's answer could not be read: " + e.getMessage());
    }
  }

  private static Optional<String> checkNote(ProofBundle bundle, NoteVerifier logKey, Steps steps) {
    String note = bundle.checkpointNote();
    if (note == null) {
      return Optional.of("a log key was given, but the bundle carries no signed checkpoint");
    }
    Checkpoint checkpoint;
    try {
      if (logKey != null) {
        checkpoint = Checkpoint.verify(note, logKey).checkpoint();
      } else {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
          return Optional.of("the signed checkpoint has no signature block");
        }
        checkpoint = Checkpoint.parse(note.substring(0, split + 1));
      }
    } catch (NoteException | MalformedCheckpointException e) {
      return Optional.of("the signed checkpoint does not verify: " + e.getMessage());
    }
    Checkpoint expected = new Checkpoint(bundle.origin(), bundle.treeSize(), bundle.rootHash());
    if (!checkpoint.origin().equals(expected.origin())
        || checkpoint.size() != expected.size()
        || !Arrays.equals(checkpoint.rootHash(), expected.rootHash())) {
      return Optional.of(
          "the signed checkpoint is for "
              + checkpoint.origin()
              + " size "
              + checkpoint.size()
              + " root "
              + HEX.formatHex(checkpoint.rootHash())
              + ", not the bundle's");
    }
    steps.ok(
        logKey != null
            ? "the checkpoint is signed by " + logKey.verifierKey().split("\\+")[0]
            : "the signed checkpoint matches (signature not checked: no log key given)");
    return Optional.empty();
  }

  /** The reasons gathered so far. */
  private static final class Steps {
    private final List<String> reasons = new ArrayList<>();
    private long confirmations = -1;

    void ok(String reason) {
      reasons.add("ok: " + reason);
    }

    Verification fail(Verdict verdict, String reason) {
      reasons.add("FAILED: " + reason);
      return result(verdict);
    }

    Verification result(Verdict verdict) {
      return new Verification(verdict, reasons, confirmations);
    }
  }
}
