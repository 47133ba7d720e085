package org.govchain.seal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.govchain.seal.testing.HostilePdfs;
import org.govchain.testsupport.PostgresServer;
import org.govchain.testsupport.WithPostgres;
import org.govchain.testsupport.service.Aftermath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against every write of the seal API (issue 14): text with control characters, bidi
 * controls or unpaired surrogates, dates no seal can have, PDFs whose page tree lies, a multipart
 * body that does not match its boundary. Each is a 4xx problem naming what is wrong without echoing
 * it, and leaves no row, no error in the log and a healthy service behind.
 */
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class SealHostileInputIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Text a field must refuse, as JSON string escapes, with what the refusal must name. */
  private static final List<String[]> HOSTILE_TEXT =
      List.of(
          new String[] {"\\u0000", "control"},
          new String[] {"\\u0007", "control"},
          new String[] {"\\t", "control"},
          new String[] {"\\u007f", "control"},
          new String[] {"\\u0085", "control"},
          new String[] {"\\u009b", "control"},
          new String[] {"\\n", "line break"},
          new String[] {"\\r", "line break"},
          new String[] {"\\u2028", "line break"},
          new String[] {"\\u061c", "bidi"},
          new String[] {"\\u200e", "bidi"},
          new String[] {"\\u200f", "bidi"},
          new String[] {"\\u202a", "bidi"},
          new String[] {"\\u202e", "bidi"},
          new String[] {"\\u2066", "bidi"},
          new String[] {"\\u2069", "bidi"},
          new String[] {"\\ud800", "surrogate"},
          new String[] {"\\udfff", "surrogate"},
          new String[] {"\\udc00\\ud800", "surrogate"});

  private static SealApp app;
  private static String sealId;

  @BeforeAll
  static void start(PostgresServer.Database db) {
    app = SealApp.start(db);
    sealId = app.createSeal(SealApp.createRequest("hostile input seal"));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void hostileTextInASealsNameOrOrganisationIs422NamingTheFieldAndRuleNotTheValue(
      CapturedOutput output) {
    for (String field : List.of("name", "organisation")) {
      for (String[] hostile : HOSTILE_TEXT) {
        Aftermath aftermath = watch(output);
        String secret = "秘密" + field;
        Map<String, Object> request = SealApp.createRequest("x");
        request.put(field, "@hostile@");
        String body = json(request).replace("@hostile@", secret + hostile[0] + "后");
        expectProblem(createRaw(body), 422, "invalid-request")
            .jsonPath("$.errors.length()")
            .isEqualTo(1)
            .jsonPath("$.errors[0].field")
            .isEqualTo(field)
            .jsonPath("$.errors[0].message")
            .value(m -> assertThat((String) m).contains(hostile[1]).doesNotContain(secret))
            .jsonPath("$.detail")
            .value(d -> assertThat((String) d).doesNotContain(secret));
        aftermath.assertHarmless(secret);
      }
    }
  }

  @Test
  void bytesThatAreNotUtf8InANameAreRefused(CapturedOutput output) {
    // a surrogate encoded on its own (CESU-8), an overlong NUL, a byte UTF-8 never uses, a code
    // point past U+10FFFF: unreadable JSON (400) or text the rules refuse (422), never written
    for (byte[] bad :
        List.of(
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})) {
      Map<String, Object> request = SealApp.createRequest("@hostile@");
      String[] halves = json(request).split("@hostile@");
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      body.writeBytes(halves[0].getBytes(StandardCharsets.UTF_8));
      body.writeBytes(bad);
      body.writeBytes(halves[1].getBytes(StandardCharsets.UTF_8));
      Aftermath aftermath = watch(output);
      WebTestClient.ResponseSpec answer =
          app.client
              .post()
              .uri("/api/seal/seals")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(body.toByteArray())
              .exchange();
      answer
          .expectStatus()
          .value(status -> assertThat(status).isIn(400, 422))
          .expectHeader()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(Void.class);
      aftermath.assertHarmless();
    }
  }

  @Test
  void aSealTypeGivenByItsIndexIsAnUnreadableBody(CapturedOutput output) {
    // Jackson's default read 1 as the second constant: a seal of a type nobody named
    Aftermath aftermath = watch(output);
    String body = json(SealApp.createRequest("by index")).replace("\"OFFICIAL\"", "1");
    assertThat(body).contains("\"type\":1");
    expectProblem(createRaw(body), 400, "malformed-request");
    aftermath.assertHarmless();
  }

  @Test
  void anInvalidCreditCodeIsNotQuotedBack(CapturedOutput output) {
    Aftermath aftermath = watch(output);
    Map<String, Object> request = SealApp.createRequest("bad code");
    request.put("creditCode", "秘密" + "9".repeat(17));
    expectProblem(createRaw(json(request)), 422, "invalid-credit-code")
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).doesNotContain("秘密").contains("LENGTH"));
    aftermath.assertHarmless("秘密");
  }

  @Test
  void aValidUntilOfYear999999OrAValidFromBefore1970Is422(CapturedOutput output) {
    Map<String, String> dates =
        Map.of(
            "validUntil", "+999999-01-01T00:00:00Z",
            "validFrom", "1969-12-31T23:59:59Z");
    dates.forEach(
        (field, value) -> {
          Aftermath aftermath = watch(output);
          Map<String, Object> request = SealApp.createRequest("far future");
          request.put(field, value);
          expectProblem(createRaw(json(request)), 422, "invalid-request")
              .jsonPath("$.errors[0].field")
              .isEqualTo(field)
              .jsonPath("$.errors[0].message")
              .value(m -> assertThat((String) m).contains("1970-01-01").contains("9999-12-31"));
          aftermath.assertHarmless();
        });
    Map<String, Object> last = SealApp.createRequest("the last second");
    last.put("validUntil", "9999-12-31T23:59:59Z");
    app.createSeal(last);
  }

  @Test
  void aRevocationReasonMayHaveLineBreaksButNoOtherControlCharacter(CapturedOutput output) {
    String id = app.createSeal(SealApp.createRequest("revoked with a long reason"));
    for (String hostile : List.of("\\u0000", "\\u001b[2J", "\\r", "\\u202e", "\\ud800")) {
      Aftermath aftermath = watch(output);
      expectProblem(
              revokeRaw(id, "{\"reason\": \"key lost" + hostile + "\"}"), 422, "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("reason");
      aftermath.assertHarmless();
    }
    revokeRaw(id, "{\"reason\": \"key lost\\r\\nsee ticket 12\\nsecond line\"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("REVOKED");
  }

  @Test
  void hostileTextInAHashSignatureRequestIs422(CapturedOutput output) {
    String hash = "ab".repeat(32);
    for (String body :
        List.of(
            "{\"hash\": \"" + hash + "\\u0000\", \"hashAlgorithm\": \"SHA-256\"}",
            "{\"hash\": \"" + hash + "\", \"hashAlgorithm\": \"SHA-256\\u202e\"}",
            "{\"hash\": \"" + hash + "\", \"hashAlgorithm\": \"\\ud800\"}")) {
      Aftermath aftermath = watch(output);
      expectProblem(
              app.client
                  .post()
                  .uri("/api/seal/seals/{id}/signatures", sealId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                  .exchange(),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .value(f -> assertThat((String) f).isIn("hash", "hashAlgorithm"));
      aftermath.assertHarmless();
    }
  }

  @Test
  void aPdfWithACyclicPageTreeIsAnInvalidPdfToSealAndToVerify(CapturedOutput output) {
    Aftermath aftermath = watch(output);
    expectProblem(seal(HostilePdfs.cyclicPageTree(), "1"), 422, "invalid-pdf")
        .jsonPath("$.problem")
        .isEqualTo("CORRUPT");
    expectProblem(verify(HostilePdfs.cyclicPageTree()), 422, "invalid-pdf");
    aftermath.assertHarmless();
  }

  @Test
  void aPdfClaimingTwoBillionPagesIsAnInvalidPdfWhateverPageIsAsked(CapturedOutput output) {
    for (String page : List.of("2147483647", "2", "1")) {
      Aftermath aftermath = watch(output);
      expectProblem(seal(HostilePdfs.absurdPageCount(), page), 422, "invalid-pdf")
          .jsonPath("$.problem")
          .isEqualTo("CORRUPT");
      aftermath.assertHarmless();
    }
    Aftermath aftermath = watch(output);
    expectProblem(verify(HostilePdfs.absurdPageCount()), 422, "invalid-pdf");
    expectProblem(seal(HostilePdfs.pageListedOverAndOver(), "1000"), 422, "invalid-pdf");
    expectProblem(seal(HostilePdfs.deepPageTree(2_000), "1"), 422, "invalid-pdf");
    expectProblem(verify(HostilePdfs.deepPageTree(2_000)), 422, "invalid-pdf");
    aftermath.assertHarmless();
  }

  @Test
  void aPdfWhosePageAndImageInflateToGigabytesIsSealedAndVerifiedWithoutInflatingThem(
      CapturedOutput output) {
    // 2 × 140 MB of zeros in 2 × 140 KB: sealing adds a signature and a stamp without decoding the
    // page (PDFBox reads and writes the streams as they are), verification reads byte ranges
    byte[] bomb = HostilePdfs.decompressionBomb(140);
    assertThat(bomb.length).isLessThan(300 * 1024);
    byte[] sealed =
        seal(bomb, "1")
            .expectStatus()
            .isCreated()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    // the signature holds (the log's anchoring is not on here)
    verify(sealed)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.verdict")
        .isEqualTo("SIGNATURE_VALID");
    assertThat(output.toString()).doesNotContain(" ERROR ").doesNotContain("OutOfMemoryError");
  }

  @Test
  void aPdfWithAReasonablyDeepPageTreeIsSealed() {
    seal(HostilePdfs.deepPageTree(50), "1").expectStatus().isCreated().expectBody(Void.class);
  }

  @Test
  void aPdfWhoseFormFieldsLoopIsAnInvalidPdfToSealAndToVerify(CapturedOutput output) {
    Aftermath aftermath = watch(output);
    expectProblem(seal(HostilePdfs.cyclicFieldTree(), "1"), 422, "invalid-pdf")
        .jsonPath("$.problem")
        .isEqualTo("CORRUPT");
    expectProblem(verify(HostilePdfs.cyclicFieldTree()), 422, "invalid-pdf");
    aftermath.assertHarmless();
  }

  @Test
  void aMultipartBodyWhoseBoundaryIsNotTheContentTypesIs400(CapturedOutput output) {
    String page = "Content-Disposition: form-data; name=\"page\"\r\n\r\n1\r\n";
    String document =
        "Content-Disposition: form-data; name=\"document\"; filename=\"d.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 not really\r\n";
    List<String> bodies =
        List.of(
            // another boundary than the Content-Type's, throughout
            "--real\r\n" + page + "--real\r\n" + document + "--real--\r\n",
            // the declared one once, after which a part never ends
            "--real\r\n" + page + "\r\n--declared\r\n" + document + "--real--\r\n",
            // the declared one, but the last part cut off
            "--declared\r\n" + page + "--declared\r\n" + document,
            // a part without a name
            "--declared\r\n\r\n1\r\n--declared--\r\n");
    MediaType declared = MediaType.parseMediaType("multipart/form-data; boundary=declared");
    for (String body : bodies) {
      for (boolean verification : new boolean[] {false, true}) {
        WebTestClient.RequestBodySpec request =
            verification
                ? app.anonymous.post().uri("/api/seal/verifications")
                : app.client.post().uri("/api/seal/seals/{id}/sealings", sealId);
        Aftermath aftermath = watch(output);
        expectProblem(
            request
                .contentType(declared)
                .bodyValue(body.getBytes(StandardCharsets.ISO_8859_1))
                .exchange(),
            400,
            "malformed-request");
        aftermath.assertHarmless();
      }
    }
  }

  @Test
  void aMultipartBodyOfThreeThousandPartsIs413AndReleasesEveryBufferOnce(CapturedOutput output) {
    // Spring's own parts limit released a buffer twice: an IllegalReferenceCountException at
    // ERROR when the connection closed (MultipartPartLimit)
    StringBuilder body = new StringBuilder();
    body.append("--many\r\nContent-Disposition: form-data; name=\"page\"\r\n\r\n1\r\n");
    for (int i = 0; i < 3_000; i++) {
      body.append("--many\r\nContent-Disposition: form-data; name=\"filler")
          .append(i)
          .append("\"\r\n\r\n")
          .append("x".repeat(i % 200))
          .append("\r\n");
    }
    body.append("--many--\r\n");
    MediaType many = MediaType.parseMediaType("multipart/form-data; boundary=many");
    for (boolean verification : new boolean[] {false, true}) {
      WebTestClient.RequestBodySpec request =
          verification
              ? app.anonymous.post().uri("/api/seal/verifications")
              : app.client.post().uri("/api/seal/seals/{id}/sealings", sealId);
      Aftermath aftermath = watch(output);
      expectProblem(
              request
                  .contentType(many)
                  .bodyValue(body.toString().getBytes(StandardCharsets.ISO_8859_1))
                  .exchange(),
              413,
              "too-large")
          .jsonPath("$.maxParts")
          .isEqualTo(16);
      // the double release showed when the refused connection closed, after the answer: the
      // next request, on a new connection, is answered after that close
      app.anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
      aftermath.assertHarmless();
    }
  }

  @Test
  void hostileTextInAListFilterIsAProblemNotAServerError(CapturedOutput output) {
    for (String filter : List.of("\u0000", "91440300\u202E1922038216", "\u0085")) {
      Aftermath aftermath = watch(output);
      expectProblem(
              app.client
                  .get()
                  .uri(b -> b.path("/api/seal/seals").queryParam("creditCode", "{v}").build(filter))
                  .exchange(),
              422,
              "invalid-request")
          .jsonPath("$.errors[0].field")
          .isEqualTo("creditCode");
      aftermath.assertHarmless();
    }
  }

  private static Aftermath watch(CapturedOutput output) {
    return Aftermath.watch(app.service, output, SealApp.WRITE_TABLES);
  }

  private static String json(Map<String, Object> request) {
    return JSON.writeValueAsString(request);
  }

  private static WebTestClient.ResponseSpec createRaw(String json) {
    return app.client
        .post()
        .uri("/api/seal/seals")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }

  private static WebTestClient.ResponseSpec revokeRaw(String id, String json) {
    return app.client
        .post()
        .uri("/api/seal/seals/{id}/revoke", id)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json.getBytes(StandardCharsets.UTF_8))
        .exchange();
  }

  private static WebTestClient.ResponseSpec seal(byte[] pdf, String page) {
    return app.client
        .post()
        .uri("/api/seal/seals/{id}/sealings", sealId)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(SealApp.sealingForm(pdf, page))
        .exchange();
  }

  private static WebTestClient.ResponseSpec verify(byte[] pdf) {
    return app.anonymous
        .post()
        .uri("/api/seal/verifications")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(SealApp.verificationForm(pdf, null))
        .exchange();
  }
}
