package org.govchain.auth.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.govchain.auth.clients.ClientRegistrations;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.config.ProductionGuard;
import org.govchain.auth.keys.DevelopmentSigningKeys;
import org.govchain.auth.keys.KeystoreSigningKeys;
import org.govchain.auth.keys.SigningKey;
import org.govchain.auth.throttle.FailureThrottle;
import org.govchain.auth.tokens.ExpiringAuthorizationService;
import org.govchain.auth.tokens.GovChainClaims;
import org.govchain.auth.users.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The authorization server's parts, built from {@link AuthServerProperties}: issuer, signing key,
 * clients, users, token claims, the throttle of failed authentications. Under the {@code prod}
 * profile it refuses unfit settings before anything else is made (no development key is even
 * generated).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

  private final AuthServerProperties props;

  AuthorizationServerConfiguration(AuthServerProperties props, Environment env) {
    if (env.acceptsProfiles(Profiles.of("prod"))) {
      ProductionGuard.check(props);
    } else if (props.demo().enabled()) {
      log.warn(
          "DEV ONLY: demo clients and users with published passwords are enabled"
              + " (GOVCHAIN_AUTH_DEMO_ENABLED=false turns them off; prod refuses them)");
    }
    this.props = props;
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    // explicit, so every token's iss and the discovery documents agree whatever host was used
    return AuthorizationServerSettings.builder().issuer(props.issuer().toString()).build();
  }

  @Bean
  SigningKey signingKey() {
    return props.signingKey().isConfigured()
        ? KeystoreSigningKeys.load(props.signingKey())
        : DevelopmentSigningKeys.loadOrCreate(props.dataDir());
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(SigningKey signingKey) {
    log.info("signing tokens with key {} from {}", signingKey.keyId(), signingKey.location());
    return new ImmutableJWKSet<>(new JWKSet(signingKey.jwk()));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new ConfiguredHashEncoder();
  }

  @Bean
  RegisteredClientRepository registeredClientRepository() {
    List<RegisteredClient> clients = ClientRegistrations.from(props);
    if (clients.isEmpty()) {
      throw new IllegalStateException(
          "no OAuth2 clients are configured: enable the demo clients or the web client, or set"
              + " govchain.auth.clients[...] (README, Configuration)");
    }
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  InMemoryUserDetailsManager userDetailsService() {
    return new InMemoryUserDetailsManager(UserAccounts.from(props));
  }

  /** The system's clock; a test registers its own before the context starts. */
  @Bean
  @ConditionalOnMissingBean(Clock.class)
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  OAuth2AuthorizationService authorizationService(Clock clock) {
    return new ExpiringAuthorizationService(clock);
  }

  @Bean
  FailureThrottle failureThrottle(Clock clock) {
    return new FailureThrottle(props.throttle(), clock, new SecureRandom());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> govChainClaims() {
    return new GovChainClaims(props.audience(), UserAccounts.units(props));
  }
}
