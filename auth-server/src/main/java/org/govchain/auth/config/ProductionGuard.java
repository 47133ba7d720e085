package org.govchain.auth.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the {@code prod} profile refuses: the generated development signing key, the demo clients
 * and users (their passwords are published), an issuer on localhost, and unhashed ({@code {noop}})
 * secrets.
 */
public final class ProductionGuard {

  private ProductionGuard() {}

  /**
   * Every reason the settings are unfit for production; empty when they are fit.
   *
   * @param props the settings as bound
   */
  public static List<String> problems(AuthServerProperties props) {
    List<String> problems = new ArrayList<>();
    if (!props.signingKey().isConfigured()) {
      problems.add(
          "it would sign with the generated development key: set GOVCHAIN_AUTH_KEYSTORE,"
              + " GOVCHAIN_AUTH_KEYSTORE_PASSWORD (and GOVCHAIN_AUTH_KEY_ALIAS)");
    }
    if (props.demo().enabled()) {
      problems.add(
          "the demo clients and users (published dev passwords) are enabled:"
              + " set GOVCHAIN_AUTH_DEMO_ENABLED=false");
    }
    if (isLocal(props.issuer())) {
      problems.add(
          "the issuer "
              + props.issuer()
              + " is on this machine only: set GOVCHAIN_AUTH_ISSUER to the public URL");
    }
    for (AuthServerProperties.Client client : props.clients()) {
      if (isUnhashed(client.secret())) {
        problems.add("client '" + client.id() + "' has an unhashed {noop} secret: use {bcrypt}");
      }
    }
    for (AuthServerProperties.User user : props.users()) {
      if (isUnhashed(user.password())) {
        problems.add("user '" + user.name() + "' has an unhashed {noop} password: use {bcrypt}");
      }
    }
    return problems;
  }

  /**
   * Throws when the settings are unfit for production, listing every reason at once.
   *
   * @throws IllegalStateException with a message starting "the prod profile refuses to start"
   */
  public static void check(AuthServerProperties props) {
    List<String> problems = problems(props);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "the prod profile refuses to start: " + String.join("; ", problems));
    }
  }

  private static boolean isUnhashed(String encoded) {
    return encoded.startsWith("{noop}");
  }

  private static boolean isLocal(URI issuer) {
    String host = issuer.getHost();
    if (host == null) {
      return true;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.equals("localhost") || name.endsWith(".localhost")) {
      return true;
    }
    if (!name.matches("[0-9.]+") && !name.startsWith("[")) {
      return false; // a DNS name: never resolved here, start-up must not depend on DNS
    }
    try {
      InetAddress address = InetAddress.getByName(name);
      return address.isLoopbackAddress() || address.isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
