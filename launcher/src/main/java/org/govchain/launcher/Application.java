package org.govchain.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Java applications of the suite, in start order. Each runs from its module's jar as {@code
 * java -jar}; one whose jar has not been built yet (a service still to come) is skipped.
 */
enum Application {
  AUTH_SERVER(
      "auth-server", "auth-server/target/auth-server-0.1.0-SNAPSHOT.jar", "AUTH_PORT", null),
  SEAL(
      "seal-service",
      "seal-service/target/seal-service-0.1.0-SNAPSHOT.jar",
      "SEAL_PORT",
      new Service("SEAL", "govchain_seal", "seal.govchain.example", "/api/seal", "seal")),
  SSC(
      "social-security-card-service",
      "social-security-card-service/target/social-security-card-service-0.1.0-SNAPSHOT.jar",
      "SSC_PORT",
      new Service("SSC", "govchain_ssc", "ssc.govchain.example", "/api/ssc", "ssc")),
  ACCOUNTING(
      "accounting-audit-service",
      "accounting-audit-service/target/accounting-audit-service-0.1.0-SNAPSHOT.jar",
      "ACCOUNTING_PORT",
      new Service(
          "ACCOUNTING",
          "govchain_accounting",
          "accounting.govchain.example",
          "/api/accounting",
          "accounting")),
  PORTAL("portal", "portal/target/portal-0.1.0-SNAPSHOT.jar", "PORTAL_PORT", null),
  GATEWAY("gateway", "gateway/target/gateway-0.1.0-SNAPSHOT.jar", "GATEWAY_PORT", null);

  /**
   * What a record service needs besides its jar.
   *
   * @param envPrefix prefix of its own variables ({@code SEAL} → {@code SEAL_DB_JDBC_URL}, {@code
   *     GOVCHAIN_SEAL_DATA_DIR})
   * @param database its database
   * @param origin its log's origin
   * @param apiPrefix its API prefix
   * @param keyName the stem of its key files under {@code keys/}
   */
  record Service(
      String envPrefix, String database, String origin, String apiPrefix, String keyName) {}

  private final String processName;
  private final String jar;
  private final String portVariable;
  private final Service service;

  Application(String processName, String jar, String portVariable, Service service) {
    this.processName = processName;
    this.jar = jar;
    this.portVariable = portVariable;
    this.service = service;
  }

  /** The name of its process and log file, e.g. {@code seal-service}. */
  String processName() {
    return processName;
  }

  /** The environment variable that sets its HTTP port. */
  String portVariable() {
    return portVariable;
  }

  /** Its record-service details, if it is a record service. */
  Optional<Service> service() {
    return Optional.ofNullable(service);
  }

  /** Its runnable jar in the repository. */
  Path jar(Settings settings) {
    return settings.repoFile(jar);
  }

  /** Whether its jar has been built. */
  boolean isBuilt(Settings settings) {
    return Files.isRegularFile(jar(settings));
  }
}
