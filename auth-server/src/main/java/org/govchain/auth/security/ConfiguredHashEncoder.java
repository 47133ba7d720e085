package org.govchain.auth.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring's delegating password encoder ({@code {bcrypt}…}, {@code {argon2}…}, …) that never asks to
 * re-hash a stored secret. Clients and users come from configuration and live in memory, so an
 * "upgrade" would be lost at the next start and only costs time: the demo secrets, hashed cheaply
 * on purpose, would be re-hashed at bcrypt cost 10 on first use and make every later token request
 * about 50 times slower.
 */
final class ConfiguredHashEncoder implements PasswordEncoder {

  private final PasswordEncoder delegate =
      PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Override
  public String encode(CharSequence rawPassword) {
    return delegate.encode(rawPassword);
  }

  @Override
  public boolean matches(CharSequence rawPassword, String encodedPassword) {
    return delegate.matches(rawPassword, encodedPassword);
  }

  @Override
  public boolean upgradeEncoding(String encodedPassword) {
    return false;
  }
}
