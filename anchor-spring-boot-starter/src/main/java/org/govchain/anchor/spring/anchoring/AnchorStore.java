package org.govchain.anchor.spring.anchoring;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.govchain.anchor.chain.AnchorTransaction;
import org.govchain.anchor.chain.SignedTransaction;
import org.govchain.anchor.chain.TransactionFees;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The anchorer's SQL: reads the checkpoint backlog, tracks anchor transactions in {@code
 * govchain_anchor_tx} and fills in the anchor columns of {@code govchain_log_checkpoint}.
 */
final class AnchorStore {

  private static final String TX_COLUMNS =
      "id, log_origin, tree_size, root_hash, nonce, tx_hash, raw_tx, gas_limit, legacy_fees,"
          + " max_fee_per_gas, max_priority_fee_per_gas, sent_at, broadcast_at, state,"
          + " block_number";

  private final DatabaseClient db;
  private final TransactionalOperator transactions;

  AnchorStore(DatabaseClient db, TransactionalOperator transactions) {
    this.db = db;
    this.transactions = transactions;
  }

  /** What waits to be anchored in one log. */
  record Backlog(
      long confirmedSize, long newestSize, byte[] newestRoot, Instant oldestUnanchoredAt) {

    boolean hasCandidate() {
      return newestSize > confirmedSize && newestRoot != null;
    }

    /** Sequenced entries not yet covered by a confirmed anchor. */
    long unanchoredEntries() {
      return Math.max(0, newestSize - confirmedSize);
    }
  }

  /** Where a checkpoint was anchored, as its anchor columns hold it. */
  record AnchorRecord(
      long chainId,
      String contract,
      String transactionHash,
      long blockNumber,
      Instant blockTime,
      long gasUsed) {}

  Mono<Backlog> backlog(String origin) {
    return db.sql(
            """
            WITH confirmed AS (
              SELECT coalesce(max(tree_size), 0) AS size FROM govchain_log_checkpoint
               WHERE log_origin = :origin AND anchor_state = 'CONFIRMED'),
            newest AS (
              SELECT k.tree_size, k.root_hash FROM govchain_log_checkpoint k, confirmed c
               WHERE k.log_origin = :origin AND k.anchor_state = 'NONE' AND k.tree_size > c.size
               ORDER BY k.tree_size DESC LIMIT 1)
            SELECT c.size AS confirmed_size,
                   (SELECT tree_size FROM newest) AS newest_size,
                   (SELECT root_hash FROM newest) AS newest_root,
                   (SELECT min(k.created_at) FROM govchain_log_checkpoint k
                     WHERE k.log_origin = :origin AND k.anchor_state = 'NONE'
                       AND k.tree_size > c.size) AS oldest_unanchored
              FROM confirmed c
            """)
        .bind("origin", origin)
        .map(
            row -> {
              Long newest = row.get("newest_size", Long.class);
              return new Backlog(
                  row.get("confirmed_size", Long.class),
                  newest == null ? 0 : newest,
                  row.get("newest_root", byte[].class),
                  instant(row, "oldest_unanchored"));
            })
        .one();
  }

  /** The root of the checkpoint of {@code size}, if the log made one. */
  Mono<byte[]> checkpointRoot(String origin, long size) {
    return db.sql(
            "SELECT root_hash FROM govchain_log_checkpoint"
                + " WHERE log_origin = :origin AND tree_size = :size")
        .bind("origin", origin)
        .bind("size", size)
        .map(row -> row.get("root_hash", byte[].class))
        .one();
  }

  /** The transaction being waited for (SENT or MINED), if any. */
  Mono<TrackedTransaction> inFlight(String origin) {
    return db.sql(
            "SELECT "
                + TX_COLUMNS
                + " FROM govchain_anchor_tx WHERE log_origin = :origin"
                + " AND state IN ('SENT', 'MINED')")
        .bind("origin", origin)
        .map(AnchorStore::transaction)
        .one();
  }

  /**
   * Every not yet settled transaction using {@code nonce}: the one in flight and those it replaced.
   */
  Flux<TrackedTransaction> unsettledWithNonce(String origin, long nonce) {
    return db.sql(
            "SELECT "
                + TX_COLUMNS
                + " FROM govchain_anchor_tx WHERE log_origin = :origin AND nonce = :nonce"
                + " AND state IN ('SENT', 'MINED', 'REPLACED') ORDER BY id DESC")
        .bind("origin", origin)
        .bind("nonce", nonce)
        .map(AnchorStore::transaction)
        .all();
  }

