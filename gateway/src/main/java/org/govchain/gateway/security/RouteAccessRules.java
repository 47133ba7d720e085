package org.govchain.gateway.security;

import static org.govchain.anchor.web.security.Role.ACCOUNTING_CLERK;
import static org.govchain.anchor.web.security.Role.ADMIN;
import static org.govchain.anchor.web.security.Role.AUDITOR;
import static org.govchain.anchor.web.security.Role.CARD_HOLDER;
import static org.govchain.anchor.web.security.Role.SEAL_CLERK;
import static org.govchain.anchor.web.security.Role.SERVICE_POINT;
import static org.govchain.anchor.web.security.Role.SSC_CLERK;

import java.util.Arrays;
import org.govchain.anchor.web.security.PublicPaths;
import org.govchain.anchor.web.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * The gateway's role rules per path (the table in {@code gateway/README.md}, mirroring DESIGN
 * §4/§5). The services enforce their own rules again; these keep callers without the role away from
 * them. Anything not listed is refused.
 */
final class RouteAccessRules {

  /** Every service's prefix at once ({@code /api/seal}, {@code /api/ssc}, …). */
  static final String SERVICES = "/api/*";

  private RouteAccessRules() {}

  static void apply(AuthorizeExchangeSpec rules) {
    // public: sign-in free verification (the portal's page, sealed PDFs, the logs' checkpoints and
    // consistency proofs, which hold hashes only), health, the API documentation
    rules
        .pathMatchers(HttpMethod.POST, "/api/seal/verifications")
        .permitAll()
        .pathMatchers(HttpMethod.GET, "/portal", "/portal/**")
        .permitAll()
        // an evidence certificate: the portal reads the record's bundle with the caller's token
        .pathMatchers(HttpMethod.POST, "/portal/api/certificates")
        .authenticated()
        .pathMatchers(HttpMethod.GET, PublicPaths.logProofs(SERVICES))
        .permitAll()
        .pathMatchers(HttpMethod.GET, PublicPaths.health())
        .permitAll()
        // the API documentation: the merged document and the Swagger UI's settings (JSON only),
        // each service's document in JSON and YAML (the paths every service makes public itself),
        // the Swagger UI's files
        .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
        .permitAll()
        .pathMatchers(HttpMethod.GET, PublicPaths.apiDocs(SERVICES))
        .permitAll()
        .pathMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
        .permitAll()
        .pathMatchers("/actuator", "/actuator/**")
        .hasRole(ADMIN.claimValue());

    // every service's log: full record data for auditors, proofs for the service's clerks too
    rules
        .pathMatchers(HttpMethod.GET, "/api/*/log/entries/{index}")
        .hasAnyRole(names(AUDITOR, ADMIN))
        .pathMatchers(HttpMethod.GET, "/api/seal/log/**")
        .hasAnyRole(names(SEAL_CLERK, AUDITOR, ADMIN))
        .pathMatchers(HttpMethod.GET, "/api/ssc/log/**")
        .hasAnyRole(names(SSC_CLERK, CARD_HOLDER, AUDITOR, ADMIN))
        .pathMatchers(HttpMethod.GET, "/api/accounting/log/**")
        .hasAnyRole(names(ACCOUNTING_CLERK, AUDITOR, ADMIN));

    // seals
    rules
        .pathMatchers(HttpMethod.GET, "/api/seal/**")
        .hasAnyRole(names(SEAL_CLERK, AUDITOR, ADMIN))
        .pathMatchers(
            HttpMethod.POST,
            "/api/seal/seals",
            "/api/seal/seals/{id}/suspend",
            "/api/seal/seals/{id}/resume",
            "/api/seal/seals/{id}/revoke",
            "/api/seal/seals/{id}/sealings",
            "/api/seal/seals/{id}/signatures")
        .hasRole(SEAL_CLERK.claimValue());

    // social security cards (the service's own table: SscSecurityConfiguration)
    rules
        .pathMatchers(HttpMethod.POST, "/api/ssc/qr-verifications")
        .hasRole(SERVICE_POINT.claimValue())
        .pathMatchers(
            HttpMethod.GET, "/api/ssc/my-cards", "/api/ssc/cards/{id}/qr-codes/{token}.png")
        .hasRole(CARD_HOLDER.claimValue())
        .pathMatchers(
            HttpMethod.POST, "/api/ssc/cards/{id}/activation", "/api/ssc/cards/{id}/qr-codes")
        .hasRole(CARD_HOLDER.claimValue())
        .pathMatchers(
            HttpMethod.POST,
            "/api/ssc/cards/{id}/temporary-loss",
            "/api/ssc/cards/{id}/loss-lifting")
        .hasAnyRole(names(CARD_HOLDER, SSC_CLERK))
        .pathMatchers(
            HttpMethod.GET,
            "/api/ssc/cards/{id}",
            "/api/ssc/cards/{id}/history",
            "/api/ssc/cards/{id}/proof",
            "/api/ssc/cards/{id}/history/{version}/proof")
        .hasAnyRole(names(SSC_CLERK, AUDITOR, ADMIN, CARD_HOLDER))
        .pathMatchers(HttpMethod.GET, "/api/ssc/cards")
        .hasAnyRole(names(SSC_CLERK, AUDITOR, ADMIN))
        .pathMatchers(HttpMethod.POST, "/api/ssc/cards/search", "/api/ssc/cards/{id}/personal-data")
        .hasAnyRole(names(SSC_CLERK, AUDITOR))
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
        .hasRole(SSC_CLERK.claimValue());

    // accounting supervision: admins register units; auditors work findings and reopen periods;
    // clerks keep their own unit's books (the service checks the token's unit claim)
    rules
        .pathMatchers(HttpMethod.POST, "/api/accounting/units")
        .hasRole(ADMIN.claimValue())
        .pathMatchers(
            HttpMethod.POST,
            "/api/accounting/findings/{id}/acknowledge",
            "/api/accounting/findings/{id}/resolve",
            "/api/accounting/findings/{id}/escalate",
            "/api/accounting/units/{id}/periods/{period}/reopen")
        .hasRole(AUDITOR.claimValue())
        .pathMatchers(HttpMethod.GET, "/api/accounting/**")
        .hasAnyRole(names(ACCOUNTING_CLERK, AUDITOR, ADMIN))
        .pathMatchers(HttpMethod.POST, "/api/accounting/**")
        .hasRole(ACCOUNTING_CLERK.claimValue())
        .pathMatchers(HttpMethod.DELETE, "/api/accounting/vouchers/{id}")
        .hasRole(ACCOUNTING_CLERK.claimValue());

    rules.anyExchange().denyAll();
  }

  private static String[] names(Role... roles) {
    return Arrays.stream(roles).map(Role::claimValue).toArray(String[]::new);
  }
}
