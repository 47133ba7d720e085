package org.govchain.portal.certificate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.govchain.anchor.bundle.BundleVerifier;
import org.govchain.anchor.bundle.MalformedBundleException;
import org.govchain.anchor.bundle.ProofBundle;
import org.govchain.anchor.bundle.ProofBundleJson;
import org.govchain.anchor.bundle.Verdict;
import org.govchain.anchor.bundle.Verification;
import org.govchain.anchor.checkpoint.NoteVerifier;
import org.govchain.anchor.envelope.EventEnvelope;
import org.govchain.anchor.merkle.MerkleHasher;
import org.govchain.anchor.web.problem.CommonProblem;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.anchor.web.problem.ProblemKind;
import org.govchain.portal.settings.PortalSettings;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Issues evidence certificates: reads a record's proof bundle with the caller's own rights,
 * verifies it against the chain as {@code govchain-verify} does, renders the certificate and has
 * the seal service seal it with the platform seal. Also opens the bundle behind a certificate's
 * evidence link, for whoever holds the certificate.
 */
public final class CertificateService {

  /** A bundle that did not verify VALID: no certificate for it. */
  static final ProblemKind NOT_VERIFIED =
      ProblemKind.of(HttpStatus.UNPROCESSABLE_CONTENT, "not-verified", "Record not proven");

  private static final Pattern BUNDLE_PATH = Pattern.compile("/api/[a-z0-9-]+(/[A-Za-z0-9._~-]+)+");

  /** A "." or ".." segment, which would lead the request out of the log's prefix. */
  private static final Pattern DOT_SEGMENT = Pattern.compile("/\\.{1,2}(/|$)");

  private static final HexFormat HEX = HexFormat.of();

  /** A sealed certificate. */
  public record Issued(String number, String recordId, byte[] pdf) {}

  private final SuiteApi suite;
  private final BundleVerifier verifier;
  private final PortalSettings settings;
  private final CertificateProperties properties;
  private final EvidenceTokens tokens;
  private final Clock clock;

  CertificateService(
      SuiteApi suite,
      BundleVerifier verifier,
      PortalSettings settings,
      CertificateProperties properties,
      EvidenceTokens tokens,
      Clock clock) {
    this.suite = suite;
    this.verifier = verifier;
    this.settings = settings;
    this.properties = properties;
    this.tokens = tokens;
    this.clock = clock;
    // the font scan of PDFBox's first standard font, at start instead of in a request
    CertificateDocument.prepareFonts();
  }

  /**
   * The certificate of the record whose bundle is at {@code bundlePath} under the gateway, read
   * with {@code authorization} (the caller's header).
   */
  public Mono<Issued> issue(String bundlePath, String authorization) {
    PortalSettings.LogView log = logOfPath(bundlePath);
    return suite
        .bundle(bundlePath, authorization)
        .map(bytes -> parse(bytes, bundlePath))
        .flatMap(bundle -> verify(bundle, log).map(v -> certificate(bundle, v, log)))
        .flatMap(
            issued ->
                Mono.fromCallable(() -> CertificateDocument.render(issued.content()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(
                        pdf ->
                            suite.seal(
                                pdf,
                                CertificateDocument.SEAL_PLACEMENT,
                                issued.content().certificateNumber() + ".pdf"))
                    .map(
                        signedPdf ->
                            new Issued(
                                issued.content().certificateNumber(),
                                issued.content().recordId(),
                                signedPdf)));
  }

  /**
   * The bundle behind an evidence link, read anew: the certified leaf must still be at its index.
   *
   * @throws ProblemException 404 for a link the portal did not make, 409 when the log no longer
   *     holds the certified leaf there
   */
  public Mono<byte[]> evidence(String token) {
    EvidenceTokens.Evidence evidence =
        tokens
            .read(token)
            .orElseThrow(
                () ->
                    new ProblemException(CommonProblem.NOT_FOUND, "no certificate has this link"));
    return suite
        .evidenceBundle(evidence.apiPrefix(), evidence.leafIndex())
        .map(
            bytes -> {
              ProofBundle bundle = parse(bytes, evidence.apiPrefix());
              String leafHash = HEX.formatHex(MerkleHasher.leafHash(bundle.leafData()));
              if (!leafHash.equals(evidence.leafHash())) {
                throw new ProblemException(
                    CommonProblem.CONFLICT,
                    "the log no longer holds the certified record at index "
                        + evidence.leafIndex()
                        + ": the certificate names leaf hash "
                        + evidence.leafHash()
                        + ", the log now has "
                        + leafHash,
                    Map.of("certifiedLeafHash", evidence.leafHash(), "leafHash", leafHash));
              }
              return bytes;
            });
  }

  private PortalSettings.LogView logOfPath(String path) {
    if (path == null
        || path.length() > 300
        || !BUNDLE_PATH.matcher(path).matches()
        || DOT_SEGMENT.matcher(path).find()) {
      throw ProblemException.invalidField(
          "bundleUrl",
          "must be the path of a proof bundle under the gateway, e.g. /api/seal/seals/{id}/proof");
    }
    return settings.view().logs().stream()
        .filter(log -> path.startsWith(log.apiPrefix() + "/"))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    "bundleUrl",
                    "names no log of this suite; known prefixes: "
                        + settings.view().logs().stream()
                            .map(PortalSettings.LogView::apiPrefix)
                            .toList()));
  }

