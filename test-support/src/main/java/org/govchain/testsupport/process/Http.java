package org.govchain.testsupport.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: JSON and multipart requests with an optional bearer token. */
public final class Http {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** How long a client waits for a connection before giving up. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a client waits for an answer to a request before giving up. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final String baseUrl;

  public Http(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A request to {@code path} with {@code token} (null: none) and extra headers. */
  public HttpRequest.Builder request(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  public Response get(String path, String token) {
    return get(path, token, Map.of());
  }

  public Response get(String path, String token, Map<String, String> headers) {
    return send(request(path, token, headers).GET().build());
  }

  public Response postJson(String path, String token, Object body) {
    return send(
        request(path, token, Map.of("Content-Type", "application/json"))
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  /** A multipart/form-data POST; values are {@link Part}s or strings. */
  public Response postMultipart(String path, String token, Map<String, Object> parts) {
    String boundary = "govchain-" + UUID.randomUUID();
    return send(
        request(path, token, Map.of("Content-Type", "multipart/form-data; boundary=" + boundary))
            .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts)))
            .build());
  }

  public Response send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A file part of a multipart body. */
  public record Part(String filename, String contentType, byte[] content) {}

  public static byte[] multipart(String boundary, Map<String, Object> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, Object> ordered = new LinkedHashMap<>(parts);
    ordered.forEach(
        (name, value) -> {
          StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
          byte[] content;
          if (value instanceof Part part) {
            head.append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"; filename=\"")
                .append(part.filename())
                .append("\"\r\nContent-Type: ")
                .append(part.contentType())
                .append("\r\n\r\n");
            content = part.content();
          } else {
            head.append("Content-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n");
            content = value.toString().getBytes(StandardCharsets.UTF_8);
          }
          out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
          out.writeBytes(content);
          out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A received answer. */
  public record Response(HttpResponse<byte[]> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public byte[] body() {
      return raw.body();
    }

    public String text() {
      return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    @Override
    public String toString() {
      return raw.request().method() + " " + raw.uri() + " → " + raw.statusCode() + " " + text();
    }
  }
}
