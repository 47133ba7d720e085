package org.govchain.auth.clients;

import java.util.Arrays;
import java.util.List;
import org.govchain.anchor.web.security.Role;

/**
 * The roles that get a demo client and a demo user: every role, the card holder's included (a
 * citizen's account; the social security card service binds a card to it when the holder activates
 * the card with the code a clerk handed over).
 */
public final class DemoRoles {

  private DemoRoles() {}

  public static List<Role> all() {
    return Arrays.asList(Role.values());
  }
}
