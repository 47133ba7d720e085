package org.govchain.accounting.integrity;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.accounting.security.Caller;
import org.govchain.accounting.units.web.Unit;
import org.govchain.accounting.units.web.UnitService;
import org.govchain.accounting.vouchers.Period;
import org.govchain.accounting.vouchers.web.Voucher;
import org.govchain.accounting.vouchers.web.VoucherRepository;
import org.govchain.accounting.vouchers.web.VoucherService;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.canonical.Jcs;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.envelope.InvalidEnvelopeException;
import org.govchain.anchor.merkle.MerkleVerifier;
import org.govchain.anchor.merkle.ProofException;
import org.govchain.anchor.spring.anchoring.AnchoringProperties;
import org.govchain.anchor.spring.log.LogReader;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.spring.log.LoggedEvent;
import org.govchain.anchor.spring.log.NotAnchoredYetException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.web3j.protocol.Web3j;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The integrity report of a unit's books: walks the unit's hash chain from its first voucher,
 * recomputing each posted voucher's hash from its row, checking that it carries its predecessor's
 * hash, that the log's posting event holds the same content and hash, and — for the vouchers of the
 * period asked for — that the event is in an anchored checkpoint: against the chain itself when the
 * service anchors (the proof bundle verified as {@code govchain-verify} does), else against the
 * anchored root it keeps. It names the first voucher where anything breaks and what broke.
 */
@Service
public class IntegrityService {

  private static final HexFormat HEX = HexFormat.of();
  private static final String POSTED_EVENT = "accounting.voucher.posted";

  private final VoucherRepository vouchers;
  private final UnitService units;
  private final LogReader logReader;
  private final LogReferences references;
  private final ObjectProvider<Web3j> web3j;
  private final ObjectProvider<AnchoringProperties> anchoring;
  private final Clock clock;

  IntegrityService(
      VoucherRepository vouchers,
      UnitService units,
      LogReader logReader,
      LogReferences references,
      ObjectProvider<Web3j> web3j,
      ObjectProvider<AnchoringProperties> anchoring,
      Clock clock) {
    this.vouchers = vouchers;
    this.units = units;
    this.logReader = logReader;
    this.references = references;
    this.web3j = web3j;
    this.anchoring = anchoring;
    this.clock = clock;
  }

  /** The report for the unit's books; {@code period} selects the vouchers checked for anchoring. */
  public Mono<Map<String, Object>> report(UUID unitId, String period, Caller caller) {
    Period selected = period == null || period.isBlank() ? null : Period.parse(period, "period");
    return units.readable(unitId, caller).flatMap(unit -> walk(unit, selected));
  }

  private Mono<Map<String, Object>> walk(Unit unit, Period period) {
    Walk walk = new Walk(unit, period);
    return vouchers
        .chain(unit.id(), 1)
        .concatMap(walk::check)
        .then(vouchers.chainHead(unit.id()))
        .map(walk::finish);
  }

  /** One walk along a unit's chain. */
  private final class Walk {
    private final Unit unit;
    private final Period period;
    private final Web3j chain = web3j.getIfAvailable();
    private long expectedIndex = 1;
    private byte[] previousHash;
    private byte[] lastHash;
    private long checked;
    private long anchored;
    private Map<String, Object> firstBreak;
    private Map<String, Object> firstNotAnchored;

    Walk(Unit unit, Period period) {
      this.unit = unit;
      this.period = period;
    }

