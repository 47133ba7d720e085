package org.govchain.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govchain.testsupport.process.Http;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14, the authorization matrix: every operation of a service's OpenAPI document, called with
 * no token, with a token of each role and with an expired token, at the gateway and directly at the
 * service, against the table "Access by operation" of the service's README. An operation the table
 * does not list, a row the document does not have, and an answer the table does not allow are each
 * a finding.
 *
 * <p>The requests carry junk: a random id or {@code 1} for each path parameter, no query, {@code
 * {}} as the body of a write. So a caller the table allows gets past the role checks and is then
 * refused for the request itself (400, 404, 415, 422, or 403 with a type of its own, such as {@code
 * foreign-unit}) — never 401, never 403 {@code forbidden}, never a 5xx, and a write never succeeds.
 * A caller it does not allow gets 403 {@code forbidden} (401 without a token), and the gateway
 * answers each request as the service does.
 */
final class AuthorizationMatrix {

  /** The roles tokens are asked for (the auth server's demo clients, one per role). */
  static final List<String> ROLES =
      List.of(
          "seal-clerk",
          "ssc-clerk",
          "accounting-clerk",
          "auditor",
          "service-point",
          "admin",
          "card-holder");

  private static final String FORBIDDEN = "https://govchain.example/problems/forbidden";
  private static final Pattern ROW =
      Pattern.compile("^\\|\\s*`(GET|POST|PUT|PATCH|DELETE) (/\\S+)`\\s*\\|([^|]*)\\|.*$");
  private static final Pattern ROLE = Pattern.compile("`([a-z-]+)`");