  private static ProofBundle parse(byte[] bytes, String where) {
    try {
      return ProofBundleJson.parse(bytes);
    } catch (MalformedBundleException e) {
      throw new SuiteUnavailableException(
          where + " answered something that is not a proof bundle: " + e.getMessage(), e);
    }
  }

  private Mono<Verification> verify(ProofBundle bundle, PortalSettings.LogView log) {
    if (!bundle.origin().equals(log.origin())) {
      throw new ProblemException(
          NOT_VERIFIED,
          "the bundle is of log " + bundle.origin() + ", not of " + log.origin(),
          Map.of("verdict", Verdict.TAMPERED.name()));
    }
    NoteVerifier key =
        log.verifierKey() == null ? null : NoteVerifier.fromVerifierKey(log.verifierKey());
    return Mono.fromCallable(() -> verifier.verify(bundle, properties.minConfirmations(), key))
        .subscribeOn(Schedulers.boundedElastic())
        .map(
            verification -> {
              switch (verification.verdict()) {
                case VALID:
                  return verification;
                case CHAIN_UNAVAILABLE:
                  throw new SuiteUnavailableException(
                      "the chain did not answer: " + verification.reasons());
                case UNCONFIRMED:
                  throw new ProblemException(
                      CommonProblem.CONFLICT,
                      "the record's anchor is not confirmed deep enough yet; retry soon",
                      Map.of("verdict", verification.verdict().name()));
                default:
                  throw new ProblemException(
                      NOT_VERIFIED,
                      "the record's proof bundle does not verify: " + verification.verdict(),
                      Map.of(
                          "verdict",
                          verification.verdict().name(),
                          "reasons",
                          List.copyOf(verification.reasons())));
              }
            });
  }

  /** What a certificate says of a verified bundle. */
  private record Draft(CertificateContent content) {}

  private Draft certificate(
      ProofBundle bundle, Verification verification, PortalSettings.LogView log) {
    EventEnvelope envelope = EventEnvelope.parse(bundle.leafData());
    String leafHash = HEX.formatHex(MerkleHasher.leafHash(bundle.leafData()));
    String token =
        tokens.issue(new EvidenceTokens.Evidence(log.apiPrefix(), bundle.leafIndex(), leafHash));
    String number = "GC-" + HEX.formatHex(sha256(token)).substring(0, 16).toUpperCase(Locale.ROOT);
    var anchor = bundle.anchor();
    PortalSettings.View view = settings.view();
    CertificateContent content =
        new CertificateContent(
            number,
            envelope.type(),
            envelope.subject(),
            envelope.version(),
            envelope.timeText(),
            leafHash,
            bundle.leafIndex(),
            bundle.origin(),
            bundle.treeSize(),
            HEX.formatHex(bundle.rootHash()),
            anchor.chainId(),
            anchor.contractAddress(),
            "0x" + HEX.formatHex(anchor.logId()),
            "0x" + HEX.formatHex(anchor.transactionHash()),
            anchor.blockNumber(),
            anchor.blockTime().toString(),
            verification.confirmations(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
            view.publicUrl() + "#/verify?evidence=" + token,
            view.chain().rpcUrl());
    return new Draft(content);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
