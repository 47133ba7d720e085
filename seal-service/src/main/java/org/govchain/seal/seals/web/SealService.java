package org.govchain.seal.seals.web;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govchain.anchor.spring.idempotency.Idempotency;
import org.govchain.anchor.spring.idempotency.IdempotentRequest;
import org.govchain.anchor.spring.idempotency.StoredResponse;
import org.govchain.anchor.spring.log.LogAppender;
import org.govchain.anchor.spring.log.LogReferences;
import org.govchain.anchor.web.paging.Page;
import org.govchain.anchor.web.problem.ProblemException;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.ca.SealSubject;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.keys.PrivateKeyCipher;
import org.govchain.seal.problems.ProblemType;
import org.govchain.seal.seals.CreditCode;
import org.govchain.seal.seals.SealAction;
import org.govchain.seal.seals.SealImage;
import org.govchain.seal.seals.SealLifecycle;
import org.govchain.seal.seals.SealRecord;
import org.govchain.seal.seals.SealStatus;
import org.govchain.seal.seals.SealStatusHistory;
import org.govchain.seal.seals.StatusChange;
import org.govchain.seal.seals.ValidityPeriod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates seals and changes their status; every change writes the seal, its status history and its
 * log event in one transaction.
 */
@Service
public class SealService {

  static final String CREATE_OPERATION = "seal.create";

  private final SealRepository seals;
  private final LogAppender log;
  private final LogReferences references;
  private final TransactionalOperator tx;
  private final Idempotency idempotency;
  private final SealCertificateAuthority ca;
  private final PrivateKeyCipher cipher;
  private final SealProperties properties;
  private final SecureRandom random;
  private final Clock clock;
  private final JsonMapper json;

  SealService(
      SealRepository seals,
      LogAppender log,
      LogReferences references,
      ReactiveTransactionManager transactions,
      Idempotency idempotency,
      SealCertificateAuthority ca,
      PrivateKeyCipher cipher,
      SealProperties properties,
      SecureRandom random,
      Clock clock,
      JsonMapper json) {
    this.seals = seals;
    this.log = log;
    this.references = references;
    this.tx = TransactionalOperator.create(transactions);
    this.idempotency = idempotency;
    this.ca = ca;
    this.cipher = cipher;
    this.properties = properties;
    this.random = random;
    this.clock = clock;
    this.json = json;
  }

