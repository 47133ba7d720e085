-- GovChain anchoring (anchor-spring-boot-starter, package ...spring.anchoring): one row per anchor
-- transaction the anchorer signed, written and committed BEFORE the transaction is sent, so a
-- crash at any point leaves a hash to reconcile against the chain, never an unknown send.
--
-- States: SENT (signed, stored, being broadcast or waiting for a receipt), REPLACED (a same-nonce
-- replacement with higher fees was signed; this one may still be mined), MINED (a receipt exists,
-- waiting for confirmations), CONFIRMED (its checkpoint is CONFIRMED), FAILED (mined but
-- reverted), DROPPED (its nonce went to another transaction, or the chain already held the root).
CREATE TABLE govchain_anchor_tx (
    id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    log_origin               TEXT        NOT NULL,
    tree_size                BIGINT      NOT NULL,
    root_hash                BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    chain_id                 BIGINT      NOT NULL,
    contract                 TEXT        NOT NULL,
    sender                   TEXT        NOT NULL,
    nonce                    BIGINT      NOT NULL CHECK (nonce >= 0),
    tx_hash                  TEXT        NOT NULL UNIQUE,
    raw_tx                   TEXT        NOT NULL,                       -- signed bytes, 0x hex
    gas_limit                NUMERIC(78) NOT NULL,
    legacy_fees              BOOLEAN     NOT NULL,
    max_fee_per_gas          NUMERIC(78) NOT NULL,
    max_priority_fee_per_gas NUMERIC(78) NOT NULL,
    sent_at                  TIMESTAMPTZ NOT NULL DEFAULT now(),       -- stored (before sending)
    broadcast_at             TIMESTAMPTZ,                              -- a node accepted it
    state                    TEXT        NOT NULL DEFAULT 'SENT'
                             CHECK (state IN ('SENT', 'REPLACED', 'MINED', 'CONFIRMED', 'FAILED',
                                              'DROPPED')),
    block_number             BIGINT,
    gas_used                 BIGINT,
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (log_origin, tree_size) REFERENCES govchain_log_checkpoint (log_origin, tree_size),
    CHECK (state NOT IN ('MINED', 'CONFIRMED') OR block_number IS NOT NULL)
);

-- At most one transaction in flight per log (the one being waited for); replaced ones are kept.
CREATE UNIQUE INDEX govchain_anchor_tx_one_in_flight
    ON govchain_anchor_tx (log_origin) WHERE state IN ('SENT', 'MINED');
CREATE INDEX govchain_anchor_tx_by_nonce ON govchain_anchor_tx (log_origin, nonce);

-- The anchorer looks for the newest unanchored checkpoint above the newest confirmed one.
CREATE INDEX govchain_log_checkpoint_unanchored
    ON govchain_log_checkpoint (log_origin, tree_size DESC) WHERE anchor_state = 'NONE';
