package org.govchain.seal.seals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SealLifecycleTest {
  static final ValidityPeriod VALIDITY =
      ValidityPeriod.of(
          Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

  @ParameterizedTest
  @CsvSource({
    "ACTIVE, SUSPEND, SUSPENDED",
    "SUSPENDED, RESUME, ACTIVE",
    "ACTIVE, REVOKE, REVOKED",
    "SUSPENDED, REVOKE, REVOKED"
  })
  void allowsTheLegalTransitions(SealStatus from, SealAction action, SealStatus to) {
    assertThat(SealLifecycle.apply(from, action, "key lost")).isEqualTo(to);
  }

  @ParameterizedTest
  @CsvSource({
    "ACTIVE, RESUME",
    "SUSPENDED, SUSPEND",
    "REVOKED, SUSPEND",
    "REVOKED, RESUME",
    "REVOKED, REVOKE",
    "EXPIRED, SUSPEND",
    "EXPIRED, RESUME",
    "EXPIRED, REVOKE",
    "NOT_YET_VALID, SUSPEND",
    "NOT_YET_VALID, RESUME",
    "NOT_YET_VALID, REVOKE"
  })
  void refusesEveryOtherTransitionWithFromAndAction(SealStatus from, SealAction action) {
    assertThatThrownBy(() -> SealLifecycle.apply(from, action, "reason"))
        .isInstanceOfSatisfying(
            IllegalSealTransitionException.class,
            e -> {
              assertThat(e.from()).isEqualTo(from);
              assertThat(e.action()).isEqualTo(action);
            });
  }

  @Test
  void transitionTablesCoverEveryStatusAndAction() {
    int legal = 0;
    for (SealStatus from : SealStatus.values()) {
      for (SealAction action : SealAction.values()) {
        try {
          SealLifecycle.apply(from, action, "reason");
          legal++;
        } catch (IllegalSealTransitionException e) {
          assertThat(e.from()).isEqualTo(from);
        }
      }
    }
    assertThat(legal).isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void revocationNeedsAReason(String reason) {
    assertThatThrownBy(() -> SealLifecycle.apply(SealStatus.ACTIVE, SealAction.REVOKE, reason))
        .isInstanceOf(RevocationReasonRequiredException.class);
    assertThatThrownBy(() -> SealLifecycle.apply(SealStatus.ACTIVE, SealAction.REVOKE, null))
        .isInstanceOf(RevocationReasonRequiredException.class);
  }

  @Test
  void expiryAndNotYetValidFollowFromTheValidityDates() {
    assertThat(SealLifecycle.effectiveStatus(SealStatus.ACTIVE, VALIDITY, VALIDITY.notAfter()))
        .isEqualTo(SealStatus.EXPIRED);
    assertThat(
            SealLifecycle.effectiveStatus(
                SealStatus.SUSPENDED, VALIDITY, VALIDITY.notAfter().plusSeconds(1)))
        .isEqualTo(SealStatus.EXPIRED);
    assertThat(
            SealLifecycle.effectiveStatus(
                SealStatus.ACTIVE, VALIDITY, VALIDITY.notBefore().minusMillis(1)))
        .isEqualTo(SealStatus.NOT_YET_VALID);
    assertThat(
            SealLifecycle.effectiveStatus(
                SealStatus.ACTIVE, VALIDITY, VALIDITY.notAfter().minusMillis(1)))
        .isEqualTo(SealStatus.ACTIVE);
    assertThat(
            SealLifecycle.effectiveStatus(
                SealStatus.REVOKED, VALIDITY, VALIDITY.notAfter().plusSeconds(1)))
        .isEqualTo(SealStatus.REVOKED);
  }

  @Test
  void expiredSealCannotBeSuspended() {
    SealStatus now =
        SealLifecycle.effectiveStatus(SealStatus.ACTIVE, VALIDITY, VALIDITY.notAfter());
    assertThatThrownBy(() -> SealLifecycle.apply(now, SealAction.SUSPEND, null))
        .isInstanceOf(IllegalSealTransitionException.class);
  }

  @Test
  void historyAnswersTheStatusAtAnyTime() {
    Instant created = Instant.parse("2026-01-10T00:00:00Z");
    Instant suspended = Instant.parse("2026-03-01T00:00:00Z");
    Instant resumed = Instant.parse("2026-04-01T00:00:00Z");
    Instant revoked = Instant.parse("2026-06-01T00:00:00Z");
    SealStatusHistory history =
        SealStatusHistory.of(
            VALIDITY,
            List.of(
                StatusChange.revoked(revoked, "key compromised"),
                StatusChange.of(created, SealStatus.ACTIVE),
                StatusChange.of(suspended, SealStatus.SUSPENDED),
                StatusChange.of(resumed, SealStatus.ACTIVE)));
    assertThat(history.statusAt(created.minusSeconds(1)).status())
        .isEqualTo(SealStatus.NOT_YET_VALID);
    assertThat(history.statusAt(created).status()).isEqualTo(SealStatus.ACTIVE);
    assertThat(history.statusAt(suspended.plusSeconds(5)).status()).isEqualTo(SealStatus.SUSPENDED);
    assertThat(history.statusAt(resumed).status()).isEqualTo(SealStatus.ACTIVE);
    assertThat(history.statusAt(revoked.minusMillis(1)).status()).isEqualTo(SealStatus.ACTIVE);
    StatusChange atRevocation = history.statusAt(revoked);
    assertThat(atRevocation.status()).isEqualTo(SealStatus.REVOKED);
    assertThat(atRevocation.reason()).isEqualTo("key compromised");
    assertThat(history.statusAt(VALIDITY.notAfter().plusSeconds(1)).status())
        .isEqualTo(SealStatus.REVOKED);
  }

  @Test
  void withinTheSecondOfAChangeTheSealingGetsTheBenefitOfTheDoubt() {
    Instant second = Instant.parse("2026-05-05T10:00:00Z");
    SealStatusHistory history =
        SealStatusHistory.of(
            VALIDITY,
            List.of(
                StatusChange.of(second.plusMillis(700), SealStatus.ACTIVE),
                StatusChange.revoked(second.plusSeconds(60).plusMillis(200), "lost")));
    // sealed at 10:00:00.9, stamped 10:00:00: the creation at .7 counts from 10:00:00
    assertThat(history.statusAt(second).status()).isEqualTo(SealStatus.ACTIVE);
    // sealed at 10:01:00.1, stamped 10:01:00: the revocation at .2 counts from 10:01:01
    assertThat(history.statusAt(second.plusSeconds(60)).status()).isEqualTo(SealStatus.ACTIVE);
    assertThat(history.statusAt(second.plusSeconds(61)).status()).isEqualTo(SealStatus.REVOKED);
    assertThat(history.statusAt(second.minusSeconds(1)).status())
        .isEqualTo(SealStatus.NOT_YET_VALID);
  }

  @Test
  void historyReportsExpirySinceTheEndOfValidity() {
    SealStatusHistory history =
        SealStatusHistory.of(
            VALIDITY, List.of(StatusChange.of(VALIDITY.notBefore(), SealStatus.ACTIVE)));
    StatusChange after = history.statusAt(VALIDITY.notAfter().plusSeconds(60));
    assertThat(after.status()).isEqualTo(SealStatus.EXPIRED);
    assertThat(after.at()).isEqualTo(VALIDITY.notAfter());
  }

  @Test
  void validityMustEndAfterItStarts() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> ValidityPeriod.of(t, t)).isInstanceOf(IllegalArgumentException.class);
  }
}
