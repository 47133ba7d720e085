package org.govchain.auth.clients;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes the demo clients' and users' published passwords. They are public by design, so the lowest
 * bcrypt cost is enough and keeps start-up and every dev token request fast; the hashes still go
 * through the same delegating encoder as configured ones.
 */
public final class DemoSecrets {

  private static final BCryptPasswordEncoder CHEAP_BCRYPT = new BCryptPasswordEncoder(4);

  private DemoSecrets() {}

  /** The {@code {bcrypt}} hash of a published demo password. */
  public static String hash(String publishedPassword) {
    return "{bcrypt}" + CHEAP_BCRYPT.encode(publishedPassword);
  }
}
