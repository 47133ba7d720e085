-- GovChain log storage (anchor-spring-boot-starter). Versions 1000+ are the starter's; a
-- service's own migrations use 1..999 in its own location.
--
-- Append-only by construction: entries, leaves and nodes are never updated or deleted, and the
-- database refuses it (triggers below), whatever the code does.

-- Every appended event, in arrival order (id). Written in the service's own transaction.
CREATE TABLE govchain_log_entry (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    log_origin  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    version     BIGINT      NOT NULL CHECK (version >= 1),
    envelope    BYTEA       NOT NULL,                                   -- the exact bytes hashed
    leaf_hash   BYTEA       NOT NULL CHECK (octet_length(leaf_hash) = 32),
    appended_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT govchain_log_entry_event_once UNIQUE (log_origin, subject, version)
);

-- The sequencer's assignment of leaf indexes: one row per sequenced entry, gapless per log.
CREATE TABLE govchain_log_leaf (
    log_origin TEXT   NOT NULL,
    leaf_index BIGINT NOT NULL CHECK (leaf_index >= 0),
    entry_id   BIGINT NOT NULL UNIQUE REFERENCES govchain_log_entry (id),
    PRIMARY KEY (log_origin, leaf_index)
);

-- Hashes of every complete (perfect) subtree: level 0 = leaf hashes; (level, idx) covers leaves
-- [idx * 2^level, (idx + 1) * 2^level). Proofs read O(log n) of these.
CREATE TABLE govchain_log_node (
    log_origin TEXT     NOT NULL,
    level      SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
    idx        BIGINT   NOT NULL CHECK (idx >= 0),
    hash       BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (log_origin, level, idx)
);

-- Signed checkpoints made by the sequencer, one per batch. The anchor columns are filled by the
-- anchorer: anchor_state NONE -> CONFIRMED (or SUPERSEDED when a larger checkpoint is anchored).
CREATE TABLE govchain_log_checkpoint (
    log_origin      TEXT        NOT NULL,
    tree_size       BIGINT      NOT NULL CHECK (tree_size >= 1),
    root_hash       BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    note            TEXT        NOT NULL,                               -- C2SP signed note
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    anchor_state    TEXT        NOT NULL DEFAULT 'NONE'
                    CHECK (anchor_state IN ('NONE', 'CONFIRMED', 'SUPERSEDED')),
    chain_id        BIGINT,
    contract        TEXT,
    tx_hash         TEXT,
    block_number    BIGINT,
    block_time      TIMESTAMPTZ,
    gas_used        BIGINT,
    anchored_at     TIMESTAMPTZ,
    PRIMARY KEY (log_origin, tree_size),
    CHECK (anchor_state <> 'CONFIRMED'
           OR (chain_id IS NOT NULL AND contract IS NOT NULL AND tx_hash IS NOT NULL
               AND block_number IS NOT NULL AND block_time IS NOT NULL))
);
CREATE INDEX govchain_log_checkpoint_anchored
    ON govchain_log_checkpoint (log_origin, tree_size DESC) WHERE anchor_state = 'CONFIRMED';

CREATE FUNCTION govchain_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'GovChain log table % is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER govchain_log_entry_append_only
    BEFORE UPDATE OR DELETE ON govchain_log_entry
    FOR EACH ROW EXECUTE FUNCTION govchain_refuse_change();
CREATE TRIGGER govchain_log_entry_no_truncate
    BEFORE TRUNCATE ON govchain_log_entry
    FOR EACH STATEMENT EXECUTE FUNCTION govchain_refuse_change();
CREATE TRIGGER govchain_log_leaf_append_only
    BEFORE UPDATE OR DELETE ON govchain_log_leaf
    FOR EACH ROW EXECUTE FUNCTION govchain_refuse_change();
CREATE TRIGGER govchain_log_leaf_no_truncate
    BEFORE TRUNCATE ON govchain_log_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION govchain_refuse_change();
CREATE TRIGGER govchain_log_node_append_only
    BEFORE UPDATE OR DELETE ON govchain_log_node
    FOR EACH ROW EXECUTE FUNCTION govchain_refuse_change();
CREATE TRIGGER govchain_log_node_no_truncate
    BEFORE TRUNCATE ON govchain_log_node
    FOR EACH STATEMENT EXECUTE FUNCTION govchain_refuse_change();

-- Checkpoints: the signed content never changes and rows are never deleted; only the anchor
-- columns may be filled in.
CREATE FUNCTION govchain_checkpoint_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'GovChain checkpoints are never deleted'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.log_origin IS DISTINCT FROM OLD.log_origin
       OR NEW.tree_size IS DISTINCT FROM OLD.tree_size
       OR NEW.root_hash IS DISTINCT FROM OLD.root_hash
       OR NEW.note IS DISTINCT FROM OLD.note
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'GovChain checkpoint %/% is signed: its content cannot change',
            OLD.log_origin, OLD.tree_size USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER govchain_log_checkpoint_guard
    BEFORE UPDATE OR DELETE ON govchain_log_checkpoint
    FOR EACH ROW EXECUTE FUNCTION govchain_checkpoint_guard();
CREATE TRIGGER govchain_log_checkpoint_no_truncate
    BEFORE TRUNCATE ON govchain_log_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION govchain_refuse_change();
