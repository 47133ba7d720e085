package org.govchain.accounting.security;

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
 * The accounting service's path → role table (README, Security). Token checks, health and actuator
 * rules, the log API's rules and 401/403 problems come from the starter ({@link ServiceSecurity}).
 * An accounting clerk passes these rules for every unit's paths; that the unit is the one their
 * token binds them to ({@code unit} claim) is checked by the service itself ({@link Caller}).
 */
@Configuration(proxyBeanMethods = false)
@EnableServiceSecurity
public class AccountingSecurityConfiguration {

  private static final String CLERK = Role.ACCOUNTING_CLERK.claimValue();
  private static final String AUDITOR = Role.AUDITOR.claimValue();
  private static final String ADMIN = Role.ADMIN.claimValue();

  @Bean
  SecurityWebFilterChain accountingSecurity(ServerHttpSecurity http, ServiceSecurity security) {
    // clerks may read the log's checkpoints, proofs and bundles (whose envelopes name people only
    // by keyed references: README); full log entries stay with auditors and admins
    return security.recordServiceChain(
        http,
        List.of(Role.ACCOUNTING_CLERK),
        rules ->
            rules
                // units are registered by admins
                .pathMatchers(HttpMethod.POST, "/api/accounting/units")
                .hasRole(ADMIN)
                // auditors' work: findings and reopening a closed period
                .pathMatchers(
                    HttpMethod.POST,
                    "/api/accounting/findings/{id}/acknowledge",
                    "/api/accounting/findings/{id}/resolve",
                    "/api/accounting/findings/{id}/escalate",
                    "/api/accounting/units/{id}/periods/{period}/reopen")
                .hasRole(AUDITOR)
                // a unit's books: clerks of the unit
                .pathMatchers(
                    HttpMethod.POST,
                    "/api/accounting/units/{id}/accounts",
                    "/api/accounting/units/{id}/vouchers",
                    "/api/accounting/units/{id}/periods/{period}/close",
                    "/api/accounting/vouchers/{id}/review",
                    "/api/accounting/vouchers/{id}/posting",
                    "/api/accounting/vouchers/{id}/reversal")
                .hasRole(CLERK)
                .pathMatchers(HttpMethod.DELETE, "/api/accounting/vouchers/{id}")
                .hasRole(CLERK)
                // reads: clerks (their own unit), auditors (every unit), admins
                .pathMatchers(
                    HttpMethod.GET,
                    "/api/accounting/units",
                    "/api/accounting/units/{id}",
                    "/api/accounting/units/{id}/proof",
                    "/api/accounting/units/{id}/accounts",
                    "/api/accounting/units/{id}/vouchers",
                    "/api/accounting/units/{id}/integrity",
                    "/api/accounting/units/{id}/periods",
                    "/api/accounting/units/{id}/trial-balance",
                    "/api/accounting/units/{id}/ledger",
                    "/api/accounting/vouchers/{id}",
                    "/api/accounting/vouchers/{id}/proof",
                    "/api/accounting/findings",
                    "/api/accounting/findings/{id}",
                    "/api/accounting/findings/{id}/proof",
                    "/api/accounting/chart")
                .hasAnyRole(CLERK, AUDITOR, ADMIN));
  }
}
