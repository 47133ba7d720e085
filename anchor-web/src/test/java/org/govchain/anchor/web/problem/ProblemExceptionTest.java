package org.govchain.anchor.web.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemExceptionTest {

  private static final ProblemKind KIND =
      ProblemKind.of(HttpStatus.CONFLICT, "illegal-transition", "Illegal transition");

  @Test
  void anExtensionMemberNamedLikeAStandardOneIsRefused() {
    for (String name : ProblemException.STANDARD_MEMBERS) {
      assertThatThrownBy(() -> new ProblemException(KIND, "no", Map.of(name, "SUSPENDED")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(name);
    }
  }

  @Test
  void otherMembersAreKeptInOrder() {
    Map<String, Object> members = new java.util.LinkedHashMap<>();
    members.put("sealStatus", "SUSPENDED");
    members.put("action", "SUSPEND");
    assertThat(new ProblemException(KIND, "no", members).properties())
        .containsExactly(Map.entry("sealStatus", "SUSPENDED"), Map.entry("action", "SUSPEND"));
  }
}
