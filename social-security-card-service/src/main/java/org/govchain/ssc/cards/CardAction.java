package org.govchain.ssc.cards;

/** What can happen to a card after it is issued (see {@link CardLifecycle} for when). */
public enum CardAction {
  /** The holder binds the card to their account with the activation code: SEALED → NORMAL. */
  ACTIVATE(false),
  /** 临时挂失, online by the holder or at a counter: NORMAL → TEMPORARY_LOSS. */
  REPORT_TEMPORARY_LOSS(false),
  /** 解挂: TEMPORARY_LOSS → NORMAL. */
  LIFT_LOSS(false),
  /** 正式挂失, at a counter: NORMAL | TEMPORARY_LOSS → FORMAL_LOSS. */
  REPORT_FORMAL_LOSS(false),
  /** A temporary loss not lifted within its period becomes formal (the service does it). */
  FORMALISE_LOSS(false),
  /** 补卡: a new card for a formally lost one, which stays FORMAL_LOSS for ever. */
  REPLACE(false),
  /** 换卡 (ordinary or under warranty): a new card; the old one is cancelled. */
  EXCHANGE(false),
  /** 应用锁定, administrative: NORMAL → APPLICATION_LOCKED. */
  LOCK(true),
  /** APPLICATION_LOCKED → NORMAL. */
  UNLOCK(true),
  /** 注销: any status but CANCELLED → CANCELLED, terminal. */
  CANCEL(true);

  private final boolean needsReason;

  CardAction(boolean needsReason) {
    this.needsReason = needsReason;
  }

  /** Whether the action must state a reason. */
  public boolean needsReason() {
    return needsReason;
  }
}