  /** An operation: a method and a path template as the OpenAPI document writes it. */
  record Operation(String method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Who a row allows: everyone (with or without a token), or these roles. */
  record Rule(boolean everyone, Set<String> roles) {
    boolean allows(String role) {
      return everyone || roles.contains(role);
    }
  }

  /** The answers the matrix got, and what the table did not allow. */
  record Result(int requests, List<String> findings) {}

  private AuthorizationMatrix() {}

  /** The README of {@code module}, from the project's root. */
  static Path readme(String module) {
    String root = System.getProperty("govchain.e2e.root");
    if (root == null) {
      throw new IllegalStateException("system property govchain.e2e.root is not set");
    }
    return Path.of(root, module, "README.md");
  }

  /**
   * The rows of the README's "Access by operation" table: {@code | `METHOD /path` | who | … |}, who
   * being {@code everyone} or role names in backticks.
   */
  static Map<Operation, Rule> table(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Operation, Rule> rules = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals("## Access by operation");
        continue;
      }
      Matcher row = inSection ? ROW.matcher(line) : null;
      if (row == null || !row.matches()) {
        continue;
      }
      Operation operation = new Operation(row.group(1), row.group(2));
      String who = row.group(3).strip();
      Set<String> roles = new LinkedHashSet<>();
      Matcher role = ROLE.matcher(who);
      while (role.find()) {
        roles.add(role.group(1));
      }
      boolean everyone = who.equals("everyone");
      if (!everyone && (roles.isEmpty() || !ROLES.containsAll(roles))) {
        throw new IllegalStateException(readme + ": cannot read who may call " + operation);
      }
      if (rules.put(operation, new Rule(everyone, roles)) != null) {
        throw new IllegalStateException(readme + ": " + operation + " is listed twice");
      }
    }
    if (rules.isEmpty()) {
      throw new IllegalStateException(readme + " has no \"## Access by operation\" table");
    }
    return rules;
  }

  /** The operations of an OpenAPI document, with their path parameters' types. */
  static Map<Operation, Map<String, String>> operations(JsonNode document) {
    Map<Operation, Map<String, String>> operations = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (JsonNode parameter : op.getValue().path("parameters")) {
          if (parameter.path("in").asString().equals("path")) {
            parameters.put(
                parameter.path("name").asString(),
                parameter.path("schema").path("type").asString());
          }
        }
        operations.put(new Operation(method, path.getKey()), parameters);
      }
    }
    return operations;
  }

  /**
   * Runs the matrix for the service whose document {@code service} serves at {@code prefix +
   * "/v3/api-docs"}, behind {@code gateway}.
   */
  static Result run(Suite suite, Path readme, String prefix, Http service, Http gateway) {
    Map<Operation, Rule> table = table(readme);
    Http.Response document = service.get(prefix + "/v3/api-docs", null);
    if (document.status() != 200) {
      throw new IllegalStateException("no OpenAPI document at " + prefix + ": " + document);
    }
    Map<Operation, Map<String, String>> operations = operations(document.json());
    List<String> findings = new ArrayList<>();
    for (Operation operation : operations.keySet()) {
      if (!table.containsKey(operation)) {
        findings.add(operation + ": in the OpenAPI document, not in " + readme.getFileName());
      }
    }
    for (Operation operation : table.keySet()) {
      if (!operations.containsKey(operation)) {
        findings.add(operation + ": in the README's table, not in the OpenAPI document");
      }
    }
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("no token", null);
    for (String role : ROLES) {
      callers.put(role, suite.token(role));
    }
    callers.put("an expired token", expired(suite));
    // four operations at a time: the services wait on their database more than on the CPU
    List<Callable<List<String>>> tasks = new ArrayList<>();
    for (Map.Entry<Operation, Map<String, String>> entry : operations.entrySet()) {
      Rule rule = table.get(entry.getKey());
      if (rule != null) {
        tasks.add(
            () -> callEveryone(entry.getKey(), entry.getValue(), rule, callers, service, gateway));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<List<String>> done : pool.invokeAll(tasks)) {
        findings.addAll(done.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int requests = tasks.size() * callers.size() * 2;
    return new Result(requests, findings);
  }

  /** One operation called by every caller at the service and the gateway: what was wrong. */
  private static List<String> callEveryone(
      Operation operation,
      Map<String, String> parameterTypes,
      Rule rule,
      Map<String, String> callers,
      Http service,
      Http gateway) {
    List<String> findings = new ArrayList<>();
    String path = fill(operation.path(), parameterTypes);
    for (Map.Entry<String, String> caller : callers.entrySet()) {
      Http.Response direct = send(service, operation.method(), path, caller.getValue());
      Http.Response viaGateway = send(gateway, operation.method(), path, caller.getValue());
      String problem =
          judge(operation, rule, caller.getKey(), direct, "at the service")
              + judge(operation, rule, caller.getKey(), viaGateway, "at the gateway");
      if (direct.status() != viaGateway.status()) {
        problem +=
            " the gateway answered "
                + viaGateway.status()
                + ", the service "
                + direct.status()
                + ";";
      }
      if (!problem.isEmpty()) {
        findings.add(operation + " as " + caller.getKey() + " (" + path + "):" + problem);
      }
    }
    return findings;
  }

  /** What is wrong with {@code answer} to {@code caller}, or "". */
  private static String judge(
      Operation operation, Rule rule, String caller, Http.Response answer, String where) {
    int status = answer.status();
    String type = status == 401 || status == 403 ? answer.json().path("type").asString() : "";
    boolean refusedForTheRole = status == 401 || (status == 403 && type.equals(FORBIDDEN));
    String wrong = "";
    if (status >= 500) {
      wrong = "a server error";
    } else if (caller.equals("an expired token")) {
      if (status != 401) {
        wrong = "not 401";
      }
    } else if (caller.equals("no token")) {
      if (rule.everyone() ? refusedForTheRole : status != 401) {
        wrong = rule.everyone() ? "refused, though public" : "not 401";
      }
    } else if (rule.allows(caller)) {
      if (refusedForTheRole) {
        wrong = "refused, though the table allows " + caller;
      } else if (!operation.method().equals("GET") && status < 300) {
        wrong = "a write of junk succeeded";
      }
    } else if (!(status == 403 && type.equals(FORBIDDEN))) {
      wrong = "not 403 forbidden";
    }
    return wrong.isEmpty() ? "" : " " + where + " " + status + " " + type + ": " + wrong + ";";
  }

  private static String fill(String template, Map<String, String> parameterTypes) {
    String path = template;
    for (Map.Entry<String, String> parameter : parameterTypes.entrySet()) {
      String value =
          switch (parameter.getValue()) {
            case "integer", "number" -> "1";
            default -> UUID.randomUUID().toString();
          };
      path = path.replace("{" + parameter.getKey() + "}", value);
    }
    return path;
  }

  /** A request; the gateway's 429 for an anonymous burst is waited out and the request resent. */
  private static Http.Response send(Http http, String method, String path, String token) {
    HttpRequest.Builder request =
        http.request(path, token, Map.of("Content-Type", "application/json"));
    request.method(
        method,
        method.equals("GET") || method.equals("DELETE")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{}"));
    HttpRequest built = request.build();
    for (int attempt = 0; ; attempt++) {
      Http.Response answer = http.send(built);
      if (answer.status() != 429 || attempt == 20) {
        return answer;
      }
      sleep(Duration.ofMillis(250));
    }
  }

  /** An expired token of the issuer, with every role and the demo clerks' unit. */
  private static String expired(Suite suite) {
    Instant issued = Instant.now().minus(Duration.ofHours(2));
    return suite.issuerKeyTokens.signExactly(
        "matrix-expired",
        Map.of(
            "roles",
            ROLES,
            "aud",
            List.of("govchain"),
            "unit",
            AccountingThroughGatewayIT.DEMO_UNIT),
        issued,
        issued.plus(Duration.ofMinutes(10)));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
