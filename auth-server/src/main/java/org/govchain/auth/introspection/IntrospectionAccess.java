package org.govchain.auth.introspection;

import org.govchain.auth.clients.ClientRegistrations;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may introspect tokens ({@code /oauth2/introspect}, RFC 7662): resource servers only, the
 * clients registered with {@code resource-server=true} ({@link
 * ClientRegistrations#RESOURCE_SERVER_SETTING}). Any other client, authenticated but not entitled,
 * is refused with 403 {@code unauthorized_client} in RFC 6749's JSON: its credentials are right, so
 * 401 would tell it to fix them; and the {@code {"active":false}} that RFC 7662 allows would let a
 * misconfigured resource server take every token for revoked without saying why.
 */
public final class IntrospectionAccess {

  private static final HttpMessageConverter<OAuth2Error> ERRORS =
      new OAuth2ErrorHttpMessageConverter();

  private IntrospectionAccess() {}

  /** Grants a client authenticated as a resource server, and nobody else. */
  public static AuthorizationManager<RequestAuthorizationContext> resourceServersOnly() {
    return (authentication, request) -> {
      Object who = authentication.get();
      boolean granted =
          who instanceof OAuth2ClientAuthenticationToken client
              && client.isAuthenticated()
              && client.getRegisteredClient() != null
              && ClientRegistrations.isResourceServer(client.getRegisteredClient());
      return new AuthorizationDecision(granted);
    };
  }

  /** The answer to an authenticated caller that is no resource server. */
  public static AccessDeniedHandler refusal() {
    return (request, response, denied) -> {
      ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
      answer.setStatusCode(HttpStatus.FORBIDDEN);
      ERRORS.write(
          new OAuth2Error(
              OAuth2ErrorCodes.UNAUTHORIZED_CLIENT,
              "only resource servers may introspect tokens",
              null),
          null,
          answer);
      response.flushBuffer();
    };
  }
}
