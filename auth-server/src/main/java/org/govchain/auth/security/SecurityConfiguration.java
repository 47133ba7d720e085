package org.govchain.auth.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.introspection.IntrospectionAccess;
import org.govchain.auth.throttle.ClientAuthenticationFailures;
import org.govchain.auth.throttle.FailureThrottle;
import org.govchain.auth.throttle.SignInFailures;
import org.govchain.auth.throttle.ThrottledClientSecrets;
import org.govchain.auth.throttle.ThrottledSignIn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The HTTP security: the OAuth2/OIDC protocol endpoints, the open health endpoint (nothing else of
 * actuator), and form login for everything else. Browsers on the web client's origins may call the
 * token, JWKS, discovery and userinfo endpoints (CORS). Client secrets and sign-in passwords are
 * checked behind the {@link FailureThrottle}; only resource servers may introspect tokens.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Paths a browser client calls from another origin. */
  private static final List<String> CORS_PATHS =
      List.of("/oauth2/token", "/oauth2/revoke", "/oauth2/jwks", "/.well-known/**", "/userinfo");

  private final CorsConfigurationSource cors;

  SecurityConfiguration(AuthServerProperties props) {
    this.cors = corsFor(webOrigins(props));
  }

  @Bean
  @Order(1)
  SecurityFilterChain protocolEndpoints(
      HttpSecurity http,
      FailureThrottle throttle,
      RegisteredClientRepository clients,
      AuthorizationServerSettings settings) {
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(withDefaults());
          server.clientAuthentication(
              clientAuthentication ->
                  clientAuthentication
                      .authenticationProviders(
                          providers ->
                              providers.replaceAll(
                                  provider ->
                                      provider instanceof ClientSecretAuthenticationProvider
                                          ? new ThrottledClientSecrets(provider, throttle, clients)
                                          : provider))
                      .errorResponseHandler(new ClientAuthenticationFailures()));
        });
    RequestMatcher introspection =
        PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, settings.getTokenIntrospectionEndpoint());
    http.authorizeHttpRequests(
        requests ->
            requests
                .requestMatchers(introspection)
                .access(IntrospectionAccess.resourceServersOnly())
                .anyRequest()
                .authenticated());
    http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
    MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    http.exceptionHandling(
        exceptions ->
            exceptions
                .defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), browsers)
                .defaultAccessDeniedHandlerFor(IntrospectionAccess.refusal(), introspection));
    http.cors(c -> c.configurationSource(cors));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain actuator(HttpSecurity http) {
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain signIn(
      HttpSecurity http,
      FailureThrottle throttle,
      InMemoryUserDetailsManager users,
      PasswordEncoder passwordEncoder) {
    DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
    passwords.setPasswordEncoder(passwordEncoder);
    // this chain's only manager, without the global one as parent: nothing gets around the throttle
    http.authenticationManager(
        new ProviderManager(new ThrottledSignIn(passwords, throttle, users::userExists)));
    http.authorizeHttpRequests(
            requests -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
        .formLogin(form -> form.failureHandler(new SignInFailures()))
        // answers CORS pre-flight requests for the protocol endpoints, which chain 1 never sees
        .cors(c -> c.configurationSource(cors));
    return http.build();
  }

  private static CorsConfigurationSource corsFor(Set<String> origins) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(List.copyOf(origins));
    config.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    config.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    config.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    CORS_PATHS.forEach(path -> source.registerCorsConfiguration(path, config));
    return source;
  }

  /** The origins ({@code scheme://host:port}) of the web client's redirect URIs. */
  static Set<String> webOrigins(AuthServerProperties props) {
    Set<String> origins = new LinkedHashSet<>();
    if (props.web().enabled()) {
      for (String redirect : props.web().redirectUris()) {
        URI uri = URI.create(redirect.strip());
        if (uri.getScheme() != null && uri.getHost() != null) {
          origins.add(
              uri.getScheme()
                  + "://"
                  + uri.getHost()
                  + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
      }
    }
    return origins;
  }
}
