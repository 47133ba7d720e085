package org.govchain.auth.users;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.clients.DemoAccounts;
import org.govchain.auth.clients.DemoSecrets;
import org.govchain.auth.config.AuthServerProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The people who can sign in: the demo users ({@link DemoAccounts}, dev only) and configured users.
 * Only password hashes are kept.
 */
public final class UserAccounts {

  /** Suffix of each demo user's name: {@code seal-clerk-user}. */
  public static final String DEMO_USER_SUFFIX = "-user";

  /** Suffix of each demo user's published password: {@code seal-clerk-dev-password}. */
  public static final String DEMO_PASSWORD_SUFFIX = "-dev-password";

  private UserAccounts() {}

  /** Every user the settings describe; user names are unique, whatever their case. */
  public static List<UserDetails> from(AuthServerProperties props) {
    List<UserDetails> users = new ArrayList<>();
    if (props.demo().enabled()) {
      for (DemoAccounts.Account demo : DemoAccounts.all(props.demo())) {
        String password = DemoSecrets.hash(demo.name() + DEMO_PASSWORD_SUFFIX);
        users.add(user(demo.name() + DEMO_USER_SUFFIX, password, List.of(demo.role())));
      }
    }
    for (AuthServerProperties.User user : props.users()) {
      users.add(user(user.name(), user.password(), user.roles()));
    }
    // sign-in finds a user whatever the case of the name typed (the user store keys names in
    // lower case), so two names that differ only in case would be one account: the later would
    // silently replace the earlier
    Map<String, String> names = new HashMap<>();
    for (UserDetails user : users) {
      String name = user.getUsername();
      String earlier = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      if (earlier != null) {
        throw new IllegalStateException(
            earlier.equals(name)
                ? "the user '" + name + "' is defined twice"
                : "the users '"
                    + earlier
                    + "' and '"
                    + name
                    + "' are one account: user names are not case-sensitive");
      }
    }
    return List.copyOf(users);
  }

  /** The unit each user keeps books for ({@code unit} claim), for the users bound to one. */
  public static Map<String, String> units(AuthServerProperties props) {
    Map<String, String> units = new HashMap<>();
    if (props.demo().enabled()) {
      for (DemoAccounts.Account demo : DemoAccounts.all(props.demo())) {
        if (!demo.unit().isEmpty()) {
          units.put(demo.name() + DEMO_USER_SUFFIX, demo.unit());
        }
      }
    }
    for (AuthServerProperties.User user : props.users()) {
      if (!user.unit().isEmpty()) {
        units.put(user.name(), user.unit());
      }
    }
    return Map.copyOf(units);
  }

  private static UserDetails user(String name, String encodedPassword, List<Role> roles) {
    return User.withUsername(name)
        .password(encodedPassword)
        .authorities(roles.stream().map(Role::authority).toArray(String[]::new))
        .build();
  }
}
