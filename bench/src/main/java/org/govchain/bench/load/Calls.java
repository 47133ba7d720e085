package org.govchain.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The requests the benchmark programs send while they prepare, and the fields they read back. */
public final class Calls {

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"]*)\"");

  private Calls() {}

  /**
   * A JSON POST with {@code token}, a new {@code Idempotency-Key} when {@code idempotent}; no body
   * when {@code json} is null.
   */
  public static HttpRequest post(String url, String token, String json, boolean idempotent) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30));
    if (idempotent) {
      request.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    if (json == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    return request.build();
  }

  /** Sends {@code request} and returns the answer's body, or fails unless it has {@code status}. */
  public static String send(HttpClient client, HttpRequest request, int status)
      throws IOException, InterruptedException {
    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          request.method()
              + " "
              + request.uri()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
    return answer.body();
  }

  /** The first value of each string field of a JSON answer, whatever its depth. */
  public static Map<String, String> fields(String json) {
    Map<String, String> fields = new HashMap<>();
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      fields.putIfAbsent(m.group(1), m.group(2));
    }
    return fields;
  }

  /** The string field {@code name} of a JSON answer; fails when it has none. */
  public static String field(String json, String name) {
    String value = fields(json).get(name);
    if (value == null) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return value;
  }
}
