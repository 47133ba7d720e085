package org.govchain.auth.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real HTTP client for the auth server, like a browser with its own cookie jar; it never follows
 * redirects by itself, so tests see every step.
 */
public final class HttpTestClient {

  private final URI base;
  private final HttpClient client;

  HttpTestClient(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Another client for the same server with an empty cookie jar. */
  public HttpTestClient newBrowser() {
    return new HttpTestClient(base);
  }

  /** An absolute URI for a path or a (possibly relative) {@code Location}. */
  public URI resolve(String pathOrUrl) {
    return base.resolve(pathOrUrl);
  }

  public HttpResponse<String> get(String pathOrUrl, String... headers) {
    return send(request(pathOrUrl, headers).GET().build());
  }

  public HttpResponse<String> postForm(
      String pathOrUrl, Map<String, String> form, String... headers) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(pathOrUrl, headers)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public HttpResponse<String> options(String pathOrUrl, String... headers) {
    return send(
        request(pathOrUrl, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
  }

  /** A client credentials token request, authenticating with HTTP Basic or in the form. */
  public HttpResponse<String> clientCredentials(String clientId, String secret, boolean basic) {
    if (basic) {
      String credentials =
          Base64.getEncoder()
              .encodeToString(
                  (encode(clientId) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
      return postForm(
          "/oauth2/token",
          Map.of("grant_type", "client_credentials"),
          "Authorization",
          "Basic " + credentials);
    }
    return postForm(
        "/oauth2/token",
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  /** A JSON object body as a map. */
  public static Map<String, Object> json(HttpResponse<String> response) {
    try {
      return JSONObjectUtils.parse(response.body());
    } catch (ParseException e) {
      throw new AssertionError("not a JSON object: " + response.body(), e);
    }
  }

  private HttpRequest.Builder request(String pathOrUrl, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(resolve(pathOrUrl)).timeout(Duration.ofSeconds(30));
    if (headers.length > 0) {
      builder.headers(headers);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
