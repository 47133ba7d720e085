package org.govchain.anchor.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.govchain.anchor.web.requestid.RequestIdWebFilter;
import org.govchain.testsupport.service.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Multipart uploads through {@link Uploads} and {@link UploadForm}, answered as problems. */
@ExtendWith(OutputCaptureExtension.class)
class UploadsTest {

  private static final int MAX_PART = 4_096;
  private static final int MAX_PARTS = 4;
  private static final int MAX_FILE = 1_000;

  private WebTestClient client;

  @RestController
  static class Echo {
    private final Uploads uploads = new Uploads(MAX_PART, MAX_PARTS);

    @PostMapping(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Map<String, Object>> upload(ServerWebExchange exchange) {
      return uploads
          .read(exchange)
          .flatMap(
              form -> {
                int page = form.intField("page");
                double x = form.numberField("x");
                String note = form.field("note");
                return form.file("document", MAX_FILE)
                    .zipWith(form.optionalFile("extra", MAX_FILE).defaultIfEmpty(new byte[0]))
                    .map(
                        t ->
                            Map.<String, Object>of(
                                "page",
                                page,
                                "x",
                                x,
                                "note",
                                String.valueOf(note),
                                "document",
                                t.getT1().length,
                                "extra",
                                t.getT2().length));
              });
    }
  }