    Mono<Void> check(Voucher v) {
      boolean selected = period == null || period.equals(v.period());
      if (selected) {
        checked++;
      }
      byte[] recomputed = VoucherService.hash(v.chainContent(unit.creditCode(), references));
      if (!MessageDigest.isEqual(recomputed, v.hash())) {
        broke(
            v,
            IntegrityProblem.CONTENT_ALTERED,
            "the voucher's row no longer hashes to the hash it was posted with",
            hex(v.hash()),
            hex(recomputed));
      } else if (v.chainIndex() != expectedIndex) {
        broke(
            v,
            IntegrityProblem.CHAIN_LINK_BROKEN,
            "the voucher with chain index " + expectedIndex + " is missing",
            Long.toString(expectedIndex),
            Long.toString(v.chainIndex()));
      } else if (!Arrays.equals(v.previousHash(), previousHash)) {
        broke(
            v,
            IntegrityProblem.CHAIN_LINK_BROKEN,
            "the voucher does not carry its predecessor's hash",
            hex(previousHash),
            hex(v.previousHash()));
      }
      expectedIndex = v.chainIndex() + 1;
      previousHash = v.hash();
      lastHash = v.hash();
      return logReader
          .event(v.id().toString(), v.version())
          .map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .flatMap(
              event -> {
                if (event.isEmpty()) {
                  broke(
                      v,
                      IntegrityProblem.MISSING_FROM_LOG,
                      "the log has no posting event of the voucher (version " + v.version() + ")",
                      POSTED_EVENT,
                      null);
                  return Mono.empty();
                }
                if (!logAgrees(v, event.get())) {
                  return Mono.empty();
                }
                return selected ? anchoredCheck(v, event.get()) : Mono.empty();
              });
    }

    /** Whether the posting event holds the voucher's content and hash; records a break if not. */
    private boolean logAgrees(Voucher v, LoggedEvent event) {
      EventEnvelope envelope;
      try {
        envelope = EventEnvelope.parse(event.envelope());
      } catch (InvalidEnvelopeException e) {
        broke(v, IntegrityProblem.LOG_MISMATCH, "the log entry is no event envelope", null, null);
        return false;
      }
      Object content = envelope.data().get("content");
      Object hash = envelope.data().get("hash");
      byte[] rowContent = Jcs.serialize(v.chainContent(unit.creditCode(), references));
      if (!POSTED_EVENT.equals(envelope.type())) {
        broke(
            v,
            IntegrityProblem.LOG_MISMATCH,
            "the voucher's version " + v.version() + " is not a posting in the log",
            POSTED_EVENT,
            envelope.type());
        return false;
      }
      if (content == null || !Arrays.equals(Jcs.serialize(content), rowContent)) {
        broke(
            v,
            IntegrityProblem.LOG_MISMATCH,
            "the log's posting event holds other content than the voucher's row",
            hex(VoucherService.hash(v.chainContent(unit.creditCode(), references))),
            content instanceof Map<?, ?> ? hex(hashOf(content)) : null);
        return false;
      }
      if (!hex(v.hash()).equals(hash)) {
        broke(
            v,
            IntegrityProblem.LOG_MISMATCH,
            "the log's posting event holds another hash than the voucher's row",
            String.valueOf(hash),
            hex(v.hash()));
        return false;
      }
      return true;
    }

    private byte[] hashOf(Object content) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(Jcs.serialize(content));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private Mono<Void> anchoredCheck(Voucher v, LoggedEvent event) {
      if (event.leafIndex() == null) {
        notAnchored(v, "the posting event awaits the sequencer");
        return Mono.empty();
      }
      return logReader
          .bundleForEvent(v.id().toString(), v.version())
          .flatMap(bundle -> verify(v, event, bundle))
          .onErrorResume(
              NotAnchoredYetException.class,
              e -> {
                notAnchored(v, "no anchored checkpoint covers leaf " + event.leafIndex() + " yet");
                return Mono.empty();
              });
    }

    private Mono<Void> verify(Voucher v, LoggedEvent event, ProofBundle bundle) {
      if (!Arrays.equals(bundle.leafData(), event.envelope())) {
        broke(v, IntegrityProblem.ANCHOR_INVALID, "the proof is of another leaf", null, null);
        return Mono.empty();
      }
      if (chain == null) {
        try {
          MerkleVerifier.verifyInclusion(
              event.leafHash(),
              bundle.leafIndex(),
              bundle.treeSize(),
              bundle.inclusionPath(),
              bundle.rootHash());
          anchored++;
        } catch (ProofException e) {
          broke(
              v,
              IntegrityProblem.ANCHOR_INVALID,
              "the inclusion proof does not lead to the anchored root: " + e.getMessage(),
              hex(bundle.rootHash()),
              null);
        }
        return Mono.empty();
      }
      long confirmations = anchoring.getObject().confirmations();
      return Mono.fromCallable(
              () -> new BundleVerifier(chain).verify(bundle, confirmations, logReader.verifier()))
          .subscribeOn(Schedulers.boundedElastic())
          .doOnNext(verification -> judge(v, verification))
          .then();
    }

