package org.govchain.auth.throttle;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The remote address of an attempt, and the counter it falls under: the address itself for IPv4,
 * its /64 network for IPv6, because one host is usually given a whole /64 and could otherwise take
 * a new address for every few attempts.
 */
final class RemoteAddress {

  static final String UNKNOWN = "unknown";

  private RemoteAddress() {}

  /** The remote address the authentication filter put in the details, or {@value #UNKNOWN}. */
  static String of(Object authenticationDetails) {
    if (authenticationDetails instanceof WebAuthenticationDetails web
        && web.getRemoteAddress() != null
        && !web.getRemoteAddress().isBlank()) {
      return web.getRemoteAddress();
    }
    return UNKNOWN;
  }

  /** The counter an address falls under: itself, or for IPv6 its /64 prefix. */
  static String counterOf(String address) {
    int zone = address.indexOf('%');
    String literal = zone < 0 ? address : address.substring(0, zone);
    if (!literal.contains(":") || !literal.matches("[0-9A-Fa-f:.]+")) {
      return address;
    }
    try {
      // a literal: parsed, never looked up
      InetAddress parsed = InetAddress.getByName(literal);
      if (!(parsed instanceof Inet6Address)) {
        return parsed.getHostAddress(); // an IPv4-mapped address
      }
      byte[] bytes = parsed.getAddress();
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