  /** Stores a signed transaction as SENT (committed before anyone sends it). */
  Mono<TrackedTransaction> insertSent(
      String origin,
      long chainId,
      String contract,
      String sender,
      AnchorTransaction unsigned,
      SignedTransaction signed) {
    return db.sql(
            """
            INSERT INTO govchain_anchor_tx (log_origin, tree_size, root_hash, chain_id, contract,
                sender, nonce, tx_hash, raw_tx, gas_limit, legacy_fees, max_fee_per_gas,
                max_priority_fee_per_gas)
            VALUES (:origin, :size, :root, :chainId, :contract, :sender, :nonce, :hash, :raw,
                :gasLimit, :legacy, :maxFee, :tip)
            RETURNING\s"""
                + TX_COLUMNS)
        .bind("origin", origin)
        .bind("size", unsigned.treeSize())
        .bind("root", unsigned.rootHash())
        .bind("chainId", chainId)
        .bind("contract", contract)
        .bind("sender", sender)
        .bind("nonce", unsigned.nonce())
        .bind("hash", signed.hash())
        .bind("raw", signed.rawHex())
        .bind("gasLimit", new BigDecimal(unsigned.gasLimit()))
        .bind("legacy", unsigned.fees().legacy())
        .bind("maxFee", new BigDecimal(unsigned.fees().maxFeePerGas()))
        .bind("tip", new BigDecimal(unsigned.fees().maxPriorityFeePerGas()))
        .map(AnchorStore::transaction)
        .one();
  }

  /** Marks {@code replaced} REPLACED and stores its replacement as SENT, in one transaction. */
  Mono<TrackedTransaction> replace(
      TrackedTransaction replaced,
      long chainId,
      String contract,
      String sender,
      AnchorTransaction unsigned,
      SignedTransaction signed) {
    return setState(replaced.id(), TrackedTransaction.State.REPLACED)
        .then(insertSent(replaced.origin(), chainId, contract, sender, unsigned, signed))
        .as(transactions::transactional);
  }

  Mono<Void> markBroadcast(long id) {
    return db.sql(
            "UPDATE govchain_anchor_tx SET broadcast_at = coalesce(broadcast_at, now()),"
                + " updated_at = now() WHERE id = :id")
        .bind("id", id)
        .then();
  }

  /**
   * The in-flight row is now {@code mined} (its block noted); every other unsettled row of its
   * nonce becomes REPLACED. Two statements in one transaction, the other rows first: the unique
   * index of one in-flight row per log is checked row by row, so a single UPDATE that promotes a
   * REPLACED row while the SENT replacement is still SENT fails when it meets the promoted row
   * first.
   */
  Mono<Void> markMined(TrackedTransaction mined, long blockNumber, long gasUsed) {
    Mono<Void> others =
        db.sql(
                """
                UPDATE govchain_anchor_tx SET state = 'REPLACED', block_number = NULL,
                       gas_used = NULL, updated_at = now()
                 WHERE log_origin = :origin AND nonce = :nonce AND id <> :id
                   AND state IN ('SENT', 'MINED')
                """)
            .bind("id", mined.id())
            .bind("origin", mined.origin())
            .bind("nonce", mined.nonce())
            .then();
    Mono<Void> promoted =
        db.sql(
                """
                UPDATE govchain_anchor_tx SET state = 'MINED', block_number = :block,
                       gas_used = :gas, updated_at = now()
                 WHERE id = :id AND state IN ('SENT', 'MINED', 'REPLACED')
                """)
            .bind("id", mined.id())
            .bind("block", blockNumber)
            .bind("gas", gasUsed)
            .then();
    return others.then(promoted).as(transactions::transactional);
  }

  /** A mined row whose receipt vanished (reorganisation) waits again as SENT. */
  Mono<Void> markUnmined(long id) {
    return db.sql(
            "UPDATE govchain_anchor_tx SET state = 'SENT', block_number = NULL, gas_used = NULL,"
                + " updated_at = now() WHERE id = :id AND state = 'MINED'")
        .bind("id", id)
        .then();
  }

