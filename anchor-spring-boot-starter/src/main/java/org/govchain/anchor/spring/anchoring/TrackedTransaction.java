package org.govchain.anchor.spring.anchoring;

import java.math.BigInteger;
import java.time.Instant;
import org.govchain.anchor.chain.AnchorTransaction;
import org.govchain.anchor.chain.LogId;
import org.govchain.anchor.chain.SignedTransaction;
import org.govchain.anchor.chain.TransactionFees;

/**
 * One row of {@code govchain_anchor_tx}: an anchor transaction as signed and stored before it was
 * sent.
 */
record TrackedTransaction(
    long id,
    String origin,
    long treeSize,
    byte[] rootHash,
    long nonce,
    String hash,
    String rawTx,
    BigInteger gasLimit,
    TransactionFees fees,
    Instant sentAt,
    Instant broadcastAt,
    State state,
    Long blockNumber) {

  /** The lifecycle of a tracked transaction (see V1001). */
  enum State {
    SENT,
    REPLACED,
    MINED,
    CONFIRMED,
    FAILED,
    DROPPED
  }

  /** The signed bytes, to broadcast again. */
  SignedTransaction signed() {
    return new SignedTransaction(hash, rawTx, nonce);
  }

  /** The unsigned transaction, to sign a replacement with other fees and the same nonce. */
  AnchorTransaction unsigned() {
    return new AnchorTransaction(LogId.of(origin), treeSize, rootHash, nonce, gasLimit, fees);
  }
}
