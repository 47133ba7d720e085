package org.govchain.portal.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the portal publishes to the page ({@code govchain.portal.*}): where browsers reach it, the
 * chain its logs are anchored on, and each log's origin, API prefix and checkpoint key.
 *
 * @param publicUrl the portal's address as browsers reach it (through the gateway), ending in
 *     {@code /}; links and QR codes point here
 * @param chain the chain the page asks by default
 * @param logs the suite's logs, in the order the page lists them
 */
@Validated
@ConfigurationProperties("govchain.portal")
public record PortalProperties(
    @NotNull URI publicUrl, @NotNull @Valid Chain chain, @NotEmpty List<@Valid Log> logs) {

  /**
   * The chain the logs are anchored on.
   *
   * @param rpcUrl the JSON-RPC address browsers use by default (the user may choose another)
   * @param chainId its EIP-155 chain id
   * @param registryAddress the AnchorRegistry contract, {@code 0x} and 40 hex digits
   * @param minConfirmations how deep an anchor must be for VALID, its own block included
   */
  public record Chain(
      @NotBlank String rpcUrl,
      @Positive long chainId,
      @NotBlank @Pattern(regexp = "0x[0-9a-fA-F]{40}") String registryAddress,
      @Min(1) long minConfirmations) {}

  /**
   * One service's log.
   *
   * @param name short name, e.g. {@code seal}
   * @param origin the log's origin
   * @param apiPrefix the service's API prefix under the gateway, e.g. {@code /api/seal}
   * @param verifierKey the C2SP verifier key its checkpoints are signed with; empty when not
   *     published (the page then says it did not check signatures)
   */
  public record Log(
      @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]*") String name,
      @NotBlank String origin,
      @NotBlank @Pattern(regexp = "(/[a-z0-9-]+)+") String apiPrefix,
      String verifierKey) {}
}