    private void judge(Voucher v, Verification verification) {
      if (verification.verdict() == Verdict.VALID) {
        anchored++;
      } else if (verification.verdict() == Verdict.UNCONFIRMED
          || verification.verdict() == Verdict.NOT_ANCHORED) {
        notAnchored(v, String.join("; ", verification.reasons()));
      } else if (verification.verdict() == Verdict.CHAIN_UNAVAILABLE) {
        notAnchored(v, "the chain did not answer: " + String.join("; ", verification.reasons()));
      } else {
        broke(
            v,
            IntegrityProblem.ANCHOR_INVALID,
            verification.verdict() + ": " + String.join("; ", verification.reasons()),
            Verdict.VALID.name(),
            verification.verdict().name());
      }
    }

    private void broke(
        Voucher v, IntegrityProblem problem, String detail, String expected, String found) {
      if (firstBreak == null) {
        firstBreak = finding(v, problem, detail, expected, found);
      }
    }

    private void notAnchored(Voucher v, String detail) {
      if (firstNotAnchored == null) {
        firstNotAnchored = finding(v, IntegrityProblem.NOT_ANCHORED_YET, detail, null, null);
      }
    }

    private Map<String, Object> finding(
        Voucher v, IntegrityProblem problem, String detail, String expected, String found) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("voucherId", v.id().toString());
      f.put("period", v.period().toString());
      f.put("number", v.number());
      f.put("chainIndex", v.chainIndex());
      f.put("problem", problem.name());
      f.put("detail", detail);
      f.put("expected", expected);
      f.put("found", found);
      return f;
    }

    Map<String, Object> finish(VoucherRepository.ChainHead head) {
      if (firstBreak == null && head.length() != expectedIndex - 1) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("voucherId", null);
        f.put("period", null);
        f.put("number", null);
        f.put("chainIndex", head.length());
        f.put("problem", IntegrityProblem.CHAIN_LINK_BROKEN.name());
        f.put(
            "detail",
            "the chain's head says "
                + head.length()
                + " vouchers, the books hold "
                + (expectedIndex - 1));
        f.put("expected", Long.toString(head.length()));
        f.put("found", Long.toString(expectedIndex - 1));
        firstBreak = f;
      } else if (firstBreak == null && !Arrays.equals(head.head(), lastHash)) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("voucherId", null);
        f.put("period", null);
        f.put("number", null);
        f.put("chainIndex", head.length());
        f.put("problem", IntegrityProblem.CHAIN_LINK_BROKEN.name());
        f.put("detail", "the chain's head hash is not the last voucher's hash");
        f.put("expected", hex(head.head()));
        f.put("found", hex(lastHash));
        firstBreak = f;
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("unitId", unit.id().toString());
      report.put("unit", unit.creditCode());
      report.put("period", period == null ? null : period.toString());
      report.put("checkedAt", clock.instant().toString());
      report.put(
          "verdict",
          firstBreak != null ? "BROKEN" : firstNotAnchored != null ? "NOT_ANCHORED_YET" : "INTACT");
      report.put("chainLength", head.length());
      report.put("vouchersChecked", checked);
      report.put("vouchersAnchored", anchored);
      report.put("checkedAgainstChain", chain != null);
      report.put("firstBreak", firstBreak);
      report.put("firstNotAnchored", firstNotAnchored);
      return report;
    }
  }

  private static String hex(byte[] bytes) {
    return bytes == null ? null : HEX.formatHex(bytes);
  }
}
