package org.govchain.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.govchain.testsupport.service.ServiceUnderTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sends {@link HostileBodies} to one write operation of a {@link ServiceUnderTest} and says what
 * went wrong (issue 14, hostile input): an answer that is not a 4xx {@code
 * application/problem+json}, an answer that shows a stack frame, SQL, a class or package name or
 * the input's {@link HostileBodies#MARKER}; a row written in any table of the service's database;
 * an ERROR, a stack trace or the marker in the service's output; a service no longer healthy. Then
 * the valid body is sent once and must be taken, so that the refusals came from what each case
 * broke, not from the target.
 */
public final class WriteFuzzing {

  /** What a problem body must never show. */
  private static final Pattern LEAK =
      Pattern.compile(
          "FUZZ|\\bat [a-z]+\\.[a-zA-Z.$]+\\(|Exception|\\borg\\.(springframework|postgresql|govchain)"
              + "|\\bjava\\.|\\bjakarta\\.|\\btools\\.jackson|\\bSQL|\\bSELECT\\b|\\bINSERT\\b"
              + "|\\bUPDATE\\b|\\bpsql|\\bPSQL|r2dbc");

  /**
   * One write operation to attack: its OpenAPI method and path template, the concrete path, a token
   * allowed to call it, a valid body, and the status that valid body gets.
   */
  public record Target(
      String method,
      String template,
      String path,
      String token,
      Map<String, ?> validBody,
      int validStatus) {

    public String operation() {
      return method + " " + template;
    }
  }

  /**
   * What one operation's cases got: how many, each status's count ({@code -1}: no answer, the
   * connection broken), and what was wrong.
   */
  public record Outcome(
      String operation, int cases, Map<Integer, Integer> statuses, List<String> findings) {}

  /** The cases per operation: {@code govchain.fuzz.cases}, default 50 (the long run: 2000). */
  public static final String CASES = "govchain.fuzz.cases";

  /** The seed: {@code govchain.fuzz.seed}, default the clock; each run prints it. */
  public static final String SEED = "govchain.fuzz.seed";

  private WriteFuzzing() {}

  /**
   * Fuzzes every target on {@code service} with {@link #CASES} cases each, from the service's
   * OpenAPI document at {@code prefix + "/v3/api-docs"} and the seed {@link #SEED}, printing one
   * {@code [fuzz] …} line per operation. A write operation of the document that takes JSON and has
   * no target is a finding of its own: a new endpoint is fuzzed or the test fails.
   */
  public static List<Outcome> runAll(
      ServiceUnderTest service, CharSequence output, String prefix, List<Target> targets) {
    int count = Integer.getInteger(CASES, 50);
    long seed = Long.getLong(SEED, System.currentTimeMillis());
    byte[] json =
        service
            .anonymous()
            .get()
            .uri(prefix + "/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(byte[].class)
            .returnResult()
            .getResponseBody();
    tools.jackson.databind.JsonNode document =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
    int maxRequestBytes =
        (int)
            org.springframework.util.unit.DataSize.parse(
                    service
                        .context()
                        .getEnvironment()
                        .getProperty("govchain.web.max-request-size", "2MB"))
                .toBytes();
    HostileBodies bodies = new HostileBodies(document, seed, maxRequestBytes);
    System.out.printf("[fuzz] %s seed=%d cases-per-operation=%d%n", prefix, seed, count);
    List<Outcome> outcomes = new ArrayList<>();
    java.util.Set<String> covered = new java.util.HashSet<>();
    targets.forEach(t -> covered.add(t.operation()));
    for (Map.Entry<String, tools.jackson.databind.JsonNode> path :
        document.path("paths").properties()) {
      for (Map.Entry<String, tools.jackson.databind.JsonNode> op : path.getValue().properties()) {
        String operation = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
        boolean takesJson =
            !op.getKey().equals("get")
                && op.getValue().path("requestBody").path("content").has("application/json");
        if (takesJson && !covered.contains(operation)) {
          outcomes.add(
              new Outcome(
                  operation,
                  0,
                  Map.of(),
                  List.of("takes JSON and has no fuzz target in the test")));
        }
      }
    }
    for (Target target : targets) {
      Outcome outcome = run(service, output, bodies, target, count);
      System.out.printf(
          "[fuzz] %s cases=%d statuses=%s findings=%d%n",
          outcome.operation(), outcome.cases(), outcome.statuses(), outcome.findings().size());
      outcome.findings().stream().limit(10).forEach(f -> System.out.println("[fuzz]   " + f));
      outcomes.add(outcome);
    }
    return outcomes;
  }

  /** Every finding of {@code outcomes}, each prefixed with its operation. */
  public static List<String> findings(List<Outcome> outcomes) {
    List<String> all = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      outcome.findings().forEach(f -> all.add(outcome.operation() + ": " + f));
    }
    return all;
  }

  /**
   * Sends {@code count} cases of {@code bodies} to {@code target} on {@code service}, whose console
   * output is {@code output}, then the valid body.
   */
  public static Outcome run(
      ServiceUnderTest service,
      CharSequence output,
      HostileBodies bodies,
      Target target,
      int count) {
    return run(
        service,
        output,
        target,
        bodies.cases(target.method(), target.template(), target.validBody(), count),
        new HostileBodies.Case(
            "the valid body", "application/json", HostileBodies.valid(target.validBody())));
  }

