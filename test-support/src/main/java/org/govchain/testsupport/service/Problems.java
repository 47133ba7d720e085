package org.govchain.testsupport.service;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Assertions on GovChain problem answers (RFC 9457): status, {@code application/problem+json}, type
 * {@value #TYPE_BASE}{@code <kind>}, a title, the same status in the body, the request's id, and no
 * stack trace.
 */
public final class Problems {

  /** The base of every problem type URI (anchor-web's {@code ProblemKind.TYPE_BASE}). */
  public static final String TYPE_BASE = "https://govchain.example/problems/";

  private Problems() {}

  /** Asserts that {@code response} is problem {@code kind} with {@code status}. */
  public static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String kind) {
    return response
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type")
        .isEqualTo(TYPE_BASE + kind)
        .jsonPath("$.title")
        .isNotEmpty()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.requestId")
        .isNotEmpty()
        .jsonPath("$.trace")
        .doesNotExist();
  }

  /**
   * Like {@link #expectProblem(WebTestClient.ResponseSpec, int, String)}, and the problem carries
   * {@code requestId} (the {@code X-Request-Id} the request was sent with).
   */
  public static WebTestClient.BodyContentSpec expectProblem(
      WebTestClient.ResponseSpec response, int status, String kind, String requestId) {
    return expectProblem(response, status, kind).jsonPath("$.requestId").isEqualTo(requestId);
  }
}
