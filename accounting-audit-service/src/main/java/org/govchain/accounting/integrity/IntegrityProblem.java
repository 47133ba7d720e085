package org.govchain.accounting.integrity;

/** What the integrity report found wrong with a posted voucher, in the order it checks. */
public enum IntegrityProblem {
  /** The voucher's row no longer hashes to the hash it was posted with: its content was changed. */
  CONTENT_ALTERED,
  /**
   * The voucher does not carry its predecessor's hash, or a voucher of the chain is missing (a row
   * deleted), or the chain's head does not end where the vouchers do.
   */
  CHAIN_LINK_BROKEN,
  /** The log has no posting event for the voucher. */
  MISSING_FROM_LOG,
  /** The log's posting event holds other content or another hash than the voucher's row. */
  LOG_MISMATCH,
  /**
   * The posting event's inclusion proof does not lead to the anchored root, or the chain says no.
   */
  ANCHOR_INVALID,
  /**
   * The posting event is not yet in an anchored checkpoint (not a break: anchoring is periodic).
   */
  NOT_ANCHORED_YET
}
