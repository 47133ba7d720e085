package org.govchain.seal.security;

import java.util.List;
import org.govchain.anchor.spring.security.EnableServiceSecurity;
import org.govchain.anchor.spring.security.ServiceSecurity;
import org.govchain.anchor.web.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The seal service as an OAuth2 resource server (DESIGN §4): every request but verification, the
 * OpenAPI document and health needs a valid JWT, and each path the roles of the table in the
 * README's Security section. Token checks, health/actuator rules and 401/403 problems come from the
 * starter ({@link ServiceSecurity}); this class states only the seal paths' roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableServiceSecurity
public class SealSecurityConfiguration {

  private static final String SEAL_CLERK = Role.SEAL_CLERK.claimValue();
  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  @Bean
  SecurityWebFilterChain sealSecurity(ServerHttpSecurity http, ServiceSecurity security) {
    // the OpenAPI document is public and the log API's rules are the starter's (full log entries
    // for auditors and admins; checkpoints and proofs for seal clerks too)
    return security.recordServiceChain(
        http,
        List.of(Role.SEAL_CLERK),
        rules ->
            rules
                // public
                .pathMatchers(HttpMethod.POST, "/api/seal/verifications")
                .permitAll()
                // reads (proofs included)
                .pathMatchers(
                    HttpMethod.GET,
                    "/api/seal/seals",
                    "/api/seal/seals/**",
                    "/api/seal/sealings/**")
                .hasAnyRole(SEAL_CLERK, AUDITOR, ADMIN)
                // writes
                .pathMatchers(
                    HttpMethod.POST,
                    "/api/seal/seals",
                    "/api/seal/seals/{id}/suspend",
                    "/api/seal/seals/{id}/resume",
                    "/api/seal/seals/{id}/revoke",
                    "/api/seal/seals/{id}/sealings",
                    "/api/seal/seals/{id}/signatures")
                .hasRole(SEAL_CLERK));
  }
}
