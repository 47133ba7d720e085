package org.govchain.testsupport.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govchain.testsupport.service.Problems.expectProblem;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The security every record service shares (the starter's {@code ServiceSecurity}, anchor-web's
 * token validation), checked against a running service and its own path → role table. A service's
 * security test extends this, gives its {@link #service()}, {@link #routes()} and the rest, and
 * adds only what is its own (e.g. that a write records the token's subject).
 *
 * <p>Checked for every route: no token is 401 with a Bearer challenge; every role outside its rule
 * (and a token without roles) is 403; every role in it is let through; refused writes change no
 * row. Checked once: unparseable, expired, foreign, subject-less and audience-less tokens are 401;
 * a scope named like a role grants nothing; health is public and the rest of the actuator {@code
 * admin}'s; the log's full entries are for {@code auditor}/{@code admin}, its checkpoints and
 * proofs for them and the log readers; the OpenAPI document is served to anyone, as JSON and as
 * YAML; an unrouted path is a 403 problem and a path the firewall refuses a 400 one, both with the
 * request id; and the service refuses to start with no token validation setting.
 */
public abstract class SecurityContract {

  private static final String AUDITOR = "auditor";
  private static final String ADMIN = "admin";

  /** One rule of the table: a request and the roles that may make it (none: public). */
  public record Route(HttpMethod method, String path, Set<String> roles, boolean open) {

    /** A request only {@code roles} may make; {@code path} with concrete ids. */
    public static Route of(HttpMethod method, String path, String... roles) {
      if (roles.length == 0) {
        throw new IllegalArgumentException("a protected route needs a role: " + path);
      }
      return new Route(method, path, Set.of(roles), false);
    }

    /** A request anyone may make, without a token. */
    public static Route open(HttpMethod method, String path) {
      return new Route(method, path, Set.of(), true);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The running service. */
  protected abstract ServiceUnderTest service();

  /** The service's API prefix, e.g. {@code /api/seal}. */
  protected abstract String prefix();

  /** Every rule of the service's table, with concrete paths. */
  protected abstract List<Route> routes();

  /** Roles besides auditor and admin that may read checkpoints and proofs. */
  protected abstract Set<String> logReaders();

  /** The tables a refused write must leave as they were. */
  protected abstract List<String> writeTables();

  // ---- every route

  @TestFactory
  Stream<DynamicTest> aRequestWithoutATokenIs401WithABearerChallenge() {
    return guarded(
        routes().stream().filter(r -> !r.open()),
        route ->
            expectProblem(
                call(service().anonymous(), route)
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"),
                401,
                "unauthorized"));
  }

  @TestFactory
  Stream<DynamicTest> everyRoleOutsideTheRuleIs403() {
    return guarded(
        routes().stream().filter(r -> !r.open()),
        route -> {
          for (String role : outside(route)) {
            expectProblem(call(client(role), route), 403, "forbidden");
          }
          expectProblem(
              call(service().withToken(service().tokens().token("no-roles")), route),
              403,
              "forbidden");
        });
  }

  @TestFactory
  Stream<DynamicTest> everyRoleInTheRuleIsLetThrough() {
    return routes().stream()
        .map(
            route ->
                DynamicTest.dynamicTest(
                    route.toString(),
                    () -> {
                      List<WebTestClient> allowed = new ArrayList<>();
                      if (route.open()) {
                        allowed.add(service().anonymous());
                      }
                      route.roles().forEach(role -> allowed.add(client(role)));
                      for (WebTestClient client : allowed) {
                        int status = status(call(client, route));
                        assertThat(status).as("%s", route).isNotIn(401, 403);
                      }
                    }));
  }

  // ---- tokens

  @Test
  void tokensThatAreNotSignedJwtsAre401NotServerErrors() {
    Route probe = probe();
    service()
        .tokens()
        .malformedTokens()
        .forEach(
            (shape, token) ->
                expectProblem(call(service().withToken(token), probe), 401, "unauthorized"));
  }

  @Test
  void expiredForeignSubjectlessAndAudiencelessTokensAre401() {
    Route probe = probe();
    String role = probe.roles().iterator().next();
    Map<String, Object> roles = Map.of("roles", List.of(role));
    Instant now = Instant.now();
    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put(
        "expired",
        service()
            .tokens()
            .sign("late", roles, now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(5))));
    bad.put(
        "another key",
        org.govchain.testsupport.tokens.TestIssuer.generate().token("forger", role, ADMIN));
    bad.put("no subject", service().tokens().sign(null, roles, now, now.plusSeconds(600)));
    bad.put("no audience", service().tokens().signExactly("x", roles, now, now.plusSeconds(600)));
    for (Object audience : List.of("accounting", List.of("ssc"), List.of("govchain-test"))) {
      bad.put(
          "audience " + audience,
          service()
              .tokens()
              .sign(
                  "x", Map.of("roles", List.of(role), "aud", audience), now, now.plusSeconds(600)));
    }
    bad.forEach(
        (what, token) -> {
          WebTestClient.ResponseSpec answer = call(service().withToken(token), probe);
          try {
            answer
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer .*invalid_token.*");
            expectProblem(answer, 401, "unauthorized");
          } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
          }
        });
  }

  @Test
  void anAudienceListIncludingOursIsAccepted() {
    Route probe = probe();
    String role = probe.roles().iterator().next();
    Instant now = Instant.now();
    for (Object audience : List.of("govchain", List.of("ssc", "govchain"))) {
      String token =
          service()
              .tokens()
              .sign(
                  "x", Map.of("roles", List.of(role), "aud", audience), now, now.plusSeconds(600));
      assertThat(status(call(service().withToken(token), probe))).isNotIn(401, 403);
    }
  }

  @Test
  void aScopeNamedLikeARoleGrantsNothing() {
    Route probe = probe();
    String role = probe.roles().iterator().next();
    String scoped =
        service()
            .tokens()
            .sign(
                "x",
                Map.of("scope", role + " " + ADMIN, "scp", List.of(role, ADMIN)),
                Instant.now(),
                Instant.now().plusSeconds(600));
    expectProblem(call(service().withToken(scoped), probe), 403, "forbidden");
  }

  @Test
  void refusesToStartWithoutAnyTokenValidationSetting() {
    Throwable failure = service().startWithoutTokenSettings();
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertThat(root.getClass().getSimpleName()).isEqualTo("MissingJwtConfigurationException");
    assertThat(root.getMessage()).contains("GOVCHAIN_JWT_ISSUER_URI");
  }

  // ---- what the starter serves

  @Test
  void healthIsPublicAndTheRestOfTheActuatorIsAdmins() {
    for (String path :
        List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
      service()
          .anonymous()
          .get()
          .uri(path)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
    }
    // the status for everyone; the contributors and their details (the database, the anchoring
    // lag) for an admin only
    service()
        .anonymous()
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectBody()
        .jsonPath("$.components")
        .doesNotExist();
    client(AUDITOR)
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectBody()
        .jsonPath("$.components")
        .doesNotExist();
    client(ADMIN)
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components")
        .isNotEmpty();
    expectProblem(
        service().anonymous().get().uri("/actuator/prometheus").exchange(), 401, "unauthorized");
    expectProblem(client(AUDITOR).get().uri("/actuator/prometheus").exchange(), 403, "forbidden");
    String metrics =
        client(ADMIN)
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics).contains("jvm_");
  }

  @Test
  void fullLogEntriesAreForAuditorsAndProofsForLogReadersToo() {
    String entry = prefix() + "/log/entries/0";
    expectProblem(service().anonymous().get().uri(entry).exchange(), 401, "unauthorized");
    for (String reader : logReaders()) {
      expectProblem(client(reader).get().uri(entry).exchange(), 403, "forbidden");
    }
    for (String role : List.of(AUDITOR, ADMIN)) {
      assertThat(status(client(role).get().uri(entry).exchange())).isNotIn(401, 403);
    }
    // inclusion proofs and bundles: the service's log readers (a proof names a record)
    String inclusion = prefix() + "/log/proofs/inclusion?index=0&size=1";
    expectProblem(service().anonymous().get().uri(inclusion).exchange(), 401, "unauthorized");
    Set<String> readers = new LinkedHashSet<>(logReaders());
    readers.add(AUDITOR);
    readers.add(ADMIN);
    for (String reader : readers) {
      assertThat(status(client(reader).get().uri(inclusion).exchange())).isNotIn(401, 403);
    }
    for (String role : allRoles()) {
      if (!readers.contains(role)) {
        expectProblem(client(role).get().uri(inclusion).exchange(), 403, "forbidden");
      }
    }
  }

  @Test
  void checkpointsAndConsistencyProofsArePublic() {
    // hashes and signed notes only: anyone may watch that the log only grows
    String checkpoint = prefix() + "/log/checkpoint";
    service()
        .anonymous()
        .get()
        .uri(checkpoint)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    for (String role : allRoles()) {
      client(role).get().uri(checkpoint).exchange().expectStatus().isOk().expectBody(Void.class);
    }
    for (String path :
        List.of(
            prefix() + "/log/checkpoints/1", prefix() + "/log/proofs/consistency?from=1&to=1")) {
      assertThat(status(service().anonymous().get().uri(path).exchange()))
          .as(path)
          .isNotIn(401, 403);
    }
  }

  @Test
  void theOpenApiDocumentIsPublicAsJsonAndAsYaml() {
    // served, not merely let through: the gateway lets both through without a token as well
    String json =
        service()
            .anonymous()
            .get()
            .uri(prefix() + "/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(json).startsWith("{\"openapi\":\"3.").contains("\"" + prefix() + "/");
    String yaml =
        service()
            .anonymous()
            .get()
            .uri(prefix() + "/v3/api-docs.yaml")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.parseMediaType("application/vnd.oai.openapi"))
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(yaml).startsWith("openapi: 3.").contains("\n  " + prefix() + "/");
  }

  @Test
  void anUnroutedPathIsAForbiddenProblemEvenForAnAdmin() {
    expectProblem(
        client(ADMIN)
            .get()
            .uri(prefix() + "/no-such-resource")
            .header("X-Request-Id", "contract-unrouted")
            .exchange(),
        403,
        "forbidden",
        "contract-unrouted");
  }

  @Test
  void pathsTheFirewallRefusesAreMalformedRequestProblems() {
    String path = probe().path();
    String tail = path.substring(prefix().length());
    for (String bad :
        List.of(prefix() + "/.." + tail, path + ";x=1", prefix().replaceFirst("/", "//") + tail)) {
      expectProblem(
          client(ADMIN)
              .get()
              .uri(URI.create(service().baseUrl() + bad))
              .header("X-Request-Id", "contract-firewall")
              .exchange(),
          400,
          "malformed-request",
          "contract-firewall");
    }
  }

  // ---- helpers

  /** The routes as dynamic tests, checking that none of them changed a row. */
  private Stream<DynamicTest> guarded(Stream<Route> routes, RouteCheck check) {
    return routes.map(
        route ->
            DynamicTest.dynamicTest(
                route.toString(),
                () -> {
                  Map<String, Long> before =
                      service().rowCounts(writeTables().toArray(String[]::new));
                  check.run(route);
                  assertThat(service().rowCounts(writeTables().toArray(String[]::new)))
                      .as("rows after refused %s", route)
                      .isEqualTo(before);
                }));
  }

  private interface RouteCheck {
    void run(Route route);
  }

  /** A protected GET route (a read every test can repeat), else the first protected one. */
  private Route probe() {
    return routes().stream()
        .filter(r -> !r.open() && r.method() == HttpMethod.GET)
        .findFirst()
        .or(() -> routes().stream().filter(r -> !r.open()).findFirst())
        .orElseThrow(() -> new IllegalStateException("no protected route in the table"));
  }

  /** Every role the table, the log and the actuator name, and one nobody grants anything to. */
  private Set<String> allRoles() {
    Set<String> all = new LinkedHashSet<>();
    routes().forEach(r -> all.addAll(r.roles()));
    all.addAll(logReaders());
    all.add(AUDITOR);
    all.add(ADMIN);
    all.add("role-nobody-grants");
    return all;
  }

  private Set<String> outside(Route route) {
    Set<String> outside = new LinkedHashSet<>(allRoles());
    outside.removeAll(route.roles());
    return outside;
  }

  private WebTestClient client(String role) {
    return service().client("contract-" + role, role);
  }

  /**
   * Makes the route's request: a write with an empty JSON object (which the service may refuse for
   * its content, never with 401/403 for an allowed role).
   */
  private static WebTestClient.ResponseSpec call(WebTestClient client, Route route) {
    WebTestClient.RequestBodySpec request =
        client.method(route.method()).uri(route.path()).header("X-Request-Id", "contract");
    if (route.method() == HttpMethod.POST
        || route.method() == HttpMethod.PUT
        || route.method() == HttpMethod.PATCH) {
      return request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }
    return request.exchange();
  }

  private static int status(WebTestClient.ResponseSpec answer) {
    return answer.expectBody(byte[].class).returnResult().getStatus().value();
  }
}
