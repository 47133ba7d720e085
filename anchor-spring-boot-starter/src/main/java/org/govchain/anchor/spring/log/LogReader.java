package org.govchain.anchor.spring.log;

import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govchain.anchor.bundle.Anchor;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.checkpoint.Checkpoint;
import org.govchain.anchor.checkpoint.NoteSigner;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.merkle.MerkleProofs;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.merkle.NodeId;
import org.govchain.anchor.merkle.ProofPlan;
import org.govchain.anchor.merkle.RootPlan;
import reactor.core.publisher.Mono;

/**
 * Reads the service's log: checkpoints, proofs from O(log n) stored nodes (one query each), entries
 * and proof bundles against the newest anchored checkpoint.
 *
 * <p>Failures arrive as {@link LogQueryException}s, which render as problem+json; a service's
 * {@code …/{id}/proof} endpoint returns {@link #bundleForLatestEvent} and lets them through.
 */
public final class LogReader {

  private static final HexFormat HEX = HexFormat.of();

  private final LogStore store;
  private final NoteVerifier verifier;
  private final Duration retryAfter;
  private final LogCheckpoint empty;

  LogReader(LogStore store, NoteSigner signer, Duration retryAfter) {
    this.store = store;
    this.verifier = signer.verifier();
    this.retryAfter = retryAfter;
    byte[] emptyRoot = MerkleHasher.emptyRoot();
    this.empty =
        new LogCheckpoint(
            store.origin(),
            0,
            HEX.formatHex(emptyRoot),
            new Checkpoint(store.origin(), 0, emptyRoot).sign(signer).noteText(),
            null,
            null);
  }

  /** The log's origin. */
  public String origin() {
    return store.origin();
  }

  /** The verifier of this instance's checkpoint signatures. */
  public NoteVerifier verifier() {
    return verifier;
  }

  /**
   * The newest checkpoint. Before the first one, the empty tree's, as C2SP logs answer: size 0,
   * root SHA-256(""), signed by this log's key (Ed25519 signatures are deterministic, so it is
   * always the same note), never stored nor anchored, {@code createdAt} and {@code anchor} null.
   */
  public Mono<LogCheckpoint> latestCheckpoint() {
    return store.latestCheckpoint().defaultIfEmpty(empty);
  }

  /** The checkpoint of {@code size}; {@link UnknownCheckpointException} if none was made. */
  public Mono<LogCheckpoint> checkpoint(long size) {
    return store
        .checkpoint(size)
        .switchIfEmpty(Mono.error(() -> new UnknownCheckpointException(origin(), size)));
  }

  /**
   * The inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves, with
   * that tree's root.
   *
   * @return {@link InvalidProofRequestException} unless {@code 0 <= index < size}; {@link
   *     BeyondTreeException} if {@code size} exceeds the sequenced tree
   */
  public Mono<InclusionProof> inclusionProof(long index, long size) {
    if (index < 0 || index >= size) {
      return Mono.error(
          new InvalidProofRequestException(
              "an inclusion proof needs 0 <= index < size, got index " + index + ", size " + size,
              Map.of("index", index, "size", size)));
    }
    ProofPlan plan = MerkleProofs.inclusionPlan(index, size);
    RootPlan root = MerkleProofs.rootPlan(size);
    return withinTree(size)
        .then(store.nodes(union(plan.nodes(), root.nodes())))
        .map(
            nodes ->
                new InclusionProof(
                    index,
                    size,
                    HEX.formatHex(root.root(nodes::get)),
                    hex(plan.proof(nodes::get))));
  }

  /**
   * The consistency proof between the trees of the first {@code from} and {@code to} leaves.
   *
   * @return {@link InvalidProofRequestException} unless {@code 1 <= from <= to}; {@link
   *     BeyondTreeException} if {@code to} exceeds the sequenced tree
   */
  public Mono<ConsistencyProof> consistencyProof(long from, long to) {
    if (from < 1 || from > to) {
      return Mono.error(
          new InvalidProofRequestException(
              "a consistency proof needs 1 <= from <= to, got from " + from + ", to " + to,
              Map.of("from", from, "to", to)));
    }
    ProofPlan plan = MerkleProofs.consistencyPlan(from, to);
    return withinTree(to)
        .then(store.nodes(plan.nodes()))
        .map(nodes -> new ConsistencyProof(from, to, hex(plan.proof(nodes::get))));
  }

