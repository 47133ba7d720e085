package org.govchain.gateway.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.govchain.anchor.web.security.MissingJwtConfigurationException;
import org.govchain.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class MissingJwtConfigurationIT {

  @Test
  void gatewayRefusesToStartWithoutAnyTokenValidationSetting() {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(GatewayApplication.class)
            .properties(
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=");
    assertThatThrownBy(() -> app.run().close())
        .rootCause()
        .isInstanceOf(MissingJwtConfigurationException.class)
        .hasMessageContaining("GOVCHAIN_JWT_PUBLIC_KEY_LOCATION");
  }
}