  @BeforeEach
  void client() {
    DefaultPartHttpMessageReader parts = new DefaultPartHttpMessageReader();
    parts.setMaxParts(MAX_PARTS);
    parts.setMaxDiskUsagePerPart(MAX_PART);
    parts.setMaxInMemorySize(1_024);
    client =
        WebTestClient.bindToController(new Echo())
            .controllerAdvice(new ServiceProblemAdvice(2_000_000))
            .webFilter(new RequestIdWebFilter())
            .httpMessageCodecs(
                codecs ->
                    codecs.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts)))
            .build();
  }

  @Test
  void readsFieldsAndFiles() {
    MultipartBodyBuilder body = form(" 3 ", "1.5");
    body.part("note", "hello");
    body.part("document", file(900));
    @SuppressWarnings("unchecked")
    Map<String, Object> answer =
        post(body).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    assertThat(answer)
        .containsEntry("page", 3)
        .containsEntry("x", 1.5)
        .containsEntry("note", "hello")
        .containsEntry("document", 900)
        .containsEntry("extra", 0);
  }

  @Test
  void aFieldOrFileGivenTwiceIsAnInvalidField() {
    // which of the two would count was the reader's guess (found by the seal service's fuzzing)
    MultipartBodyBuilder twice = form("1", "2");
    twice.part("page", "2");
    twice.part("document", file(1));
    assertInvalidField(twice, "page", "must be given once");
    MultipartBodyBuilder twoFiles = form("1", "2");
    twoFiles.part("document", file(1));
    twoFiles.part("document", file(2));
    assertInvalidField(twoFiles, "document", "must be given once");
  }

  @Test
  void aMissingFileIsAnInvalidField() {
    assertInvalidField(form("1", "2"), "document", "a file part is required");
  }

  @Test
  void fieldsMustBeNumbersAndPresent() {
    MultipartBodyBuilder notInt = form("one", "2");
    notInt.part("document", file(1));
    assertInvalidField(notInt, "page", "must be an integer");

    MultipartBodyBuilder infinite = form("1", "Infinity");
    infinite.part("document", file(1));
    assertInvalidField(infinite, "x", "must be a number");

    MultipartBodyBuilder blank = form("1", " ");
    blank.part("document", file(1));
    assertInvalidField(blank, "x", "is required");
  }

  @Test
  void aFieldsTextFollowsTheTextRules() {
    MultipartBodyBuilder body = form("1", "2");
    body.part("note", "note\u202Egnp.exe");
    body.part("document", file(1));
    assertInvalidField(
        body, "note", org.govchain.anchor.web.validation.TextRules.Defect.BIDI_CONTROL.message());
    MultipartBodyBuilder nul = form("1\u0000", "2");
    nul.part("document", file(1));
    assertInvalidField(
        nul,
        "page",
        org.govchain.anchor.web.validation.TextRules.Defect.CONTROL_CHARACTER.message());
  }

  @Test
  void aFieldSentAsAFileIsRefused() {
    MultipartBodyBuilder body = form("1", "2");
    body.part("note", file(3));
    body.part("document", file(1));
    assertInvalidField(body, "note", "must be a form field, not a file");
  }

  @Test
  void aFileOverItsOwnLimitIs413NamingThePart() {
    MultipartBodyBuilder body = form("1", "2");
    body.part("document", file(MAX_FILE + 1));
    problem(post(body), 413, "too-large")
        .jsonPath("$.part")
        .isEqualTo("document")
        .jsonPath("$.maxBytes")
        .isEqualTo(MAX_FILE);
  }

  @Test
  void aPartOverTheUploadLimitIs413() {
    MultipartBodyBuilder body = form("1", "2");
    body.part("document", file(MAX_PART + 1));
    problem(post(body), 413, "too-large").jsonPath("$.maxBytes").isEqualTo(MAX_PART);
  }

  @Test
  void tooManyPartsIs413() {
    MultipartBodyBuilder body = form("1", "2");
    for (int i = 0; i < MAX_PARTS; i++) {
      body.part("filler" + i, "x");
    }
    problem(post(body), 413, "too-large").jsonPath("$.maxParts").isEqualTo(MAX_PARTS);
  }

  @Test
  void aBrokenMultipartBodyIsMalformed() {
    WebTestClient.ResponseSpec answer =
        client
            .post()
            .uri("/upload")
            .contentType(MediaType.parseMediaType("multipart/form-data; boundary=abc"))
            .bodyValue("--abc\r\nnot a part header at all")
            .exchange();
    problem(answer, 400, "malformed-request");
  }

  @Test
  void bodiesWhosePartsCannotBeMadeOutAreMalformedAndLogNoError(CapturedOutput output) {
    String page = "Content-Disposition: form-data; name=\"page\"\r\n\r\n1\r\n";
    String document =
        "Content-Disposition: form-data; name=\"document\"; filename=\"d.pdf\"\r\n\r\n%PDF-\r\n";
    Map<String, String> bodies =
        Map.of(
            "another boundary than the Content-Type's",
            "--real\r\n" + page + "--real\r\n" + document + "--real--\r\n",
            "the declared boundary only once, then a part never ended",
            "--real\r\n" + page + "\r\n--abc\r\n" + document + "--real--\r\n",
            "a part cut off",
            "--abc\r\n" + page + "--abc\r\n" + document,
            "a part without a name",
            "--abc\r\n\r\nno headers\r\n--abc--\r\n",
            "no part at all",
            "");
    bodies.forEach(
        (what, body) -> {
          int mark = output.length();
          problem(
                  client
                      .post()
                      .uri("/upload")
                      .contentType(MediaType.parseMediaType("multipart/form-data; boundary=abc"))
                      .bodyValue(body)
                      .exchange(),
                  400,
                  "malformed-request")
              .jsonPath("$.detail")
              .isEqualTo("the multipart body cannot be read");
          String logged = output.subSequence(mark, output.length()).toString();
          assertThat(logged).as(what).doesNotContain("ERROR").doesNotContain("\tat ");
        });
  }

  private static MultipartBodyBuilder form(String page, String x) {
    MultipartBodyBuilder body = new MultipartBodyBuilder();
    body.part("page", page);
    body.part("x", x);
    return body;
  }

  private static ByteArrayResource file(int size) {
    return new ByteArrayResource(new byte[size]) {
      @Override
      public String getFilename() {
        return "f.bin";
      }
    };
  }

  private WebTestClient.ResponseSpec post(MultipartBodyBuilder body) {
    return client
        .post()
        .uri("/upload")
        .body(BodyInserters.fromMultipartData(body.build()))
        .exchange();
  }

  private void assertInvalidField(MultipartBodyBuilder body, String field, String message) {
    problem(post(body), 422, "invalid-request")
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].message")
        .isEqualTo(message);
  }

  private static WebTestClient.BodyContentSpec problem(
      WebTestClient.ResponseSpec answer, int status, String kind) {
    return Problems.expectProblem(answer, status, kind);
  }
}
