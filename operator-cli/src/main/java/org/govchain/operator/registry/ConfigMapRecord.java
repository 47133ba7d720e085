package org.govchain.operator.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.govchain.operator.OperatorException;

/**
 * The deployment record as a Kubernetes ConfigMap, which the record services take as environment
 * ({@code envFrom}): read with GET, created with POST when missing, otherwise replaced with a JSON
 * merge patch of its {@code data}. In a pod it reaches the API server with the pod's service
 * account (token and CA under {@code /var/run/secrets/kubernetes.io/serviceaccount}); the Role in
 * {@code infra/k8s/base/registry-setup/rbac.yaml} allows exactly these calls.
 */
final class ConfigMapRecord implements RegistryRecord {

  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI api;
  private final String namespace;
  private final String name;
  private final String token;

  ConfigMapRecord(HttpClient http, URI api, String namespace, String name, String token) {
    this.http = http;
    this.api = api;
    this.namespace = namespace;
    this.name = name;
    this.token = token;
  }

  /**
   * The ConfigMap {@code name} through the API server the pod is given ({@code
   * KUBERNETES_SERVICE_HOST}/{@code _PORT}), or {@code apiOverride} when set (outside a cluster: a
   * {@code kubectl proxy}).
   */
  static ConfigMapRecord inCluster(
      String name, String namespaceOverride, String apiOverride, Map<String, String> environment) {
    try {
      String namespace =
          namespaceOverride != null
              ? namespaceOverride
              : Files.readString(SERVICE_ACCOUNT.resolve("namespace")).strip();
      if (apiOverride != null) {
        return new ConfigMapRecord(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            URI.create(apiOverride),
            namespace,
            name,
            null);
      }
      String host = environment.get("KUBERNETES_SERVICE_HOST");
      String port = environment.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
      if (host == null) {
        throw new OperatorException(
            "--write-configmap needs the Kubernetes API: run in a pod, or give --kubernetes-api");
      }
      String token = Files.readString(SERVICE_ACCOUNT.resolve("token")).strip();
      return new ConfigMapRecord(
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .sslContext(trusting(Files.readAllBytes(SERVICE_ACCOUNT.resolve("ca.crt"))))
              .build(),
          URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port),
          namespace,
          name,
          token);
    } catch (IOException e) {
      throw new OperatorException(
          "cannot read the pod's service account under " + SERVICE_ACCOUNT + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public Optional<RegistryDeployment> read() {
    HttpResponse<String> response = send(request(path()).GET(), "read");
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "read");
    Map<String, String> data = new LinkedHashMap<>();
    try {
      JsonNode node = JSON.readTree(response.body()).path("data");
      node.fields().forEachRemaining(field -> data.put(field.getKey(), field.getValue().asText()));
    } catch (IOException e) {
      throw new OperatorException("the API server answered no ConfigMap for " + this, e);
    }
    return RegistryDeployment.fromEntries(data, toString());
  }

  @Override
  public void write(RegistryDeployment deployment) {
    ObjectNode data = JSON.createObjectNode();
    deployment.toEntries().forEach(data::put);
    HttpResponse<String> existing = send(request(path()).GET(), "read");
    if (existing.statusCode() == 404) {
      ObjectNode configMap = JSON.createObjectNode();
      configMap.put("apiVersion", "v1");
      configMap.put("kind", "ConfigMap");
      ObjectNode metadata = configMap.putObject("metadata");
      metadata.put("name", name);
      metadata.putObject("labels").put("app.kubernetes.io/part-of", "govchain");
      configMap.set("data", data);
      HttpResponse<String> created =
          send(
              request("/api/v1/namespaces/" + namespace + "/configmaps")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(configMap.toString())),
              "create");
      expect(created, 201, "create");
      return;
    }
    expect(existing, 200, "read");
    ObjectNode patch = JSON.createObjectNode();
    patch.set("data", data);
    HttpResponse<String> patched =
        send(
            request(path())
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch.toString())),
            "update");
    expect(patched, 200, "update");
  }

  private String path() {
    return "/api/v1/namespaces/" + namespace + "/configmaps/" + name;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String what) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new OperatorException(
          "cannot " + what + " " + this + " at the API server " + api + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperatorException("interrupted", e);
    }
  }

  private void expect(HttpResponse<String> response, int status, String what) {
    if (response.statusCode() != status) {
      String body = response.body() == null ? "" : response.body();
      throw new OperatorException(
          "the API server refused to "
              + what
              + " "
              + this
              + ": HTTP "
              + response.statusCode()
              + " "
              + body.substring(0, Math.min(300, body.length()))
              + (response.statusCode() == 403
                  ? " (the Job's service account needs the Role in"
                      + " infra/k8s/base/registry-setup/rbac.yaml)"
                  : ""));
    }
  }

  private static SSLContext trusting(byte[] caPem) {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int n = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(caPem))) {
        trust.setCertificateEntry("ca-" + n++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new OperatorException("the service account's ca.crt is unusable: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ConfigMap " + namespace + "/" + name;
  }
}
