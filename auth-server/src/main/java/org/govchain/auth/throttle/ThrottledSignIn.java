package org.govchain.auth.throttle;

import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The sign-in form's password check behind the {@link FailureThrottle}: each attempt is admitted by
 * the throttle first, a wrong password or unknown user name counted as a failure, a right one as a
 * success. User names are counted in lower case, as the user store compares them.
 */
public final class ThrottledSignIn implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final FailureThrottle throttle;
  private final Predicate<String> registered;

  /**
   * @param passwords the provider checking user names and passwords
   * @param throttle the throttle
   * @param registered whether a (lower-case) name is a user's, to log unknown names only as tags
   */
  public ThrottledSignIn(
      AuthenticationProvider passwords, FailureThrottle throttle, Predicate<String> registered) {
    this.passwords = passwords;
    this.throttle = throttle;
    this.registered = registered;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String name = authentication.getName().toLowerCase(Locale.ROOT);
    Attempt attempt =
        new Attempt(
            Attempt.Kind.ACCOUNT,
            name,
            RemoteAddress.of(authentication.getDetails()),
            registered.test(name));
    FailureThrottle.Ticket ticket = throttle.admit(attempt);
    Authentication result;
    try {
      result = passwords.authenticate(authentication);
    } catch (BadCredentialsException e) {
      ticket.failed(); // a wrong password, or no such user: the same to the caller
      throw e;
    }
    if (result != null) {
      ticket.succeeded();
    }
    return result;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
