package org.govchain.seal.sealing.web;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.keys.PrivateKeyCipher;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.problems.ProblemType;
import org.govchain.seal.sealing.DocumentHash;
import org.govchain.seal.sealing.HashSigner;
import org.govchain.seal.sealing.PdfDocuments;
import org.govchain.seal.sealing.PdfSealer;
import org.govchain.seal.sealing.SealPlacement;
import org.govchain.seal.sealing.SigningKey;
import org.govchain.seal.seals.SealImage;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.web.Seal;
import org.govchain.seal.seals.web.SealService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Stamps PDFs and signs document hashes with a seal; each sealing is recorded and logged in one
 * transaction that also re-checks, under a share lock, that the seal may still seal.
 */
@Service
public class SealingService {

  private final SealService seals;
  private final SealingRepository sealings;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final PrivateKeyCipher cipher;
  private final SealCertificateAuthority ca;
  private final PdfSealer pdfSealer;
  private final HashSigner hashSigner;
  private final SealProperties properties;

  SealingService(
      SealService seals,
      SealingRepository sealings,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      PrivateKeyCipher cipher,
      SealCertificateAuthority ca,
      PdfSealer pdfSealer,
      HashSigner hashSigner,
      SealProperties properties) {
    this.seals = seals;
    this.sealings = sealings;
    this.log = log;
    this.references = references;
    this.tx = TransactionalOperator.create(transactions);
    this.cipher = cipher;
    this.ca = ca;
    this.pdfSealer = pdfSealer;
    this.hashSigner = hashSigner;
    this.properties = properties;
  }

  /** A stamped PDF and its record. */
  public record SealedPdf(Sealing sealing, byte[] pdf) {}

  /** Stamps {@code pdf} with the seal at {@code placement}; 409 if the seal may not seal. */
  Mono<SealedPdf> sealPdf(UUID sealId, byte[] pdf, SealPlacement placement, String operator) {
    return seals
        .find(sealId)
        .flatMap(
            seal -> {
              Instant signedAt = requireMaySeal(seal);
              return Mono.fromCallable(
                      () -> {
                        PdfSealer.Sealed stamped =
                            pdfSealer.sealWithContents(
                                pdf,
                                placement,
                                SealImage.fromPng(
                                    seal.imagePng(), properties.uploads().imageLimits()),
                                signingKey(seal),
                                signedAt);
                        byte[] sealed = stamped.pdf();
                        // the new signature ends the file: the last of signatureDigests(sealed)
                        byte[] cms = stamped.signatureContents();
                        return new SealedPdf(
                            new Sealing(
                                UUID.randomUUID(),
                                sealId,
                                Sealing.Kind.PDF,
                                sha256(pdf),
                                sha256(sealed),
                                "SHA-256",
                                operator,
                                signedAt,
                                cms,
                                sha256(cms),
                                placement.page(),
                                placement.xMm(),
                                placement.yMm(),
                                placement.widthMm(),
                                seals.now()),
                            sealed);
                      })
                  .subscribeOn(Schedulers.boundedElastic()); // PDFBox and signing block
            })
        .flatMap(result -> record(result.sealing()).thenReturn(result));
  }

  /** Signs a document hash (detached CMS); 422 if its algorithm is not the seal's digest. */
  Mono<Sealing> signHash(UUID sealId, String hashAlgorithm, byte[] hash, String operator) {
    return seals
        .find(sealId)
        .flatMap(
            seal -> {
              SignatureAlgorithm digest = byDigest(hashAlgorithm);
              DocumentHash documentHash = new DocumentHash(digest, hash);
              Instant signedAt = requireMaySeal(seal);
              return Mono.fromCallable(
                      () -> {
                        byte[] cms = hashSigner.sign(documentHash, signingKey(seal), signedAt);
                        return new Sealing(
                            UUID.randomUUID(),
                            sealId,
                            Sealing.Kind.HASH,
                            hash,
                            null,
                            digest.digestName(),
                            operator,
                            signedAt,
                            cms,
                            sha256(cms),
                            null,
                            null,
                            null,
                            null,
                            seals.now());
                      })
                  .subscribeOn(Schedulers.boundedElastic()); // signing blocks
            })
        .flatMap(sealing -> record(sealing).thenReturn(sealing));
  }

  /** The sealing, or 404 {@code unknown-sealing}. */
  public Mono<Sealing> find(UUID id) {
    return sealings
        .findById(id)
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ProblemException(
                        ProblemType.UNKNOWN_SEALING,
                        "no sealing " + id,
                        Map.of("sealingId", id.toString()))));
  }

  /** The sealing that made the CMS signature with this SHA-256, if the service made it. */
  public Mono<Sealing> findBySignatureSha256(byte[] signatureSha256) {
    return sealings.findBySignatureSha256(signatureSha256);
  }

  /**
   * SHA-256 of each signature's CMS (the /Contents as PDFBox reads it), in the order of the end of
   * their byte ranges (as {@link org.govchain.seal.verification.PdfSignatureVerifier} reports
   * them).
   */
  public static List<byte[]> signatureDigests(byte[] pdf, long maxBytes) {
    List<byte[]> digests = new ArrayList<>();
    try (PDDocument document = PdfDocuments.load(pdf, maxBytes)) {
      List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
      signatures.sort(Comparator.comparingLong(SealingService::rangeEnd));
      for (PDSignature signature : signatures) {
        byte[] contents;
        try {
          contents = signature.getContents(pdf);
        } catch (IOException | RuntimeException e) {
          contents = new byte[0];
        }
        digests.add(sha256(contents));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the PDF's signatures", e);
    }
    return digests;
  }

  private Mono<Void> record(Sealing sealing) {
    Mono<Void> write =
        seals
            .lockForSealing(sealing.sealId())
            .flatMap(
                seal -> {
                  requireMaySeal(seal);
                  return sealings
                      .insert(sealing)
                      .then(
                          log.append(
                              "seal.sealing.created",
                              sealing.id().toString(),
                              1,
                              sealing.createdAt(),
                              sealing.toLogData(references)))
                      .then();
                });
    return write.as(tx::transactional);
  }

  /** The signing time (whole seconds, as in the PDF) if the seal may seal now; else 409. */
  private Instant requireMaySeal(Seal seal) {
    Instant now = seals.now();
    SealStatus status = seal.effectiveStatus(now);
    if (!status.maySeal()) {
      throw new ProblemException(
          ProblemType.SEAL_NOT_ACTIVE,
          "seal " + seal.id() + " is " + status + " and cannot seal",
          Map.of("sealId", seal.id().toString(), "sealStatus", status.name()));
    }
    return now.truncatedTo(ChronoUnit.SECONDS);
  }

  private SigningKey signingKey(Seal seal) {
    PrivateKey key = cipher.decrypt(seal.id(), seal.encryptedKey());
    return SigningKey.of(key, ca.chainFor(seal.certificate()));
  }

  private static SignatureAlgorithm byDigest(String name) {
    for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
      if (a.digestName().equalsIgnoreCase(name == null ? "" : name.strip())) {
        return a;
      }
    }
    throw ProblemException.invalidField("hashAlgorithm", "SHA-256 or SM3");
  }

  private static long rangeEnd(PDSignature signature) {
    int[] range = signature.getByteRange();
    return range.length == 4 ? (long) range[2] + range[3] : -1;
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
