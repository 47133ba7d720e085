package org.govchain.ssc.cards;

import static org.govchain.ssc.cards.CardStatus.APPLICATION_LOCKED;
import static org.govchain.ssc.cards.CardStatus.CANCELLED;
import static org.govchain.ssc.cards.CardStatus.FORMAL_LOSS;
import static org.govchain.ssc.cards.CardStatus.NORMAL;
import static org.govchain.ssc.cards.CardStatus.SEALED;
import static org.govchain.ssc.cards.CardStatus.TEMPORARY_LOSS;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The card state machine, as one table of the statuses each action is allowed from:
 *
 * <pre>
 *   issue → SEALED ─activate→ NORMAL ─report temporary loss→ TEMPORARY_LOSS ─lift→ NORMAL
 *   NORMAL | TEMPORARY_LOSS ─report formal loss / formalise→ FORMAL_LOSS ─replace→ (new card)
 *   NORMAL ─lock→ APPLICATION_LOCKED ─unlock→ NORMAL
 *   NORMAL | APPLICATION_LOCKED ─exchange→ CANCELLED (new card)
 *   any but CANCELLED (and a replaced card) ─cancel→ CANCELLED
 * </pre>
 *
 * A replaced card keeps FORMAL_LOSS for ever: nothing is allowed on it any more. Every pair not in
 * the table is refused with {@link IllegalCardTransitionException}.
 */
public final class CardLifecycle {

  private static final Map<CardAction, Set<CardStatus>> FROM = new EnumMap<>(CardAction.class);

  static {
    FROM.put(CardAction.ACTIVATE, EnumSet.of(SEALED));
    FROM.put(CardAction.REPORT_TEMPORARY_LOSS, EnumSet.of(NORMAL));
    FROM.put(CardAction.LIFT_LOSS, EnumSet.of(TEMPORARY_LOSS));
    FROM.put(CardAction.REPORT_FORMAL_LOSS, EnumSet.of(NORMAL, TEMPORARY_LOSS));
    FROM.put(CardAction.FORMALISE_LOSS, EnumSet.of(TEMPORARY_LOSS));
    FROM.put(CardAction.REPLACE, EnumSet.of(FORMAL_LOSS));
    FROM.put(CardAction.EXCHANGE, EnumSet.of(NORMAL, APPLICATION_LOCKED));
    FROM.put(CardAction.LOCK, EnumSet.of(NORMAL));
    FROM.put(CardAction.UNLOCK, EnumSet.of(APPLICATION_LOCKED));
    FROM.put(
        CardAction.CANCEL,
        EnumSet.of(SEALED, NORMAL, FORMAL_LOSS, APPLICATION_LOCKED, TEMPORARY_LOSS));
  }

  private CardLifecycle() {}

  /** Whether {@code action} is allowed on a card in {@code current}, replaced or not. */
  public static boolean allows(CardStatus current, boolean replaced, CardAction action) {
    return !replaced && FROM.get(action).contains(current);
  }

  /**
   * The card's status after {@code action}.
   *
   * @param replaced whether the card has been replaced (补卡): then nothing is allowed
   * @param reason required (non-blank) for actions that {@link CardAction#needsReason need one}
   * @throws IllegalCardTransitionException if the action is not allowed from {@code current}
   * @throws ReasonRequiredException if a needed reason is missing
   */
  public static CardStatus apply(
      CardStatus current, boolean replaced, CardAction action, String reason) {
    if (!allows(current, replaced, action)) {
      throw new IllegalCardTransitionException(current, replaced, action);
    }
    if (action.needsReason() && (reason == null || reason.isBlank())) {
      throw new ReasonRequiredException(action);
    }
    return switch (action) {
      case ACTIVATE, LIFT_LOSS, UNLOCK -> NORMAL;
      case REPORT_TEMPORARY_LOSS -> TEMPORARY_LOSS;
      case REPORT_FORMAL_LOSS, FORMALISE_LOSS -> FORMAL_LOSS;
      case REPLACE -> FORMAL_LOSS; // the old card's status stays; the new card starts SEALED
      case LOCK -> APPLICATION_LOCKED;
      case EXCHANGE, CANCEL -> CANCELLED;
    };
  }
}
