package org.govchain.operator.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part of the Kubernetes API registry-setup uses — ConfigMaps in one namespace: GET, POST (409
 * if it exists), PATCH with a JSON merge patch of {@code data} (404 if missing) — kept in memory,
 * for tests without a cluster. It stands in for the API server only; the chain is real.
 */
final class ConfigMapApi implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  final Map<String, ObjectNode> configMaps = new ConcurrentHashMap<>();
  final List<String> calls = new ArrayList<>();
  private final HttpServer server;
  private final String namespace;
  volatile int refuseWith;

  ConfigMapApi(String namespace) throws IOException {
    this.namespace = namespace;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/namespaces/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    synchronized (calls) {
      calls.add(method + " " + path);
    }
    String prefix = "/api/v1/namespaces/" + namespace + "/configmaps";
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (refuseWith != 0) {
      answer(exchange, refuseWith, "{\"kind\":\"Status\",\"reason\":\"Forbidden\"}");
    } else if (method.equals("POST") && path.equals(prefix)) {
      ObjectNode configMap = (ObjectNode) JSON.readTree(body);
      String name = configMap.path("metadata").path("name").asText();
      if (configMaps.putIfAbsent(name, configMap) != null) {
        answer(exchange, 409, "{\"reason\":\"AlreadyExists\"}");
      } else {
        answer(exchange, 201, configMap.toString());
      }
    } else if (path.startsWith(prefix + "/")) {
      String name = path.substring(prefix.length() + 1);
      ObjectNode configMap = configMaps.get(name);
      if (configMap == null) {
        answer(exchange, 404, "{\"reason\":\"NotFound\"}");
      } else if (method.equals("GET")) {
        answer(exchange, 200, configMap.toString());
      } else if (method.equals("PATCH")
          && "application/merge-patch+json"
              .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        JsonNode data = JSON.readTree(body).path("data");
        ObjectNode merged = configMap.with("data");
        data.fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
        answer(exchange, 200, configMap.toString());
      } else {
        answer(exchange, 405, "{}");
      }
    } else {
      answer(exchange, 404, "{}");
    }
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
