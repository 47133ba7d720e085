package org.govchain.gateway.openapi;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The record services behind the gateway, by name (the routes use the same addresses).
 *
 * @param services each service's address and API prefix, by name ({@code seal}, {@code ssc}, …)
 * @param docsTimeout how long the merged API document waits for one service's document
 * @param docsCache how long a merged API document is served after it was made ({@code 0}: made for
 *     every caller)
 */
@Validated
@ConfigurationProperties("govchain.gateway")
public record ServicesProperties(
    @NotNull Map<String, @Valid Service> services,
    @NotNull Duration docsTimeout,
    @NotNull @DurationMin(nanos = 0) Duration docsCache) {

  /**
   * One service.
   *
   * @param url its base address, e.g. {@code http://localhost:8081}
   * @param prefix its API prefix, e.g. {@code /api/seal}; its document is at {@code
   *     <prefix>/v3/api-docs}
   */
  public record Service(@NotNull URI url, @NotBlank String prefix) {

    /** Where the service serves its OpenAPI document, relative to the gateway. */
    public String docsPath() {
      return prefix + "/v3/api-docs";
    }
  }
}
