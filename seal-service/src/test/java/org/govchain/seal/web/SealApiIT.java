package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.govchain.seal.ca.SealCertificateAuthority;
import org.govchain.seal.ca.SealSubject;
import org.govchain.seal.config.SealProperties;
import org.govchain.seal.keys.PrivateKeyCipher;
import org.govchain.seal.keys.SignatureAlgorithm;
import org.govchain.seal.sealing.DocumentHash;
import org.govchain.seal.sealing.HashSigner;
import org.govchain.seal.sealing.PdfSealer;
import org.govchain.seal.sealing.SealPlacement;
import org.govchain.seal.sealing.SigningKey;
import org.govchain.seal.seals.CreditCode;
import org.govchain.seal.seals.SealImage;
import org.govchain.seal.seals.SealImageLimits;
import org.govchain.seal.seals.SealType;
import org.govchain.seal.seals.ValidityPeriod;
import org.govchain.seal.testing.Poppler;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The seal API end to end over HTTP, against real PostgreSQL (no chain: anchoring is off). */
@WithPostgres
class SealApiIT {

  private static final String PROBLEMS = "https://govchain.example/problems/";
  private static SealApp app;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SealApp.start(db);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void sealLifecycleGoesActiveSuspendedActiveRevokedAndIllegalTransitionsAre409() {
    String id = app.createSeal(SealApp.createRequest("合同专用章 lifecycle"));
    WebTestClient c = app.client;
    c.get()
        .uri("/api/seal/seals/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("ACTIVE")
        .jsonPath("$.version")
        .isEqualTo(1)
        .jsonPath("$.typeName")
        .isEqualTo("公章");
    post(id, "suspend")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("SUSPENDED");
    post(id, "suspend")
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "illegal-transition")
        .jsonPath("$.status")
        .isEqualTo(409)
        .jsonPath("$.sealStatus")
        .isEqualTo("SUSPENDED");
    post(id, "resume").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    c.post()
        .uri("/api/seal/seals/{id}/revoke", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of())
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "revocation-reason-required");
    revoke(id)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("REVOKED")
        .jsonPath("$.revocationReason")
        .isEqualTo("key compromised")
        .jsonPath("$.version")
        .isEqualTo(4);
    post(id, "resume").expectStatus().isEqualTo(409).expectBody(Void.class);
    post(id, "suspend").expectStatus().isEqualTo(409).expectBody(Void.class);

