package org.govchain.ssc.cards.web;

/** What a service point learns of a scanned QR code. */
public enum QrVerdict {
  /** Genuine, in time, first use, the card normal: the token is now used. */
  VALID,
  /** Genuine but past its expiry. */
  EXPIRED,
  /** Genuine and in time, but already used once. */
  ALREADY_USED,
  /** Not a payload this service signed and issued (altered, foreign, undecodable). */
  FORGED,
  /** Genuine, but the card is not normal (lost, locked, cancelled, replaced): with its status. */
  CARD_NOT_USABLE
}
