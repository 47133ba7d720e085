package org.govchain.anchor.bundle;

/** The outcome of verifying a proof bundle; only {@link #VALID} means the record is proven. */
public enum Verdict {
  /** The leaf is in the anchored tree, the chain holds that root, deep enough. */
  VALID,
  /**
   * The bundle does not bind its record to the anchored root: the leaf data, the inclusion path or
   * the root was changed, or the chain holds a different root for that size.
   */
  TAMPERED,
  /** The chain has no checkpoint of that size for the log. */
  NOT_ANCHORED,
  /** The checkpoint is on chain but fewer blocks deep than required. */
  UNCONFIRMED,
  /** The RPC endpoint serves a different chain than the bundle names. */
  WRONG_CHAIN,
  /** No AnchorRegistry contract at the bundle's address on that chain. */
  NO_REGISTRY,
  /**
   * The chain holds this root, but not in the transaction or block the bundle names: the bundle's
   * anchor details are wrong.
   */
  ANCHOR_MISMATCH,
  /** The chain could not be asked; nothing can be concluded. */
  CHAIN_UNAVAILABLE;
}
