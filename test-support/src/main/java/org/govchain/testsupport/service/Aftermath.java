package org.govchain.testsupport.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * What a refused request must leave behind: no row written (the row counts of the service's write
 * tables, its log among them, as before), nothing logged at ERROR and no stack trace in the
 * service's output, none of the request's secrets in that output, and a service that still answers
 * its health check UP. Taken before the request ({@link #watch}), checked after it ({@link
 * #assertHarmless}).
 *
 * <p>{@code output} is what the service writes to the console while the test runs — Spring Boot's
 * {@code CapturedOutput} (from {@code OutputCaptureExtension}) is one.
 */
public final class Aftermath {

  private final ServiceUnderTest service;
  private final CharSequence output;
  private final String[] tables;
  private final Map<String, Long> counts;
  private final int outputMark;

  private Aftermath(ServiceUnderTest service, CharSequence output, String[] tables) {
    this.service = service;
    this.output = output;
    this.tables = tables.clone();
    this.counts = service.rowCounts(tables);
    this.outputMark = output.length();
  }

  /** The state before a hostile request: the row counts of {@code tables}, the output so far. */
  public static Aftermath watch(ServiceUnderTest service, CharSequence output, String... tables) {
    return new Aftermath(service, output, tables);
  }

  /**
   * Asserts that since {@link #watch} no row was written, nothing was logged at ERROR, no stack
   * trace was printed, none of {@code secrets} was printed, and the service is healthy.
   */
  public void assertHarmless(String... secrets) {
    assertThat(service.rowCounts(tables)).as("rows written by a refused request").isEqualTo(counts);
    String since = output.subSequence(outputMark, output.length()).toString();
    List<String> errors =
        since.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")).toList();
    assertThat(errors).as("errors and stack traces logged for a refused request").isEmpty();
    for (String secret : secrets) {
      assertThat(since).as("the service's output").doesNotContain(secret);
    }
    service
        .anonymous()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }
}