  /** Settles every unsettled row of {@code nonce} as {@code state} (FAILED or DROPPED). */
  Mono<Long> settleNonce(String origin, long nonce, TrackedTransaction.State state) {
    return db.sql(
            "UPDATE govchain_anchor_tx SET state = :state, updated_at = now()"
                + " WHERE log_origin = :origin AND nonce = :nonce"
                + " AND state IN ('SENT', 'MINED', 'REPLACED')")
        .bind("state", state.name())
        .bind("origin", origin)
        .bind("nonce", nonce)
        .fetch()
        .rowsUpdated();
  }

  /**
   * In one transaction: the checkpoint of {@code size} becomes CONFIRMED with {@code anchor}, older
   * unanchored checkpoints SUPERSEDED, the transaction that anchored it (if it is one of ours)
   * CONFIRMED and every other unsettled transaction of the log for sizes up to {@code size}
   * DROPPED.
   */
  Mono<Void> confirm(String origin, long size, AnchorRecord anchor) {
    Mono<Long> checkpoint =
        db.sql(
                """
                UPDATE govchain_log_checkpoint SET anchor_state = 'CONFIRMED', chain_id = :chainId,
                       contract = :contract, tx_hash = :hash, block_number = :block,
                       block_time = :time, gas_used = :gas, anchored_at = now()
                 WHERE log_origin = :origin AND tree_size = :size AND anchor_state <> 'CONFIRMED'
                """)
            .bind("chainId", anchor.chainId())
            .bind("contract", anchor.contract())
            .bind("hash", anchor.transactionHash())
            .bind("block", anchor.blockNumber())
            .bind("time", OffsetDateTime.ofInstant(anchor.blockTime(), ZoneOffset.UTC))
            .bind("gas", anchor.gasUsed())
            .bind("origin", origin)
            .bind("size", size)
            .fetch()
            .rowsUpdated();
    Mono<Long> older =
        db.sql(
                "UPDATE govchain_log_checkpoint SET anchor_state = 'SUPERSEDED'"
                    + " WHERE log_origin = :origin AND tree_size < :size"
                    + " AND anchor_state = 'NONE'")
            .bind("origin", origin)
            .bind("size", size)
            .fetch()
            .rowsUpdated();
    Mono<Long> winner =
        db.sql(
                "UPDATE govchain_anchor_tx SET state = 'CONFIRMED', block_number = :block,"
                    + " gas_used = :gas, updated_at = now() WHERE tx_hash = :hash")
            .bind("block", anchor.blockNumber())
            .bind("gas", anchor.gasUsed())
            .bind("hash", anchor.transactionHash())
            .fetch()
            .rowsUpdated();
    Mono<Long> others =
        db.sql(
                "UPDATE govchain_anchor_tx SET state = 'DROPPED', updated_at = now()"
                    + " WHERE log_origin = :origin AND tree_size <= :size"
                    + " AND state IN ('SENT', 'MINED', 'REPLACED')")
            .bind("origin", origin)
            .bind("size", size)
            .fetch()
            .rowsUpdated();
    return checkpoint.then(older).then(winner).then(others).then().as(transactions::transactional);
  }

  private Mono<Void> setState(long id, TrackedTransaction.State state) {
    return db.sql("UPDATE govchain_anchor_tx SET state = :state, updated_at = now() WHERE id = :id")
        .bind("state", state.name())
        .bind("id", id)
        .then();
  }

  private static TrackedTransaction transaction(Readable row) {
    boolean legacy = Boolean.TRUE.equals(row.get("legacy_fees", Boolean.class));
    BigInteger maxFee = row.get("max_fee_per_gas", BigDecimal.class).toBigIntegerExact();
    BigInteger tip = row.get("max_priority_fee_per_gas", BigDecimal.class).toBigIntegerExact();
    return new TrackedTransaction(
        row.get("id", Long.class),
        row.get("log_origin", String.class),
        row.get("tree_size", Long.class),
        row.get("root_hash", byte[].class),
        row.get("nonce", Long.class),
        row.get("tx_hash", String.class),
        row.get("raw_tx", String.class),
        row.get("gas_limit", BigDecimal.class).toBigIntegerExact(),
        legacy ? TransactionFees.legacy(maxFee) : TransactionFees.eip1559(maxFee, tip),
        instant(row, "sent_at"),
        instant(row, "broadcast_at"),
        TrackedTransaction.State.valueOf(row.get("state", String.class)),
        row.get("block_number", Long.class));
  }

  private static Instant instant(Readable row, String column) {
    OffsetDateTime value = row.get(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