  /**
   * The event that made {@code subject} version {@code version}, sequenced or not; empty if the log
   * has none.
   */
  public Mono<LoggedEvent> event(String subject, long version) {
    return store
        .entryOf(subject, version)
        .map(
            e ->
                new LoggedEvent(
                    e.subject(), e.version(), e.envelope(), e.leafHash(), e.leafIndex()));
  }

  /** The entry at leaf {@code index}; {@link UnknownEntryException} if not sequenced. */
  public Mono<LogEntry> entry(long index) {
    return store
        .entryAt(index)
        .switchIfEmpty(Mono.error(() -> new UnknownEntryException(origin(), index)))
        .map(
            e ->
                new LogEntry(
                    index,
                    Base64.getEncoder().encodeToString(e.envelope()),
                    HEX.formatHex(e.leafHash())));
  }

  /**
   * The proof bundle of leaf {@code index} against the newest anchored checkpoint.
   *
   * @return {@link UnknownEntryException} if the leaf is not sequenced; {@link
   *     NotAnchoredYetException} if no anchored checkpoint covers it yet
   */
  public Mono<ProofBundle> bundleForLeaf(long index) {
    return store
        .entryAt(index)
        .switchIfEmpty(Mono.error(() -> new UnknownEntryException(origin(), index)))
        .flatMap(this::bundle);
  }

  /**
   * The proof bundle of the event that made {@code subject} version {@code version}.
   *
   * @return {@link UnknownEntryException} if the log has no such event; {@link
   *     NotAnchoredYetException} if it is not yet sequenced and anchored
   */
  public Mono<ProofBundle> bundleForEvent(String subject, long version) {
    return store
        .entryOf(subject, version)
        .switchIfEmpty(Mono.error(() -> new UnknownEntryException(origin(), subject, version)))
        .flatMap(this::bundle);
  }

  /**
   * The proof bundle of {@code subject}'s latest event (DESIGN §5 {@code …/{id}/proof}).
   *
   * @return {@link UnknownEntryException} if the log has no event of it; {@link
   *     NotAnchoredYetException} if its latest event is not yet sequenced and anchored
   */
  public Mono<ProofBundle> bundleForLatestEvent(String subject) {
    return store
        .entryOf(subject, null)
        .switchIfEmpty(Mono.error(() -> new UnknownEntryException(origin(), subject, null)))
        .flatMap(this::bundle);
  }

  private Mono<ProofBundle> bundle(LogStore.StoredEntry entry) {
    Long index = entry.leafIndex();
    return store
        .latestAnchoredCheckpoint()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            anchored -> {
              if (index != null && anchored.isPresent() && anchored.get().size() > index) {
                return bundle(entry, index, anchored.get());
              }
              long anchoredSize = anchored.map(LogCheckpoint::size).orElse(0L);
              return Mono.error(
                  new NotAnchoredYetException(origin(), index, anchoredSize, retryAfter));
            });
  }

  private Mono<ProofBundle> bundle(LogStore.StoredEntry entry, long index, LogCheckpoint cp) {
    ProofPlan plan = MerkleProofs.inclusionPlan(index, cp.size());
    byte[] root = HEX.parseHex(cp.rootHash());
    return store
        .nodes(plan.nodes())
        .map(
            nodes -> {
              List<byte[]> path = plan.proof(nodes::get);
              // a bundle that would not verify is never handed out: the store must be intact
              MerkleVerifier.verifyInclusion(entry.leafHash(), index, cp.size(), path, root);
              LogCheckpoint.Anchor a = cp.anchor();
              Anchor anchor =
                  new Anchor(
                      a.chainId(),
                      a.contract(),
                      LogId.of(origin()),
                      HEX.parseHex(strip0x(a.txHash())),
                      a.blockNumber(),
                      a.blockTime());
              return new ProofBundle(
                  origin(), index, entry.envelope(), cp.size(), root, path, anchor, cp.note());
            });
  }

  /** Completes empty if the sequenced tree has at least {@code size} leaves. */
  private Mono<Void> withinTree(long size) {
    return store
        .treeSize()
        .flatMap(
            treeSize ->
                size > treeSize
                    ? Mono.error(new BeyondTreeException(origin(), size, treeSize))
                    : Mono.empty());
  }

  private static Set<NodeId> union(Set<NodeId> a, Set<NodeId> b) {
    Set<NodeId> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static List<String> hex(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static String strip0x(String hex) {
    return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
  }
}
