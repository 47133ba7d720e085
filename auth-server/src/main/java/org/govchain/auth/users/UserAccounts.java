package org.govchain.auth.users;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.clients.DemoRoles;
import org.govchain.auth.clients.DemoSecrets;
import org.govchain.auth.config.AuthServerProperties;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The people who can sign in: the demo users (one per role, dev only) and configured users. Only
 * password hashes are kept.
 */
public final class UserAccounts {

  /** Suffix of each demo user's name: {@code seal-clerk-user}. */
  public static final String DEMO_USER_SUFFIX = "-user";

  /** Suffix of each demo user's published password: {@code seal-clerk-dev-password}. */
  public static final String DEMO_PASSWORD_SUFFIX = "-dev-password";

  private UserAccounts() {}

  /** Every user the settings describe; user names are unique. */
  public static List<UserDetails> from(AuthServerProperties props) {
    List<UserDetails> users = new ArrayList<>();
    if (props.demo().enabled()) {
      for (Role role : DemoRoles.all()) {
        String password = DemoSecrets.hash(role.claimValue() + DEMO_PASSWORD_SUFFIX);
        users.add(user(role.claimValue() + DEMO_USER_SUFFIX, password, List.of(role)));
      }
    }
    for (AuthServerProperties.User user : props.users()) {
      users.add(user(user.name(), user.password(), user.roles()));
    }
    Set<String> names = new HashSet<>();
    for (UserDetails user : users) {
      if (!names.add(user.getUsername())) {
        throw new IllegalStateException("the user '" + user.getUsername() + "' is defined twice");
      }
    }
    return List.copyOf(users);
  }

  private static UserDetails user(String name, String encodedPassword, List<Role> roles) {
    return User.withUsername(name)
        .password(encodedPassword)
        .authorities(roles.stream().map(Role::authority).toArray(String[]::new))
        .build();
  }
}
