package org.govchain.auth.throttle;

import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * An attempt refused without being checked, because its name or its address is locked after too
 * many failures. An {@link OAuth2AuthenticationException}, so that Spring Authorization Server's
 * client authentication filter hands it to the error handler; its error is the body the token
 * endpoint answers with 429 ({@code temporarily_unavailable}, RFC 6749 style).
 */
public final class ThrottledException extends OAuth2AuthenticationException {

  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  ThrottledException(Duration retryAfter) {
    this(wholeSeconds(retryAfter));
  }

  private ThrottledException(long seconds) {
    super(
        new OAuth2Error(
            OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE,
            "too many failed attempts for this name or from this address: try again in "
                + seconds
                + (seconds == 1 ? " second" : " seconds"),
            null));
    this.retryAfterSeconds = seconds;
  }

  /** The {@code Retry-After} value: whole seconds until the lock ends, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  private static long wholeSeconds(Duration duration) {
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
