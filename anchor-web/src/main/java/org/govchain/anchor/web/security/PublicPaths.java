package org.govchain.anchor.web.security;

/**
 * The paths anyone may {@code GET} without a token, written once for the gateway and every service
 * (the starter's {@code ServiceSecurity}, the gateway's {@code RouteAccessRules}), so that what a
 * service publishes and what the gateway lets through cannot drift apart. A prefix is a service's
 * API prefix ({@code /api/seal}) or, at the gateway, a pattern standing for all of them ({@code
 * /api/*}).
 */
public final class PublicPaths {

  private PublicPaths() {}

  /** Health, liveness and readiness (probes, load balancers). */
  public static String[] health() {
    return new String[] {
      "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
    };
  }

  /**
   * The service's OpenAPI document under {@code prefix}: JSON ({@code v3/api-docs}, and springdoc's
   * paths below it), and YAML ({@code v3/api-docs.yaml}). The API's description is public.
   */
  public static String[] apiDocs(String prefix) {
    return new String[] {
      prefix + "/v3/api-docs", prefix + "/v3/api-docs.yaml", prefix + "/v3/api-docs/**"
    };
  }

  /**
   * The log's signed checkpoints and consistency proofs under {@code prefix}: hashes and signatures
   * only, as transparency logs publish them, so that anyone may watch that the log only grows.
   */
  public static String[] logProofs(String prefix) {
    return new String[] {
      prefix + "/log/checkpoint",
      prefix + "/log/checkpoints/{size}",
      prefix + "/log/proofs/consistency"
    };
  }
}
