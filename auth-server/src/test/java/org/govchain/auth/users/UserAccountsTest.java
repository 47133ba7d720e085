package org.govchain.auth.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.govchain.anchor.web.security.Role;
import org.govchain.auth.config.AuthServerProperties;
import org.govchain.auth.testing.TestSettings;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The configured users, as the sign-in's user store gets them. */
class UserAccountsTest {

  private static final String HASH =
      "{bcrypt}$2a$04$abcdefghijklmnopqrstuu5g1sQ0x1mX8XJrXhH2OaQv0J0iZ0D";

  @Test
  void aNameDefinedTwiceIsRefused() {
    AuthServerProperties props =
        TestSettings.local()
            .demo(false)
            .users(user("wang.fang", Role.SEAL_CLERK), user("wang.fang", Role.AUDITOR))
            .build();

    assertThatIllegalStateException()
        .isThrownBy(() -> UserAccounts.from(props))
        .withMessage("the user 'wang.fang' is defined twice");
  }

  @Test
  void namesThatDifferOnlyInCaseAreOneAccountAndRefused() {
    AuthServerProperties props =
        TestSettings.local()
            .demo(false)
            .users(user("Wang.Fang", Role.SEAL_CLERK), user("wang.fang", Role.ADMIN))
            .build();

    assertThatIllegalStateException()
        .isThrownBy(() -> UserAccounts.from(props))
        .withMessage(
            "the users 'Wang.Fang' and 'wang.fang' are one account: user names are not"
                + " case-sensitive");
  }

  @Test
  void aDemoUsersNameInAnotherCaseIsRefusedToo() {
    AuthServerProperties props =
        TestSettings.local().users(user("SEAL-CLERK-USER", Role.ADMIN)).build();

    assertThatIllegalStateException()
        .isThrownBy(() -> UserAccounts.from(props))
        .withMessageContaining("'seal-clerk-user' and 'SEAL-CLERK-USER' are one account");
  }

  @Test
  void theStoreFindsAUserWhateverTheCaseTyped() {
    List<UserDetails> users =
        UserAccounts.from(
            TestSettings.local().demo(false).users(user("Wang.Fang", Role.AUDITOR)).build());

    UserDetails found = new InMemoryUserDetailsManager(users).loadUserByUsername("WANG.FANG");

    assertThat(found.getUsername()).isEqualTo("Wang.Fang");
    assertThat(found.getAuthorities())
        .extracting(Object::toString)
        .containsExactly(Role.AUDITOR.authority());
  }

  private static AuthServerProperties.User user(String name, Role role) {
    return new AuthServerProperties.User(name, HASH, List.of(role));
  }
}
