package org.govchain.auth.clients;

import java.util.Arrays;
import java.util.List;
import org.govchain.anchor.web.security.Role;

/**
 * The roles that get a demo client and a demo user: every staff role. A card holder's token must
 * name the citizen's own card, which no demo account can (the social security card service defines
 * that claim).
 */
public final class DemoRoles {

  private DemoRoles() {}

  public static List<Role> all() {
    return Arrays.stream(Role.values()).filter(r -> r != Role.CARD_HOLDER).toList();
  }
}