  /**
   * Sends {@code cases} (made elsewhere: multipart forms, files) to {@code target} with the same
   * checks, then {@code valid}, which must get the target's valid status. The target's valid body
   * is not used.
   */
  public static Outcome run(
      ServiceUnderTest service,
      CharSequence output,
      Target target,
      List<HostileBodies.Case> cases,
      HostileBodies.Case valid) {
    return run(service, output, target, cases, valid, (status, body) -> false);
  }

  /**
   * As {@link #run(ServiceUnderTest, CharSequence, Target, List, HostileBodies.Case)}, for an
   * operation that also answers some hostile input truthfully without refusing it (a verification
   * that finds no signature in a cut-short PDF): {@code alsoFine} accepts such a status and body.
   */
  public static Outcome run(
      ServiceUnderTest service,
      CharSequence output,
      Target target,
      List<HostileBodies.Case> cases,
      HostileBodies.Case valid,
      java.util.function.BiPredicate<Integer, String> alsoFine) {
    int count = cases.size();
    List<String> findings = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<String, Long> rowsBefore = settledRowCounts(service);
    int outputMark = output.length();
    WebTestClient client = service.withToken(target.token());
    HostileBodies.Case previous = null;
    for (HostileBodies.Case hostile : cases) {
      EntityExchangeResult<byte[]> answer;
      try {
        answer = send(client, target, hostile);
      } catch (RuntimeException e) {
        // on a kept-alive connection, the one before may be what broke it
        statuses.merge(-1, 1, Integer::sum);
        findings.add(
            hostile
                + ": no answer ("
                + abbreviate(String.valueOf(e.getMessage()))
                + "), after "
                + previous);
        previous = hostile;
        continue;
      }
      previous = hostile;
      int status = answer.getStatus().value();
      statuses.merge(status, 1, Integer::sum);
      String body =
          answer.getResponseBody() == null
              ? ""
              : new String(answer.getResponseBody(), StandardCharsets.UTF_8);
      String contentType = answer.getResponseHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
      if (alsoFine.test(status, body)) {
        continue;
      }
      if (status < 400 || status >= 500) {
        findings.add(hostile + ": answered " + status + " " + abbreviate(body));
      } else if (contentType == null || !contentType.startsWith("application/problem+json")) {
        findings.add(hostile + ": " + status + " as " + contentType + ", not a problem");
      } else if (LEAK.matcher(body).find()) {
        findings.add(hostile + ": the problem shows " + abbreviate(body));
      }
    }
    Map<String, Long> rowsAfter = settledRowCounts(service);
    if (!rowsAfter.equals(rowsBefore)) {
      findings.add("rows written: before " + changed(rowsBefore, rowsAfter));
    }
    String since = output.subSequence(outputMark, output.length()).toString();
    since
        .lines()
        .filter(
            line -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("FUZZ"))
        .limit(5)
        .forEach(line -> findings.add("the service's output: " + abbreviate(line)));
    int health =
        service
            .anonymous()
            .get()
            .uri("/actuator/health")
            .exchange()
            // the body read: an unread one keeps the client's buffer (the leak detector says so)
            .expectBody(byte[].class)
            .returnResult()
            .getStatus()
            .value();
    if (health != 200) {
      findings.add("health " + health + " after the cases");
    }
    // the control: the same target with its valid body is taken
    EntityExchangeResult<byte[]> control = send(client, target, valid);
    if (control.getStatus().value() != target.validStatus()) {
      findings.add(
          "the valid body got "
              + control.getStatus().value()
              + ", not "
              + target.validStatus()
              + ": "
              + abbreviate(
                  control.getResponseBody() == null
                      ? ""
                      : new String(control.getResponseBody(), StandardCharsets.UTF_8)));
    }
    return new Outcome(target.operation(), count, statuses, findings);
  }

  private static EntityExchangeResult<byte[]> send(
      WebTestClient client, Target target, HostileBodies.Case hostile) {
    WebTestClient.RequestBodySpec request =
        client.method(HttpMethod.valueOf(target.method())).uri(target.path());
    if (hostile.contentType() != null) {
      request.header(HttpHeaders.CONTENT_TYPE, hostile.contentType());
    }
    return request.bodyValue(hostile.body()).exchange().expectBody(byte[].class).returnResult();
  }

  /**
   * The row counts once the service's background work on earlier writes is done: nothing left for
   * the sequencer ({@code govchain_log_unsequenced} empty) and two counts 200 ms apart the same.
   */
  static Map<String, Long> settledRowCounts(ServiceUnderTest service) {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    Map<String, Long> last = rowCounts(service);
    while (true) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Map<String, Long> now = rowCounts(service);
      if (now.equals(last) && now.getOrDefault("govchain_log_unsequenced", 0L) == 0) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the service's rows did not settle: " + last + " → " + now);
      }
      last = now;
    }
  }

  /** The row count of every table of the service's schema. */
  static Map<String, Long> rowCounts(ServiceUnderTest service) {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = service.database().connect();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT table_name FROM information_schema.tables"
                  + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
          r.next();
          counts.put(table, r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the service's rows", e);
    }
    return counts;
  }

  private static String changed(Map<String, Long> before, Map<String, Long> after) {
    StringBuilder text = new StringBuilder();
    after.forEach(
        (table, rows) -> {
          Long was = before.get(table);
          if (!rows.equals(was)) {
            text.append(table).append(' ').append(was).append(" → ").append(rows).append("; ");
          }
        });
    return text.toString();
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }
}
