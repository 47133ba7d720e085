package org.govchain.ssc.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.govchain.anchor.web.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status × action pair, replaced or not: the allowed ones and their result, the rest 409. */
class CardLifecycleTest {

  /** The lifecycle, written out here independently of the implementation's table. */
  private static final Map<String, CardStatus> ALLOWED =
      Map.ofEntries(
          Map.entry("SEALED ACTIVATE", CardStatus.NORMAL),
          Map.entry("SEALED CANCEL", CardStatus.CANCELLED),
          Map.entry("NORMAL REPORT_TEMPORARY_LOSS", CardStatus.TEMPORARY_LOSS),
          Map.entry("NORMAL REPORT_FORMAL_LOSS", CardStatus.FORMAL_LOSS),
          Map.entry("NORMAL LOCK", CardStatus.APPLICATION_LOCKED),
          Map.entry("NORMAL EXCHANGE", CardStatus.CANCELLED),
          Map.entry("NORMAL CANCEL", CardStatus.CANCELLED),
          Map.entry("TEMPORARY_LOSS LIFT_LOSS", CardStatus.NORMAL),
          Map.entry("TEMPORARY_LOSS REPORT_FORMAL_LOSS", CardStatus.FORMAL_LOSS),
          Map.entry("TEMPORARY_LOSS FORMALISE_LOSS", CardStatus.FORMAL_LOSS),
          Map.entry("TEMPORARY_LOSS CANCEL", CardStatus.CANCELLED),
          Map.entry("FORMAL_LOSS REPLACE", CardStatus.FORMAL_LOSS),
          Map.entry("FORMAL_LOSS CANCEL", CardStatus.CANCELLED),
          Map.entry("APPLICATION_LOCKED UNLOCK", CardStatus.NORMAL),
          Map.entry("APPLICATION_LOCKED EXCHANGE", CardStatus.CANCELLED),
          Map.entry("APPLICATION_LOCKED CANCEL", CardStatus.CANCELLED));

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (CardStatus status : CardStatus.values()) {
      for (CardAction action : CardAction.values()) {
        for (boolean replaced : new boolean[] {false, true}) {
          pairs.add(Arguments.of(status, action, replaced));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} {1} replaced={2}")
  @MethodSource("everyPair")
  void allowedPairsLeadWhereTheTableSaysAndTheRestAre409(
      CardStatus status, CardAction action, boolean replaced) {
    CardStatus expected = replaced ? null : ALLOWED.get(status + " " + action);
    if (expected != null) {
      assertThat(CardLifecycle.allows(status, replaced, action)).isTrue();
      assertThat(CardLifecycle.apply(status, replaced, action, "a reason")).isEqualTo(expected);
    } else {
      assertThat(CardLifecycle.allows(status, replaced, action)).isFalse();
      assertThatThrownBy(() -> CardLifecycle.apply(status, replaced, action, "a reason"))
          .isInstanceOfSatisfying(
              IllegalCardTransitionException.class,
              e -> {
                assertThat(e.kind().status().value()).isEqualTo(409);
                assertThat(e.properties())
                    .containsEntry("cardStatus", status.name())
                    .containsEntry("cardStatusCode", status.code())
                    .containsEntry("action", action.name())
                    .containsEntry("replaced", replaced);
              });
    }
  }

  @Test
  void cancelledIsTerminal() {
    for (CardAction action : CardAction.values()) {
      assertThat(CardLifecycle.allows(CardStatus.CANCELLED, false, action))
          .as("%s", action)
          .isFalse();
    }
  }

  @Test
  void lockUnlockAndCancelNeedAReasonTheOthersDoNot() {
    for (String reason : new String[] {null, "", "  "}) {
      assertThatThrownBy(
              () -> CardLifecycle.apply(CardStatus.NORMAL, false, CardAction.LOCK, reason))
          .isInstanceOf(ReasonRequiredException.class)
          .extracting(e -> ((ProblemException) e).kind().kind())
          .isEqualTo("reason-required");
      assertThatThrownBy(
              () ->
                  CardLifecycle.apply(
                      CardStatus.APPLICATION_LOCKED, false, CardAction.UNLOCK, reason))
          .isInstanceOf(ReasonRequiredException.class);
      assertThatThrownBy(
              () -> CardLifecycle.apply(CardStatus.NORMAL, false, CardAction.CANCEL, reason))
          .isInstanceOf(ReasonRequiredException.class);
    }
    assertThat(CardLifecycle.apply(CardStatus.SEALED, false, CardAction.ACTIVATE, null))
        .isEqualTo(CardStatus.NORMAL);
    assertThat(
            CardLifecycle.apply(CardStatus.NORMAL, false, CardAction.REPORT_TEMPORARY_LOSS, null))
        .isEqualTo(CardStatus.TEMPORARY_LOSS);
  }

  @Test
  void anIllegalTransitionIsRefusedBeforeAMissingReason() {
    assertThatThrownBy(
            () -> CardLifecycle.apply(CardStatus.CANCELLED, false, CardAction.CANCEL, null))
        .isInstanceOf(IllegalCardTransitionException.class);
  }

  @Test
  void statusCodesAreThoseOfTheExistingSystems() {
    assertThat(CardStatus.values()).extracting(CardStatus::code).containsExactly(0, 1, 2, 3, 4, 9);
    assertThat(CardStatus.ofCode(4)).isEqualTo(CardStatus.TEMPORARY_LOSS);
    assertThat(CardStatus.ofCode(9).label()).isEqualTo("注销");
    assertThatThrownBy(() -> CardStatus.ofCode(5)).isInstanceOf(IllegalArgumentException.class);
    assertThat(CardStatus.values())
        .filteredOn(CardStatus::usable)
        .containsExactly(CardStatus.NORMAL);
  }
}
