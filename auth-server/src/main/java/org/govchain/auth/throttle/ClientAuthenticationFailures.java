package org.govchain.auth.throttle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * The answer to a failed client authentication at the token, introspection and revocation
 * endpoints, in RFC 6749's JSON like every other answer there: a throttled attempt is 429 {@code
 * temporarily_unavailable} with {@code Retry-After}; anything else is what Spring Authorization
 * Server answers itself (a custom handler replaces its own): 401 for {@code invalid_client}, else
 * 400, the error code alone.
 */
public final class ClientAuthenticationFailures implements AuthenticationFailureHandler {

  private final HttpMessageConverter<OAuth2Error> errors = new OAuth2ErrorHttpMessageConverter();

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    SecurityContextHolder.clearContext();
    ServletServerHttpResponse answer = new ServletServerHttpResponse(response);
    OAuth2Error error = ((OAuth2AuthenticationException) exception).getError();
    if (exception instanceof ThrottledException throttled) {
      answer.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
      answer
          .getHeaders()
          .set(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
      answer.getHeaders().setCacheControl("no-store");
      errors.write(error, null, answer);
      return;
    }
    answer.setStatusCode(
        OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())
            ? HttpStatus.UNAUTHORIZED
            : HttpStatus.BAD_REQUEST);
    // as Spring Authorization Server does: the code alone, nothing about why
    errors.write(new OAuth2Error(error.getErrorCode()), null, answer);
  }
}
