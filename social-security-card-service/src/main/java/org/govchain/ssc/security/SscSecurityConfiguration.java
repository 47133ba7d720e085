package org.govchain.ssc.security;

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
 * The card service's path → role table (README, Security). Token checks, health and actuator rules,
 * the log API's rules and 401/403 problems come from the starter ({@link ServiceSecurity}). A card
 * holder passes these rules for the paths a holder may use; that the card is their own is checked
 * by the card service itself (another holder's card is answered as unknown).
 */
@Configuration(proxyBeanMethods = false)
@EnableServiceSecurity
public class SscSecurityConfiguration {

  private static final String CLERK = Role.SSC_CLERK.claimValue();
  private static final String HOLDER = Role.CARD_HOLDER.claimValue();
  private static final String SERVICE_POINT = Role.SERVICE_POINT.claimValue();
  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  @Bean
  SecurityWebFilterChain sscSecurity(ServerHttpSecurity http, ServiceSecurity security) {
    // card clerks and holders may read the log's checkpoints, proofs and bundles (whose envelopes
    // name people only by keyed references: README, Personal data); full log entries stay with
    // auditors and admins
    return security.recordServiceChain(
        http,
        List.of(Role.SSC_CLERK, Role.CARD_HOLDER),
        rules ->
            rules
                // service points verify QR codes
                .pathMatchers(HttpMethod.POST, "/api/ssc/qr-verifications")
                .hasRole(SERVICE_POINT)
                // a holder's own card
                .pathMatchers(HttpMethod.GET, "/api/ssc/my-cards")
                .hasRole(HOLDER)
                .pathMatchers(
                    HttpMethod.POST,
                    "/api/ssc/cards/{id}/activation",
                    "/api/ssc/cards/{id}/qr-codes")
                .hasRole(HOLDER)
                .pathMatchers(HttpMethod.GET, "/api/ssc/cards/{id}/qr-codes/{token}.png")
                .hasRole(HOLDER)
                // online loss reports: the holder or a clerk
                .pathMatchers(
                    HttpMethod.POST,
                    "/api/ssc/cards/{id}/temporary-loss",
                    "/api/ssc/cards/{id}/loss-lifting")
                .hasAnyRole(HOLDER, CLERK)
                // reads: a card, its history and its proof
                .pathMatchers(
                    HttpMethod.GET,
                    "/api/ssc/cards/{id}",
                    "/api/ssc/cards/{id}/history",
                    "/api/ssc/cards/{id}/proof",
                    "/api/ssc/cards/{id}/history/{version}/proof")
                .hasAnyRole(CLERK, AUDITOR, ADMIN, HOLDER)
                .pathMatchers(HttpMethod.GET, "/api/ssc/cards")
                .hasAnyRole(CLERK, AUDITOR, ADMIN)
                // look-up by ID number (in the body, never in a URL) and clear reads with a reason
                .pathMatchers(
                    HttpMethod.POST, "/api/ssc/cards/search", "/api/ssc/cards/{id}/personal-data")
                .hasAnyRole(CLERK, AUDITOR)
                // counter work
                .pathMatchers(
                    HttpMethod.POST,
                    "/api/ssc/cards",
                    "/api/ssc/cards/{id}/activation-code",
                    "/api/ssc/cards/{id}/formal-loss",
                    "/api/ssc/cards/{id}/replacement",
                    "/api/ssc/cards/{id}/exchange",
                    "/api/ssc/cards/{id}/lock",
                    "/api/ssc/cards/{id}/unlock",
                    "/api/ssc/cards/{id}/cancellation")
                .hasRole(CLERK));
  }
}
