package org.govchain.auth.throttle;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to a failed sign-in: back to the form with {@code ?error} as before, or, when the
 * throttle refused the attempt, a 429 page with {@code Retry-After} that says how long to wait and
 * links back to the form (Spring's generated form shows one fixed error message).
 */
public final class SignInFailures implements AuthenticationFailureHandler {

  private final AuthenticationFailureHandler wrongPassword =
      new SimpleUrlAuthenticationFailureHandler("/login?error");

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException, ServletException {
    if (!(exception instanceof ThrottledException throttled)) {
      wrongPassword.onAuthenticationFailure(request, response, exception);
      return;
    }
    long seconds = throttled.retryAfterSeconds();
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType("text/html;charset=UTF-8");
    byte[] page = page(request.getContextPath() + "/login", seconds);
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }

  private static byte[] page(String loginPath, long seconds) {
    String wait = seconds + (seconds == 1 ? " second" : " seconds");
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
            + "<title>Too many failed sign-ins</title></head>\n<body>\n"
            + "<h1>Too many failed sign-ins</h1>\n"
            + "<p>Signing in to this account, or from this address, is paused after too many wrong"
            + " passwords. Please wait "
            + wait
            + ", then <a href=\""
            + HtmlUtils.htmlEscape(loginPath)
            + "\">sign in again</a>.</p>\n</body>\n</html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