  /** Now, in the precision the log keeps (milliseconds). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Creates a seal (201 response with its view), or replays the first response to {@code caller}'s
   * {@code idempotencyKey}.
   */
  Mono<StoredResponse> create(SealRequests.Create request, String caller, String idempotencyKey) {
    IdempotentRequest once =
        new IdempotentRequest(
            caller, idempotencyKey, CREATE_OPERATION, request.fingerprintContent());
    CreditCode code = CreditCode.parse(request.creditCode());
    if (!request
        .validUntil()
        .truncatedTo(ChronoUnit.SECONDS)
        .isAfter(request.validFrom().truncatedTo(ChronoUnit.SECONDS))) {
      throw ProblemException.invalidField("validUntil", "must be after validFrom");
    }
    if (!request.validUntil().isAfter(clock.instant())) {
      throw ProblemException.invalidField("validUntil", "must be in the future");
    }
    byte[] png;
    try {
      png = Base64.getDecoder().decode(request.imagePng().strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("imagePng", "must be base64");
    }
    SealImage image = SealImage.fromPng(png, properties.uploads().imageLimits());
    return idempotency.once(once, Mono.defer(() -> doCreate(request, code, image)));
  }

  private Mono<StoredResponse> doCreate(
      SealRequests.Create request, CreditCode code, SealImage image) {
    UUID id = UUID.randomUUID();
    // whole seconds, as in the certificate
    ValidityPeriod validity =
        ValidityPeriod.of(
            request.validFrom().truncatedTo(ChronoUnit.SECONDS),
            request.validUntil().truncatedTo(ChronoUnit.SECONDS));
    Mono<Seal> issued =
        Mono.fromCallable(
                () -> {
                  KeyPair pair = request.algorithmOrDefault().generateKeyPair(random);
                  X509Certificate certificate =
                      ca.issue(
                          new SealSubject(
                              id,
                              request.name().strip(),
                              request.type(),
                              request.organisation().strip(),
                              code),
                          pair.getPublic(),
                          validity);
                  Instant now = now();
                  return new Seal(
                      id,
                      request.name().strip(),
                      request.organisation().strip(),
                      code.value(),
                      request.type(),
                      request.algorithmOrDefault(),
                      SealStatus.ACTIVE,
                      validity.notBefore(),
                      validity.notAfter(),
                      image.png(),
                      certificate.getEncoded(),
                      serial(certificate.getSerialNumber()),
                      cipher.encrypt(id, pair.getPrivate()),
                      1,
                      null,
                      now,
                      now);
                })
            .subscribeOn(Schedulers.boundedElastic()); // key generation and signing block
    return issued.flatMap(
        seal -> {
          String body = json.writeValueAsString(SealView.of(seal, seal.createdAt()));
          StoredResponse response =
              new StoredResponse(HttpStatus.CREATED.value(), "/api/seal/seals/" + id, body);
          Mono<Void> write =
              seals
                  .insert(seal)
                  .then(
                      seals.insertStatusChange(
                          id, 1, StatusChange.of(seal.createdAt(), SealStatus.ACTIVE)))
                  .then(append("seal.seal.created", seal));
          return write.as(tx::transactional).thenReturn(response);
        });
  }

  /** Suspends, resumes or revokes a seal; 409 if its status does not allow the action. */
  Mono<Seal> transition(UUID id, SealAction action, String reason) {
    Mono<Seal> change =
        seals
            .lock(id, true)
            .switchIfEmpty(Mono.error(() -> unknownSeal(id)))
            .flatMap(
                seal -> {
                  Instant now = now();
                  SealStatus next = SealLifecycle.apply(seal.effectiveStatus(now), action, reason);
                  String kept = action == SealAction.REVOKE ? reason.strip() : null;
                  Seal updated = seal.withStatus(next, kept, now);
                  return seals
                      .updateStatus(updated)
                      .then(
                          seals.insertStatusChange(
                              id, updated.version(), new StatusChange(now, next, kept)))
                      .then(append("seal.seal." + eventName(action), updated))
                      .thenReturn(updated);
                });
    return change.as(tx::transactional);
  }

  /** The seal, or 404 {@code unknown-seal}. */
  public Mono<Seal> find(UUID id) {
    return seals.findById(id).switchIfEmpty(Mono.error(() -> unknownSeal(id)));
  }

  /** The seal locked against status changes until the caller's transaction ends (FOR SHARE). */
  public Mono<Seal> lockForSealing(UUID id) {
    return seals.lock(id, false).switchIfEmpty(Mono.error(() -> unknownSeal(id)));
  }

  Mono<Page<SealView>> list(String creditCode, SealStatus status, int page, int size) {
    Instant now = now();
    return seals
        .list(creditCode, status, now, page, size)
        .map(s -> SealView.of(s, now))
        .collectList()
        .zipWith(seals.count(creditCode, status, now))
        .map(t -> new Page<>(t.getT1(), page, size, t.getT2()));
  }

  /** What verification knows of the seal holding {@code certificate} (same DER), if any. */
  public Mono<Optional<SealRecord>> byCertificate(X509Certificate certificate) {
    return seals
        .findByCertificateSerial(serial(certificate.getSerialNumber()))
        .filter(s -> java.util.Arrays.equals(s.certificateDer(), encoded(certificate)))
        .flatMap(this::record)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty());
  }

  /** The seal with its status history. */
  public Mono<SealRecord> record(Seal seal) {
    return seals
        .statusChanges(seal.id())
        .collectList()
        .map(
            changes ->
                new SealRecord(
                    seal.id(),
                    seal.name(),
                    seal.organisation(),
                    new CreditCode(seal.creditCode()),
                    SealStatusHistory.of(seal.validity(), changes)));
  }

  private Mono<Void> append(String type, Seal seal) {
    return log.append(
            type,
            seal.id().toString(),
            seal.version(),
            seal.updatedAt(),
            seal.toLogData(references))
        .then();
  }

  static ProblemException unknownSeal(UUID id) {
    return new ProblemException(
        ProblemType.UNKNOWN_SEAL, "no seal " + id, Map.of("sealId", id.toString()));
  }

  private static String eventName(SealAction action) {
    return switch (action) {
      case SUSPEND -> "suspended";
      case RESUME -> "resumed";
      case REVOKE -> "revoked";
    };
  }

  private static String serial(BigInteger serial) {
    return serial.toString(16);
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      return new byte[0];
    }
  }
}
