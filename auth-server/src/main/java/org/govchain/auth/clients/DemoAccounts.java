package org.govchain.auth.clients;

import java.util.ArrayList;
import java.util.List;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.config.AuthServerProperties;

/**
 * The demo accounts (dev only): one per role, named after it — the card holder's included (a
 * citizen's account; the card service binds a card to it when the holder activates the card) — and
 * a second accounting clerk, {@value #SECOND_ACCOUNTING_CLERK}, because a voucher is reviewed by a
 * clerk of the unit other than its preparer. Both accounting clerks keep the books of the demo unit
 * ({@code unit} claim). Each account is a client (client credentials) and a user (sign-in).
 */
public final class DemoAccounts {

  /** The name of the second demo accounting clerk. */
  public static final String SECOND_ACCOUNTING_CLERK = "accounting-clerk-2";

  /**
   * A demo account.
   *
   * @param name the client id, and with {@code -user} the user name
   * @param role its one role
   * @param unit its unit's unified social credit code, or empty
   */
  public record Account(String name, Role role, String unit) {}

  private DemoAccounts() {}

  public static List<Account> all(AuthServerProperties.Demo demo) {
    List<Account> accounts = new ArrayList<>();
    for (Role role : Role.values()) {
      accounts.add(new Account(role.claimValue(), role, unitOf(role, demo)));
    }
    accounts.add(
        new Account(SECOND_ACCOUNTING_CLERK, Role.ACCOUNTING_CLERK, demo.accountingUnit()));
    return List.copyOf(accounts);
  }

  private static String unitOf(Role role, AuthServerProperties.Demo demo) {
    return role == Role.ACCOUNTING_CLERK ? demo.accountingUnit() : "";
  }
}
