package org.govchain.portal.certificate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Evidence certificates ({@code govchain.portal.certificate.*}): where the portal reaches the
 * suite, the chain it verifies against, its clients of the authorization server, the platform seal
 * and the key of the evidence links printed on certificates.
 *
 * @param gatewayUrl the suite's gateway as the portal reaches it (bundles, the seal service)
 * @param rpcUrl the chain's JSON-RPC as the portal reaches it
 * @param minConfirmations how deep an anchor must be before a certificate is issued
 * @param tokenUri the authorization server's token endpoint (client credentials grant)
 * @param sealingClient the client that seals certificates (role {@code seal-clerk})
 * @param readingClient the client that reads a certified record's bundle again when its evidence
 *     link is opened (roles that read every log: {@code auditor})
 * @param seal the platform seal: the seal service's ACTIVE seal of this credit code signs, made on
 *     first use when there is none
 * @param evidenceKey base64 of at least 32 bytes: the HMAC key of evidence links (a link opens the
 *     one record it was issued for, to whoever holds the certificate)
 * @param timeout how long one call to the suite or the chain may take
 */
@Validated
@ConfigurationProperties("govchain.portal.certificate")
public record CertificateProperties(
    @NotNull URI gatewayUrl,
    @NotBlank String rpcUrl,
    @Min(1) long minConfirmations,
    @NotNull URI tokenUri,
    @NotNull @Valid Client sealingClient,
    @NotNull @Valid Client readingClient,
    @NotNull @Valid Seal seal,
    @NotBlank String evidenceKey,
    @NotNull Duration timeout) {

  /** The development evidence key in application.yml: published, so refused by {@code prod}. */
  public static final String DEV_EVIDENCE_KEY = "ZGV2LW9ubHktZXZpZGVuY2Uta2V5LW5vdC1hLXNlY3JldCE=";

  /**
   * A confidential client of the authorization server.
   *
   * @param id its client id
   * @param secret its secret
   */
  public record Client(@NotBlank String id, @NotBlank String secret) {
    @Override
    public String toString() {
      return "Client[id=" + id + ", secret=…]";
    }
  }

  /**
   * The platform seal.
   *
   * @param creditCode the platform operator's unified social credit code
   * @param name the seal's name, when the portal makes it
   * @param organisation the operator's name, when the portal makes it
   */
  public record Seal(
      @NotBlank String creditCode, @NotBlank String name, @NotBlank String organisation) {}

  @Override
  public String toString() {
    return "CertificateProperties[gatewayUrl=" + gatewayUrl + ", rpcUrl=" + rpcUrl + ", …]";
  }
}