    assertThat(app.count("SELECT count(*) FROM govchain_log_entry WHERE subject = '" + id + "'"))
        .as("created, suspended, resumed, revoked")
        .isEqualTo(4);
    assertThat(app.count("SELECT count(*) FROM seal_status_change WHERE seal_id = '" + id + "'"))
        .isEqualTo(4);
    assertThat(
            app.count(
                "SELECT count(*) FROM govchain_log_entry WHERE subject = '"
                    + id
                    + "' AND convert_from(envelope, 'UTF8') LIKE '%encrypted%'"))
        .isZero();
  }

  @Test
  void listsSealsFilteredByCreditCodeAndStatusInPages() {
    String a = app.createSeal(SealApp.createRequest("list A"));
    String b = app.createSeal(SealApp.createRequest("list B"));
    post(b, "suspend").expectStatus().isOk().expectBody(Void.class);
    app.client
        .get()
        .uri("/api/seal/seals?creditCode={c}&status=SUSPENDED&size=200", SealApp.CREDIT_CODE)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[?(@.id == '" + b + "')]")
        .exists()
        .jsonPath("$.items[?(@.id == '" + a + "')]")
        .doesNotExist();
    app.client
        .get()
        .uri("/api/seal/seals?page=0&size=1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items.length()")
        .isEqualTo(1)
        .jsonPath("$.size")
        .isEqualTo(1);
  }

  @Test
  void sealedPdfCarriesOneSignatureThatVerifiesAndStaysValidAfterRevocation() throws Exception {
    String id = app.createSeal(SealApp.createRequest("seal for stamping"));
    EntityExchangeResult<byte[]> stamped =
        seal(id, SealApp.pdf("contract 1"))
            .expectStatus()
            .isCreated()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PDF)
            .expectBody(byte[].class)
            .returnResult();
    String sealingId = stamped.getResponseHeaders().getFirst("Sealing-Id");
    assertThat(stamped.getResponseHeaders().getLocation())
        .hasToString("/api/seal/sealings/" + sealingId);
    byte[] sealed = stamped.getResponseBody();
    try (PDDocument document = Loader.loadPDF(sealed)) {
      assertThat(document.getSignatureDictionaries()).hasSize(1);
      assertThat(document.getSignatureDictionaries().get(0).getSubFilter())
          .isEqualTo("ETSI.CAdES.detached");
    }

    verify(sealed, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("SIGNATURE_VALID")
        .jsonPath("$.signatures[0].sealId")
        .isEqualTo(id)
        .jsonPath("$.signatures[0].logRecord.sealingId")
        .isEqualTo(sealingId)
        .jsonPath("$.signatures[0].logRecord.status")
        .isEqualTo("NOT_ANCHORED_YET");
    app.client
        .get()
        .uri("/api/seal/sealings/{id}", sealingId)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.sealId")
        .isEqualTo(id)
        .jsonPath("$.kind")
        .isEqualTo("PDF")
        .jsonPath("$.operator")
        .isEqualTo(SealApp.CLERK)
        .jsonPath("$.sealedSha256")
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sealed)));
    app.auditor
        .get()
        .uri("/api/seal/sealings/{id}/proof", sealingId)
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "not-anchored-yet");

    revoke(id).expectStatus().isOk().expectBody(Void.class);
    // Past the second of the revocation: signing times have whole seconds.
    app.service.clock().advance(Duration.ofMillis(1100));
    verify(sealed, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("SIGNATURE_VALID");
    Map<String, Long> before = app.rowCounts();
    seal(id, SealApp.pdf("after revocation"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "seal-not-active")
        .jsonPath("$.status")
        .isEqualTo(409)
        .jsonPath("$.sealStatus")
        .isEqualTo("REVOKED");
    assertThat(app.rowCounts()).isEqualTo(before);
  }

  /**
   * The realistic case for REVOKED_BEFORE_SIGNING: a seal's key is stolen, the seal is revoked, and
   * the thief keeps signing with the key and the genuine certificate, outside the service. The test
   * plays the thief: it reads the seal's encrypted key from the database and decrypts it with the
   * KEK (what a leaked database and KEK give), then signs a PDF and a document hash offline with a
   * signing time after the revocation. Sealings made before the revocation stay valid.
   */
  @Test
  void signaturesMadeWithAStolenKeyAfterRevocationAreRevokedBeforeSigning() throws Exception {
    String id = app.createSeal(SealApp.createRequest("seal whose key is stolen"));
    byte[] genuine =
        seal(id, SealApp.pdf("signed before the theft"))
            .expectStatus()
            .isCreated()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    SigningKey stolen = stolenKey(UUID.fromString(id));

    revoke(id).expectStatus().isOk().expectBody(Void.class);
    // past the second of the revocation (signing times have whole seconds), on the service's clock
    app.service.clock().advance(Duration.ofMillis(1100));
    Instant afterRevocation = app.service.clock().instant();

    verify(genuine, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("SIGNATURE_VALID")
        .jsonPath("$.signatures[0].logRecord.status")
        .isEqualTo("NOT_ANCHORED_YET");

    byte[] forgedPdf =
        new PdfSealer(1 << 20)
            .seal(
                SealApp.pdf("signed with the stolen key"),
                SealPlacement.of(1, 20, 20, 40),
                SealImage.fromPng(SealApp.png(200, 200, false), SealImageLimits.defaults()),
                stolen,
                afterRevocation);
    verify(forgedPdf, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("REVOKED_BEFORE_SIGNING")
        .jsonPath("$.signatures[0].sealId")
        .isEqualTo(id)
        .jsonPath("$.signatures[0].logRecord.status")
        .isEqualTo("NO_SEALING_RECORD")
        .jsonPath("$.signatures[0].findings[?(@.check == 'SEAL_STATUS_AT_SIGNING')].outcome")
        .isEqualTo("FAILED")
        .jsonPath("$.signatures[0].findings[?(@.check == 'SIGNATURE_VALUE')].outcome")
        .isEqualTo("PASSED");

    byte[] document = "payment order 2026-117".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] detached =
        new HashSigner()
            .sign(
                DocumentHash.of(SignatureAlgorithm.ECDSA_P256_SHA256, document),
                stolen,
                afterRevocation);
    verify(document, detached)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("REVOKED_BEFORE_SIGNING")
        .jsonPath("$.kind")
        .isEqualTo("DETACHED")
        .jsonPath("$.signatures[0].logRecord.status")
        .isEqualTo("NO_SEALING_RECORD");

    // A thief who backdates the signing time into the seal's active life (here: the second it
    // was created) gets past the status check; what gives it away is that the service has no
    // sealing record of that signature.
    Instant created =
        Instant.parse(
            (String)
                app.client
                    .get()
                    .uri("/api/seal/seals/{id}", id)
                    .exchange()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("createdAt"));
    byte[] backdated =
        new PdfSealer(1 << 20)
            .seal(
                SealApp.pdf("backdated with the stolen key"),
                SealPlacement.of(1, 20, 20, 40),
                SealImage.fromPng(SealApp.png(200, 200, false), SealImageLimits.defaults()),
                stolen,
                created);
    verify(backdated, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("SIGNATURE_VALID")
        .jsonPath("$.signatures[0].logRecord.status")
        .isEqualTo("NO_SEALING_RECORD");
  }

  /**
   * The PDF the service returns from {@code POST seals/{id}/sealings} is valid for poppler's
   * pdfsig, and trusted once the service's seal root is in its NSS database. Skipped (assumption)
   * only when pdfsig (and certutil for the trust check) is not on the PATH; CI installs both.
   */
  @Test
  void stampedPdfFromTheApiIsValidForPopplersPdfsig_skippedWithoutPdfsig(@TempDir Path dir)
      throws Exception {
    String id = app.createSeal(SealApp.createRequest("seal for pdfsig"));
    byte[] sealed =
        seal(id, SealApp.pdf("checked by poppler"))
            .expectStatus()
            .isCreated()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    assumeTrue(Poppler.hasPdfsig(), "pdfsig (poppler-utils) is not on the PATH");
    assertThat(Poppler.pdfsig(dir, sealed))
        .contains("Signature #1")
        .contains("Signer Certificate Common Name: seal for pdfsig")
        .contains("Signature Validation: Signature is Valid.")
        .contains("Total document signed");
    assumeTrue(Poppler.hasPdfsigAndCertutil(), "certutil (libnss3-tools) is not on the PATH");
    X509Certificate root = app.context.getBean(SealCertificateAuthority.class).root();
    assertThat(Poppler.pdfsigTrusting(dir.resolve("trusted"), sealed, root))
        .contains("Signature Validation: Signature is Valid.")
        .contains("Certificate Validation: Certificate is Trusted.");
  }

  /** The seal's key and certificate chain as someone with the database and the KEK has them. */
  private static SigningKey stolenKey(UUID sealId) throws Exception {
    byte[] encryptedKey;
    byte[] certificateDer;
    try (Connection c = app.db.connect();
        PreparedStatement s =
            c.prepareStatement("SELECT encrypted_key, certificate_der FROM seal WHERE id = ?")) {
      s.setObject(1, sealId);
      try (ResultSet r = s.executeQuery()) {
        assertThat(r.next()).isTrue();
        encryptedKey = r.getBytes(1);
        certificateDer = r.getBytes(2);
      }
    }
    PrivateKey key =
        PrivateKeyCipher.withKek(
                Base64.getDecoder().decode(SealProperties.DEV_KEK), new SecureRandom())
            .decrypt(sealId, encryptedKey);
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificateDer));
    return SigningKey.of(
        key, app.context.getBean(SealCertificateAuthority.class).chainFor(certificate));
  }

  @Test
  void alteredSealedPdfIsAltered() {
    String id = app.createSeal(SealApp.createRequest("seal for altering"));
    byte[] sealed =
        seal(id, SealApp.pdf("amount 100"))
            .expectStatus()
            .isCreated()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    byte[] altered = java.util.Arrays.copyOf(sealed, sealed.length + 12);
    System.arraycopy("%% tampered\n".getBytes(), 0, altered, sealed.length, 12);
    verify(altered, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("ALTERED");
    byte[] flipped = sealed.clone();
    int at = indexOf(flipped, "/Producer".getBytes());
    int target = at > 0 ? at + 1 : 20;
    flipped[target] = (byte) (flipped[target] ^ 0x01);
    verify(flipped, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .value(v -> assertThat(v).isIn("ALTERED", "FORGED"));
    verify(SealApp.pdf("never sealed"), null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("NOT_SIGNED");
  }

  @Test
  void pdfSealedByAnotherCaIsForgedAndAGenuineUnknownCertificateIsNotValid() {
    SecureRandom random = new SecureRandom();
    SealCertificateAuthority other =
        SealCertificateAuthority.generateDevRoot(Instant.now(), random);
    KeyPair pair = SignatureAlgorithm.ECDSA_P256_SHA256.generateKeyPair(random);
    var cert =
        other.issue(
            new SealSubject(
                UUID.randomUUID(),
                "forged seal",
                SealType.OFFICIAL,
                "某公司",
                new CreditCode(SealApp.CREDIT_CODE)),
            pair.getPublic(),
            ValidityPeriod.of(Instant.now().minusSeconds(600), Instant.now().plusSeconds(86400)));
    byte[] forged =
        new PdfSealer(1 << 20)
            .seal(
                SealApp.pdf("forged"),
                SealPlacement.of(1, 20, 20, 40),
                SealImage.fromPng(SealApp.png(200, 200, false), SealImageLimits.defaults()),
                SigningKey.of(pair.getPrivate(), other.chainFor(cert)),
                Instant.now());
    verify(forged, null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("FORGED")
        .jsonPath("$.signatures[0].logRecord.status")
        .isEqualTo("NO_SEALING_RECORD");
  }

  @Test
  void hashSignaturesOfEcdsaAndSm2SealsVerifyDetached() throws Exception {
    for (String algorithm : List.of("ECDSA_P256_SHA256", "SM2_SM3")) {
      Map<String, Object> request = SealApp.createRequest("hash seal " + algorithm);
      request.put("algorithm", algorithm);
      String id = app.createSeal(request);
      byte[] document = ("invoice " + algorithm).getBytes();
      String digest = algorithm.startsWith("SM2") ? "SM3" : "SHA-256";
      byte[] hash =
          MessageDigest.getInstance(digest, org.govchain.anchor.crypto.BouncyCastle.PROVIDER)
              .digest(document);
      Map<?, ?> sealing =
          app.client
              .post()
              .uri("/api/seal/seals/{id}/signatures", id)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(Map.of("hash", HexFormat.of().formatHex(hash), "hashAlgorithm", digest))
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(Map.class)
              .returnResult()
              .getResponseBody();
      byte[] signature = Base64.getDecoder().decode((String) sealing.get("signature"));
      verify(document, signature)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.verdict")
          .isEqualTo("SIGNATURE_VALID")
          .jsonPath("$.kind")
          .isEqualTo("DETACHED")
          .jsonPath("$.signatures[0].logRecord.sealingId")
          .isEqualTo(sealing.get("id"));
      verify("another document".getBytes(), signature)
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.verdict")
          .isEqualTo("ALTERED");
      String wrong = digest.equals("SM3") ? "SHA-256" : "SM3";
      app.client
          .post()
          .uri("/api/seal/seals/{id}/signatures", id)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(Map.of("hash", HexFormat.of().formatHex(hash), "hashAlgorithm", wrong))
          .exchange()
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.type")
          .isEqualTo(PROBLEMS + "hash-algorithm-mismatch");
    }
  }

  @Test
  void badInputsGetTheirProblemTypeAndWriteNothing() {
    String id = app.createSeal(SealApp.createRequest("seal for bad inputs"));
    Map<String, Long> before = app.rowCounts();

    Map<String, Object> notPng = SealApp.createRequest("x");
    notPng.put("imagePng", Base64.getEncoder().encodeToString("GIF89a not a png".getBytes()));
    create(notPng)
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "not-png");

    Map<String, Object> badCode = SealApp.createRequest("x");
    badCode.put("creditCode", "914403001922038217");
    create(badCode)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "invalid-credit-code")
        .jsonPath("$.errors[0].field")
        .isEqualTo("creditCode")
        .jsonPath("$.expected")
        .isEqualTo("6");

    Map<String, Object> huge = SealApp.createRequest("x");
    huge.put("imagePng", Base64.getEncoder().encodeToString(SealApp.png(600, 600, true)));
    create(huge)
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "too-large");

    Map<String, Object> missing = SealApp.createRequest("x");
    missing.remove("name");
    missing.remove("type");
    create(missing)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "invalid-request")
        .jsonPath("$.errors[?(@.field == 'name')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'type')]")
        .exists();

    Map<String, Object> backwards = SealApp.createRequest("x");
    backwards.put("validUntil", backwards.get("validFrom"));
    create(backwards)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("validUntil");

    app.client
        .post()
        .uri("/api/seal/seals")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"name\": ")
        .exchange()
        .expectStatus()
        .isEqualTo(400)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "malformed-request");

    seal(id, "just text, no PDF".getBytes())
        .expectStatus()
        .isEqualTo(415)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "not-pdf");
    byte[] big = new byte[400 * 1024];
    System.arraycopy("%PDF-1.7\n".getBytes(), 0, big, 0, 9);
    seal(id, big)
        .expectStatus()
        .isEqualTo(413)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "too-large");
    seal(id, SealApp.pdf("page 2?"), "2")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "invalid-placement");
    seal(id, SealApp.pdf("page x"), "x")
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("page");
    seal(UUID.randomUUID().toString(), SealApp.pdf("unknown"))
        .expectStatus()
        .isEqualTo(404)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "unknown-seal");
    app.client
        .get()
        .uri("/api/seal/seals/{id}", UUID.randomUUID())
        .exchange()
        .expectStatus()
        .isEqualTo(404)
        .expectBody(Void.class);
    post(UUID.randomUUID().toString(), "suspend")
        .expectStatus()
        .isEqualTo(404)
        .expectBody(Void.class);
    verify("not a pdf".getBytes(), null).expectStatus().isEqualTo(415).expectBody(Void.class);

    assertThat(app.rowCounts()).isEqualTo(before);
  }

  @Test
  void idempotencyKeyReplaysTheFirstResponseAndRefusesADifferentBody() {
    Map<String, Object> request = SealApp.createRequest("idempotent seal");
    String key = UUID.randomUUID().toString();
    EntityExchangeResult<String> first =
        createWithKey(request, key)
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult();
    Map<String, Long> afterFirst = app.rowCounts();
    post(idOf(first.getResponseBody()), "suspend").expectStatus().isOk().expectBody(Void.class);
    EntityExchangeResult<String> repeat =
        createWithKey(request, key)
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult();
    assertThat(repeat.getResponseBody()).isEqualTo(first.getResponseBody());
    assertThat(repeat.getResponseHeaders().getLocation())
        .isEqualTo(first.getResponseHeaders().getLocation());
    Map<String, Object> other = new java.util.LinkedHashMap<>(request);
    other.put("name", "another name");
    Map<String, Long> beforeOther = app.rowCounts();
    createWithKey(other, key)
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(PROBLEMS + "idempotency-key-reused");
    assertThat(app.rowCounts()).isEqualTo(beforeOther);
    assertThat(beforeOther.get("seal")).isEqualTo(afterFirst.get("seal"));
  }

  @Test
  void idempotencyKeysBelongToTheirCaller() {
    Map<String, Object> request = SealApp.createRequest("first caller's seal");
    String key = UUID.randomUUID().toString();
    String first =
        createWithKey(request, key)
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    WebTestClient otherClerk = app.withToken(app.tokens.token("clerk-zhao", "seal-clerk"));
    // the same key and body from another caller: a new seal, not the first caller's record
    String second =
        otherClerk
            .post()
            .uri("/api/seal/seals")
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(request)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(idOf(second)).isNotEqualTo(idOf(first));
    // another body under the same key from another caller: no sign that the key is in use
    Map<String, Object> other = new java.util.LinkedHashMap<>(request);
    other.put("name", "third caller's seal");
    app.withToken(app.tokens.token("clerk-sun", "seal-clerk"))
        .post()
        .uri("/api/seal/seals")
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(other)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Void.class);
  }

  @Test
  void twentyConcurrentSealingsWithOneSealAllSucceedWithDistinctRecords() throws Exception {
    String id = app.createSeal(SealApp.createRequest("busy seal"));
    byte[] pdf = SealApp.pdf("bulk");
    Set<String> ids = ConcurrentHashMap.newKeySet();
    // own threads: the server in this JVM needs boundedElastic for its PDF work
    ExecutorService clients = Executors.newFixedThreadPool(20);
    try {
      List<Future<String>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        results.add(
            clients.submit(
                () ->
                    seal(id, pdf)
                        .expectStatus()
                        .isCreated()
                        .expectBody(byte[].class)
                        .returnResult()
                        .getResponseHeaders()
                        .getFirst("Sealing-Id")));
      }
      for (Future<String> f : results) {
        ids.add(f.get(2, TimeUnit.MINUTES));
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(ids).hasSize(20).allMatch(Objects::nonNull);
    assertThat(app.count("SELECT count(*) FROM sealing WHERE seal_id = '" + id + "'"))
        .isEqualTo(20);
  }

  private static String idOf(String json) {
    int at = json.indexOf("\"id\":\"") + 6;
    return json.substring(at, json.indexOf('"', at));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static WebTestClient.ResponseSpec post(String id, String action) {
    return app.client.post().uri("/api/seal/seals/{id}/" + action, id).exchange();
  }

  private static WebTestClient.ResponseSpec revoke(String id) {
    return app.client
        .post()
        .uri("/api/seal/seals/{id}/revoke", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("reason", "key compromised"))
        .exchange();
  }

  private static WebTestClient.ResponseSpec create(Map<String, Object> request) {
    return app.client
        .post()
        .uri("/api/seal/seals")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .exchange();
  }

  private static WebTestClient.ResponseSpec createWithKey(Map<String, Object> request, String key) {
    return app.client
        .post()
        .uri("/api/seal/seals")
        .header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(request)
        .exchange();
  }

  private static WebTestClient.ResponseSpec seal(String id, byte[] pdf) {
    return seal(id, pdf, "1");
  }

  private static WebTestClient.ResponseSpec seal(String id, byte[] pdf, String page) {
    return app.client
        .post()
        .uri("/api/seal/seals/{id}/sealings", id)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(SealApp.sealingForm(pdf, page))
        .exchange();
  }

  /** Verification is public: it is sent without a token. */
  private static WebTestClient.ResponseSpec verify(byte[] document, byte[] signature) {
    return app.anonymous
        .post()
        .uri("/api/seal/verifications")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(SealApp.verificationForm(document, signature))
        .exchange();
  }
}
