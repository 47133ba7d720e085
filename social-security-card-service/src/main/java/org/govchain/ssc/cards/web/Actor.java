package org.govchain.ssc.cards.web;

import java.util.Set;
import org.govchain.anchor.web.security.Role;

/**
 * Who asks: the token's subject and roles. Staff (clerks, auditors, admins, service points) act
 * under their own subject; a card holder may only touch the cards bound to theirs.
 */
record Actor(String subject, Set<String> roles) {

  boolean has(Role role) {
    return roles.contains(role.claimValue());
  }

  /** A citizen acting for themselves: a card holder without a staff role. */
  boolean holderOnly() {
    return has(Role.CARD_HOLDER) && !has(Role.SSC_CLERK) && !has(Role.AUDITOR) && !has(Role.ADMIN);
  }
}
